// "Open room view": the app's own page at #/room in a second window, named so that pressing `w`
// again brings back the same window instead of stacking new ones. In Electron the main process
// catches this window.open and puts the window full screen on the second display
// (electron/presenterWindows.ts).
export const ROOM_WINDOW_NAME = 'planroom-room';

export function openRoomView(): void {
  const url = `${window.location.pathname}${window.location.search}#/room`;
  window.open(url, ROOM_WINDOW_NAME, 'popup,width=1280,height=720');
}
