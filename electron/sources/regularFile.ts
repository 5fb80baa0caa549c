// Only regular files are read from an export folder, or symbolic links to them. A link to
// /dev/zero never ends, a named pipe blocks its reader until someone writes, a device or a socket
// is no export at all: each is refused by name before a byte is read. The check stats first; where
// a file is opened after it, the open never blocks (O_NONBLOCK) and the opened file is checked
// again, so a file swapped for a pipe in between is refused as well.
import { closeSync, constants, fstatSync, lstatSync, openSync, statSync, type Stats } from 'node:fs';
import { AppError } from '../../shared/domain/errors';

/** What a non-regular file is, as a person says it. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function notRegular(file: string, what: string, linked: boolean): AppError {
  return new AppError(
    'import_failed',
    `${linked ? 'The link points to' : 'The file is'} ${what}, not a regular file.`,
    {
      where: { file },
      hint: 'Planroom reads only regular files (or links to them): put the exported file itself in the folder.',
    },
  );
}

/**
 * The file's status after following links, or the error naming it (`file`, as shown) when it is
 * not a regular file or a link to nothing.
 */
export function regularFileStat(path: string, file: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isLink(path)) {
      throw new AppError('import_failed', 'The file is a link to nothing (its target is gone).', {
        where: { file },
        hint: 'Put the exported file itself in the folder, or fix the link.',
      });
    }
    throw new AppError('import_failed', `Cannot read the file (${code ?? (e as Error).message}).`, {
      where: { file },
      hint: 'Check that the file exists and that you may read it.',
    });
  }
  if (!st.isFile()) throw notRegular(file, kindOf(st), isLink(path));
  return st;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// O_NONBLOCK: opening a named pipe for reading returns at once instead of waiting for a writer.
// O_NOCTTY: opening a terminal device never makes it this process's controlling terminal.
// Both are 0 where the platform lacks them (Windows has no FIFOs in folders).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Opens a regular file for reading without ever blocking; the caller closes the descriptor. */
export function openRegular(path: string, file: string): { fd: number; stats: Stats } {
  regularFileStat(path, file);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw new AppError('import_failed', `Cannot open the file (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, {
      where: { file },
      hint: 'Check that the file exists and that you may read it.',
    });
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegular(file, kindOf(stats), isLink(path));
  }
  return { fd, stats };
}
