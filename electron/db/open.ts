// Opens the database file: WAL, foreign keys on, migrations applied. Any failure is an
// AppError saying what to do, and leaves nothing behind: a database file this call created is
// removed again, and an existing one is only read until it has been found to be a sound
// Planroom database (quick_check, then the schema): a damaged file, or another program's SQLite
// file, is refused exactly as it was, never converted to WAL or given Planroom's tables.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError, cutInput } from '../../shared/domain/errors';
import { asDbError, corruptDatabase } from './dbErrors';
import { checkCompatible, loadMigrations, migrate } from './migrate';
import type { ReadDb, WriteDb } from './types';
import { busyTimeoutMs } from './busy';

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  readonly?: boolean;
  /**
   * Reads every page for damage before the first write (default true). The long-running starts
   * (the window, `planroom serve`) pass false: on an L database it takes seconds on every start.
   * The schema is checked either way, damage met later is the same database error
   * (callHooks.ts), and `planroom db check` reads every page on demand.
   */
  quickCheck?: boolean;
}

export function openDatabase(path: string, opts: OpenOptions = {}): WriteDb {
  const file = resolve(path);
  const existed = existsSync(file);
  const folder = dirname(file);
  if (existed && statSync(file).isDirectory()) {
    throw new AppError('db_unavailable', `${file} is a folder, not a database file.`, {
      hint: 'Pass a file path with --db or PLANROOM_DB.',
    });
  }
  if (!existed && !existsSync(folder)) {
    throw new AppError('db_unavailable', `Cannot create the database: folder ${folder} does not exist.`, {
      hint: 'Create the folder first, or pass another path with --db or PLANROOM_DB.',
    });
  }
  if (!existed && opts.create === false) {
    throw new AppError('db_unavailable', `No database at ${file}.`, {
      hint: 'Check the path, or import a first snapshot (`planroom import`) or run `planroom serve` to create it.',
    });
  }

  // Create the file exclusively: if two processes open the same new path, only the one that
  // created it may remove it again on failure.
  let created = false;
  if (!existed) {
    try {
      closeSync(openSync(file, 'wx'));
      created = true;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST')
        throw asDbError(Object.assign(e as Error, { code: 'SQLITE_CANTOPEN' }), file);
    }
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: true });
    const migrations = loadMigrations();
    // Reads only, before the first write of this connection.
    if (!created) checkSound(db as ReadDb, file, opts.quickCheck ?? true);
    checkCompatible(db as WriteDb, migrations, file);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A snapshot import leaves a WAL of hundreds of MB; once checkpointed, it is cut back to
      // this size rather than kept at its largest on disk.
      db.pragma('journal_size_limit = 67108864');
      // Multi-row INSERTs into tables with CHECKs and foreign keys keep a statement journal:
      // in memory rather than in a temp file (about 10% of a bulk import).
      db.pragma('temp_store = MEMORY');
    }
    db.pragma('foreign_keys = ON');
    // Another process's import holds the write lock for seconds on large exports.
    db.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    if (!opts.readonly) migrate(db as WriteDb, migrations);
    return db as WriteDb;
  } catch (error) {
    db?.close();
    if (created) removeDatabaseFiles(file);
    throw asDbError(error, file);
  }
}

/** The database file and its WAL and shared-memory siblings. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/** PRAGMA data_version: changes when another connection commits to the file. */
export const dataVersion = (db: ReadDb): number => db.pragma('data_version', { simple: true }) as number;

/**
 * Closes a database this command created and removes it when the command failed, so that only a
 * command that succeeds leaves a new file. It stays when another process has meanwhile committed
 * a snapshot to it (two first imports at once): that one's work is not ours to delete.
 * `versionAtOpen` is dataVersion() right after opening.
 */
export function discardNewDatabase(db: WriteDb, file: string, versionAtOpen: number): void {
  let keep: boolean;
  try {
    const noSnapshot = db.prepare('SELECT 1 FROM snapshots LIMIT 1').get() === undefined;
    keep = !noSnapshot && dataVersion(db) !== versionAtOpen;
  } catch {
    keep = true; // Cannot tell: leaving a file is better than deleting someone's work.
  } finally {
    db.close();
  }
  if (!keep) removeDatabaseFiles(resolve(file));
}

/**
 * Refuses a damaged file (quick_check: every page and index, without the slower cross-checks of
 * integrity_check; unless the caller opted out) and a non-empty SQLite file without Planroom's
 * schema, reading only.
 */
function checkSound(db: ReadDb, file: string, quickCheck: boolean): void {
  if (quickCheck) {
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw corruptDatabase(file, problems);
  }
  const objects = (
    db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  // An SQLite file with nothing in it (0 bytes, or no tables) may become a Planroom database.
  if (objects.length === 0) return;
  const columns = objects.includes('schema_migrations')
    ? (db.pragma('table_info(schema_migrations)') as { name: string }[]).map((c) => c.name)
    : [];
  if (!['id', 'name', 'checksum', 'applied_at'].every((c) => columns.includes(c))) {
    const shown =
      objects
        .slice(0, 5)
        .map((n) => cutInput(n, 60))
        .join(', ') + (objects.length > 5 ? `, … (${objects.length} in all)` : '');
    throw new AppError(
      'db_unavailable',
      `${file} is an SQLite database, but not a Planroom one (it holds ${shown}). Planroom left it unchanged.`,
      { hint: 'Pass the path of a Planroom database, or a new file name, with --db.' },
    );
  }
}
