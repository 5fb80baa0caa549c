// Binds the API contract to ipcMain: one channel, every payload validated by the dispatcher.
// Only the app's own page may call it: the top frame of the app's window, showing the app's
// index.html from this install (not another page, not an iframe inside it, not a page the
// window was somehow navigated to); the call's name must be a short string (shared/desktop/schemas.ts).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, type DispatchHooks, type Handlers } from '../shared/dispatch';
import { DESKTOP_CHANNELS } from '../shared/desktop/channels';
import { CallArgs } from '../shared/desktop/schemas';
import { appSender, handleChecked } from './shell/ipcGuard';

export { isAppFrame, type SenderFrame } from './shell/ipcGuard';

export const API_CHANNEL = DESKTOP_CHANNELS.call;

export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  opts: { indexUrl: string; isAppWindow(sender: IpcMainInvokeEvent['sender']): boolean; hooks?: DispatchHooks },
): void {
  handleChecked(ipcMain, API_CHANNEL, CallArgs, appSender(opts), ([name, input]) =>
    dispatch(handlers, name, input, {}, opts.hooks),
  );
}
