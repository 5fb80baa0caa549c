// The hosted API reads only folders the user named: an import folder must be an absolute path to
// a real directory (not a symbolic link to one, not a file, not relative to wherever the server
// runs; links in the folders above it, such as macOS's /tmp, are the system's and are followed).
// Inside it, profiles name files without folders (shared/domain/profile.ts) and the import reads
// regular files only, so nothing outside the named folder is read.
import { lstatSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { AppError, cutInput } from '../shared/domain/errors';
import type { CallContext, Handlers } from '../shared/dispatch';

/** Throws invalid_input unless `dir` is an absolute path to a directory, not a link to one. */
export function assertChosenFolder(dir: string): void {
  const quoted = cutInput(dir);
  const refuse = (why: string): never => {
    throw new AppError('invalid_input', `The import folder ${quoted} ${why}.`, {
      where: { field: 'dir', value: quoted },
      hint: 'Type the full path of the folder holding the exports, as the file manager shows it.',
    });
  };
  if (!isAbsolute(dir)) refuse('is not a full path (it must start at the root of the disk)');
  let isFolder: boolean;
  try {
    isFolder = lstatSync(dir).isDirectory();
  } catch {
    throw new AppError('not_found', `No folder at ${quoted}.`, {
      where: { field: 'dir', value: quoted },
      hint: 'Pass the folder holding the exports.',
    });
  }
  if (!isFolder) refuse('is not a folder (a file, or a link to a folder: type the folder itself)');
}

/** The calls that read a folder the caller names: the import, its dry run, the onboarding look. */
const FOLDER_CALLS = ['snapshot.import', 'snapshot.check', 'import.preview'] as const;

/** The handlers the HTTP host serves: the same, with the folder rule in front of every call that reads a folder. */
export function hostedHandlers(handlers: Handlers): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const name of FOLDER_CALLS) {
    const handler = handlers[name] as (input: { dir: string }, ctx: CallContext) => unknown;
    guarded[name] = (input: { dir: string }, ctx: CallContext) => {
      assertChosenFolder(input.dir);
      return handler(input, ctx);
    };
  }
  return guarded as Handlers;
}
