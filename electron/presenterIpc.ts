// Presenter mode's one window call: the app window's own full screen (window.planroom.setFullScreen
// in the preload). Window-only, so not a contract call: it reaches no service and no data. Like
// the API channel, it answers only the app's own page (electron/shell/ipcGuard.ts) and only a
// boolean.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESKTOP_CHANNELS } from '../shared/desktop/channels';
import { FullScreenArgs } from '../shared/desktop/schemas';
import { handleChecked, isAppFrame } from './shell/ipcGuard';

export const FULL_SCREEN_CHANNEL = DESKTOP_CHANNELS.fullScreen;

/** What the handler needs of a BrowserWindow. */
export interface FullScreenWindow {
  isDestroyed(): boolean;
  setFullScreen(on: boolean): void;
}

export function bindPresenterIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  opts: {
    /** The app's index.html address: the sending frame must show it. */
    indexUrl: string;
    /** The app window (or room view) that sent the call; null for any other sender. */
    windowOf(sender: IpcMainInvokeEvent['sender']): FullScreenWindow | null;
  },
): void {
  const isAppSender = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean =>
    opts.windowOf(event.sender) !== null && isAppFrame(event.senderFrame, opts.indexUrl);
  handleChecked(ipcMain, FULL_SCREEN_CHANNEL, FullScreenArgs, isAppSender, ([on], event) => {
    const win = opts.windowOf(event.sender);
    if (!win || win.isDestroyed()) return false;
    win.setFullScreen(on);
    return true;
  });
}
