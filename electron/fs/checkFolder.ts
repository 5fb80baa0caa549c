// A folder someone typed into settings (a file drop's, a source's export folder): an absolute
// path to a folder that exists, or an error naming the field and what to do. Checked when the
// settings are saved, so a run never finds out later.
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { shownName } from '../../shared/domain/displayName';
import { AppError } from '../../shared/domain/errors';

export interface FolderUse {
  /** The settings field the folder was typed in. */
  field: string;
  /** What to do when the path is a file. */
  fileHint: string;
  /** The error for a stat failure other than a missing folder (no permission, a dead share). */
  failure(folder: string, e: unknown): AppError;
}

export function checkFolder(folder: string, use: FolderUse): void {
  const where = { field: use.field, value: shownName(folder, 200) };
  if (!isAbsolute(folder)) {
    throw new AppError('invalid_input', `"${shownName(folder, 200)}" is not an absolute path.`, {
      where,
      hint: 'Type the folder’s full path, such as /srv/erp-inbox or C:\\ERP\\inbox.',
    });
  }
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw use.failure(folder, e);
    throw new AppError('invalid_input', `The folder ${shownName(folder, 200)} does not exist.`, {
      where,
      hint: 'Create it first (or mount the share it is on), or type the path of a folder that exists.',
    });
  }
  if (!isDir) {
    throw new AppError('invalid_input', `${shownName(folder, 200)} is a file, not a folder.`, {
      where,
      hint: use.fileHint,
    });
  }
}
