// Presenter mode with a projector: when the facilitator turns presenter mode on (the `f` key, F5,
// View > Presenter mode) and a second display is connected, the room view opens full screen on
// that display (electron/presenterWindows.ts) while the app window stays on the laptop, full
// screen, for the facilitator, and keeps the keyboard. Turning the mode off closes the room view
// again if the mode opened it; one opened by hand (`w`) stays. With one display nothing opens:
// the laptop's window is the presentation, as in browser mode.
import type { FullScreenWindow } from '../presenterIpc';

/** What is needed of the room view windows. */
export interface RoomViewControl {
  present(): boolean;
  close(): void;
}

/** The app window's full screen, with the room view following it onto a second display. */
export function presenterFullScreen(
  win: FullScreenWindow,
  room: RoomViewControl,
  displayCount: () => number,
): FullScreenWindow {
  let openedByMode = false;
  return {
    isDestroyed: () => win.isDestroyed(),
    setFullScreen(on) {
      win.setFullScreen(on);
      if (on && displayCount() > 1) openedByMode = room.present() || openedByMode;
      else if (!on && openedByMode) {
        openedByMode = false;
        room.close();
      }
    },
  };
}
