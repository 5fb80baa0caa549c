// Presenter mode's one window call: the app window's own full screen (window.planroom.setFullScreen
// in the preload). Window-only, so not a contract call: it reaches no service and no data. Like
// the API channel, it answers only the app's own windows.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESKTOP_CHANNELS } from '../shared/desktop/channels';

export const FULL_SCREEN_CHANNEL = DESKTOP_CHANNELS.fullScreen;

/** What the handler needs of a BrowserWindow. */
export interface FullScreenWindow {
  isDestroyed(): boolean;
  setFullScreen(on: boolean): void;
}

export function bindPresenterIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  opts: {
    /** The app window (or room view) that sent the call; null for any other sender. */
    windowOf(sender: IpcMainInvokeEvent['sender']): FullScreenWindow | null;
  },
): void {
  ipcMain.handle(FULL_SCREEN_CHANNEL, (event: IpcMainInvokeEvent, on: unknown) => {
    const win = opts.windowOf(event.sender);
    if (!win || win.isDestroyed()) return false;
    win.setFullScreen(on === true);
    return true;
  });
}
