// Binds the API contract to ipcMain: one channel, every payload validated by the dispatcher,
// and only the app's own renderer (file:// page of this app) may call it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, type Handlers } from '../shared/dispatch';

export const API_CHANNEL = 'planroom:call';

export function bindIpc(ipcMain: IpcMain, handlers: Handlers, rendererUrlPrefix: string): void {
  ipcMain.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith(rendererUrlPrefix)) {
      return { ok: false, error: { code: 'usage', message: `Calls from ${url || 'unknown frame'} are not allowed.` } };
    }
    return dispatch(handlers, String(name), input);
  });
}
