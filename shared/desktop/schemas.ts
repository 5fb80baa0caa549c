// The IPC channels' arguments as zod schemas, checked in the main process before any handler
// runs (electron/shell/ipcGuard.ts). Kept apart from channels.ts, which the sandboxed preload
// bundles and which must stay import-free. The call channel's input is the contract's business
// (shared/dispatch.ts); here only its name is checked: a string, short enough to quote back.
import { z } from 'zod';
import type { FolderPick } from './channels';

/** A call name longer than any in shared/api.ts is refused before it is quoted in an error. */
export const MAX_CALL_NAME = 100;

export const FolderPickSchema = z.strictObject({
  title: z.string().min(1).max(200),
  defaultPath: z.string().max(4096).optional(),
}) satisfies z.ZodType<FolderPick>;

/** (name, input) of DESKTOP_CHANNELS.call. */
export const CallArgs = z.tuple([z.string().min(1).max(MAX_CALL_NAME), z.unknown()]);
/** (on) of DESKTOP_CHANNELS.fullScreen. */
export const FullScreenArgs = z.tuple([z.boolean()]);
/** (pick) of DESKTOP_CHANNELS.pickFolder. */
export const PickFolderArgs = z.tuple([FolderPickSchema]);
