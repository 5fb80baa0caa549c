// A file drop's folder: checked when the target is saved (an absolute path to a folder that
// exists), and a run's file-system failure turned into what to do about that folder, so the
// loop records it with the hint and backs off instead of showing an errno.
import { shownName } from '../../shared/domain/displayName';
import { AppError } from '../../shared/domain/errors';
import { checkFolder } from '../fs/checkFolder';

const where = (folder: string) => ({ field: 'folder', value: shownName(folder, 200) });

/** Refuses a folder a drop could never write to, naming the field and what to do. */
export const checkDropFolder = (folder: string): void =>
  checkFolder(folder, {
    field: 'folder',
    fileHint: 'Choose the folder the other system reads, not a file in it.',
    failure: dropFolderError,
  });

/** A failed read or write of the drop folder as an AppError naming the folder and what to do. */
export function dropFolderError(folder: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  const shown = shownName(folder, 200);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('not_found', `The drop folder ${shown} does not exist.`, {
      where: where(folder),
      hint: 'Create the folder (or mount the share it is on), or choose another on the Sync page; the files are written on the next try.',
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY') {
    // On Windows a file held open by another program (Excel) cannot be replaced: EPERM or EBUSY.
    return new AppError('invalid_input', `Planroom may not write in the drop folder ${shown}.`, {
      where: where(folder),
      hint: 'Give the user running Planroom write permission on the folder (or make the share writable), or choose another folder; on Windows, also close the files there if Excel or another program holds them open.',
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('invalid_input', `The disk of the drop folder ${shown} is full.`, {
      where: where(folder),
      hint: 'Free some space there, or choose a folder on another disk; the files are written on the next try.',
    });
  }
  const reason = e instanceof Error ? e.message : String(e);
  return new AppError('invalid_input', `The drop folder ${shown} could not be written: ${shownName(reason, 200)}.`, {
    where: where(folder),
    hint: 'Check that the folder is reachable and writable; the files are written on the next try.',
  });
}
