// Binds the API contract to ipcMain: one channel, every payload validated by the dispatcher.
// Only the app's own page may call it: the top frame of the app's window, showing the app's
// index.html from this install (not another file:// page, not an iframe inside it, not a page
// the window was somehow navigated to).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, type DispatchHooks, type Handlers } from '../shared/dispatch';
import { DESKTOP_CHANNELS } from '../shared/desktop/channels';

export const API_CHANNEL = DESKTOP_CHANNELS.call;

/** What ipc needs to know of the sending frame (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** True for the top frame showing `indexUrl` (its #/route may differ). */
export function isAppFrame(frame: SenderFrame | null | undefined, indexUrl: string): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  url.hash = '';
  url.search = '';
  return url.href === indexUrl;
}

export function bindIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  opts: { indexUrl: string; isAppWindow(sender: IpcMainInvokeEvent['sender']): boolean; hooks?: DispatchHooks },
): void {
  ipcMain.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!opts.isAppWindow(event.sender) || !isAppFrame(frame, opts.indexUrl)) {
      const from = (frame?.url ?? 'an unknown frame').slice(0, 200);
      return { ok: false, error: { code: 'usage', message: `Calls from ${from} are not allowed.` } };
    }
    return dispatch(handlers, String(name), input, {}, opts.hooks);
  });
}
