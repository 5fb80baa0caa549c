// One way to answer an IPC channel: the sender must be the app's own page (the top frame of a
// Planroom window showing the app's index.html, electron/shell/appProtocol.ts), and the
// arguments must match the channel's zod schema (shared/desktop/schemas.ts); only then does the
// handler run. A refusal is a typed error result, never a throw, and quotes at most 200
// characters of the sender's address.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { AppError, type AppErrorShape } from '../../shared/domain/errors';
import { parseOrThrow } from '../../shared/domain/validate';

/** What ipc needs to know of the sending frame (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** True for the top frame showing `indexUrl` (its #/route and query may differ). */
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

/** What a channel's handler gets of the event. */
export type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
export type SenderCheck = (event: InvokeEvent) => boolean;

/** The app's own page: one of its windows (`isAppWindow`) and, in it, the top frame on `indexUrl`. */
export function appSender(opts: {
  indexUrl: string;
  isAppWindow(sender: IpcMainInvokeEvent['sender']): boolean;
}): SenderCheck {
  return (event) => opts.isAppWindow(event.sender) && isAppFrame(event.senderFrame, opts.indexUrl);
}

export interface Refused {
  ok: false;
  error: AppErrorShape;
}

function refusedSender(channel: string, event: InvokeEvent): Refused {
  const from = (event.senderFrame?.url || 'an unknown frame').slice(0, 200);
  return {
    ok: false,
    error: {
      code: 'usage',
      message: `${channel} from ${from} refused: Planroom answers only its own window.`,
      where: { field: 'sender' },
    },
  };
}

/**
 * ipcMain.handle for `channel`, with the sender check and the arguments parsed by `args` (a
 * z.tuple of the invoke's arguments) before `fn` runs. The other helpers' channels
 * (electron/shell/dialogs.ts's pickFolder) use it the same way.
 */
export function handleChecked<A extends readonly unknown[], R>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  args: z.ZodType<A>,
  isAppSender: SenderCheck,
  fn: (args: A, event: IpcMainInvokeEvent) => R | Promise<R>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]): Promise<R | Refused> => {
    if (!isAppSender(event)) return refusedSender(channel, event);
    let parsed: A;
    try {
      parsed = parseOrThrow(args, raw, `The arguments of ${channel} are`);
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toShape() };
      throw e;
    }
    return fn(parsed, event);
  });
}
