// SQLite's failures as what the user can act on. A damaged file (SQLITE_CORRUPT, or a page that is
// not a database page any more) is `db_corrupt` wherever it shows up: on open, or in the middle of
// any call, on this thread or in a worker. The CLI exits 3 for every `db_` code.
import { AppError, cutInput } from '../../shared/domain/errors';

/** SQLite's own messages are quoted a little longer than input (they name tables and pages). */
const cut = (s: string): string => cutInput(s, 300);

const restoreHint = (file: string): string =>
  `Restore the last backup: close Planroom, copy the backup over ${file} (or open the backup with --db). ` +
  '`planroom db check` lists the damage; `planroom db backup FILE` makes a backup of a sound database.';

/** The database is damaged; `problems` are quick_check's or integrity_check's first lines. */
export function corruptDatabase(file: string, problems: string[] = []): AppError {
  const shown = problems.length > 0 ? `: ${cut(problems.slice(0, 3).join('; '))}` : '';
  return new AppError('db_corrupt', `The database ${file} is damaged${shown}.`, { hint: restoreHint(file) });
}

const sqliteCode = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** True for SQLite's "the file is damaged" errors, also when only the message crossed a thread. */
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return true;
  return /database disk image is malformed|file is not a database/i.test(messageOf(error));
}

/** The expected failure for a SQLite error during a call, or undefined for a bug. */
export function classifyDbError(error: unknown, file: string): AppError | undefined {
  if (error instanceof AppError) return undefined;
  if (isCorruption(error)) return corruptDatabase(file, [messageOf(error)]);
  const code = sqliteCode(error);
  // The write lock is held by another process past the busy timeout (every write begins IMMEDIATE).
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('busy', 'Another Planroom process is writing to this database (an import, most likely).', {
      hint: 'Try again when it ends; nothing was changed by this call.',
    });
  }
  if (code === 'SQLITE_FULL') {
    return new AppError('db_unavailable', `The disk holding ${file} is full.`, {
      hint: 'Free some space and try again; nothing of this call was stored.',
    });
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('db_unavailable', `Cannot read or write the database ${file} (${cut(messageOf(error))}).`, {
      hint: 'Check the disk and the file permissions; nothing of this call was stored.',
    });
  }
  return undefined;
}

/** Any failure while opening, as an AppError; rethrows what is not SQLite's. */
export function asDbError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = sqliteCode(error);
  const message = cut(messageOf(error));
  if (code === 'SQLITE_NOTADB') {
    return new AppError('db_unavailable', `${file} is not a Planroom database (not SQLite).`, {
      hint: 'Pass the path of a Planroom database, or a new file name, with --db.',
    });
  }
  if (code.startsWith('SQLITE_CORRUPT')) return corruptDatabase(file, [message]);
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('db_unavailable', `Cannot open ${file} for writing (${message}).`, {
      hint: 'Check the file and folder permissions, or pass another path with --db.',
    });
  }
  if (code.startsWith('SQLITE_')) {
    return new AppError('db_unavailable', `Cannot open the database ${file}: ${message}.`, {
      hint: 'Check the file, or pass another path with --db.',
    });
  }
  throw error;
}
