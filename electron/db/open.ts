// Opens the database file: WAL, foreign keys on, migrations applied. Any failure is an
// AppError saying what to do, and leaves nothing behind: a database file this call created is
// removed again, an existing one is not modified before it has been found compatible.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { checkCompatible, loadMigrations, migrate } from './migrate';
import type { WriteDb } from './types';
import { busyTimeoutMs } from './busy';

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  readonly?: boolean;
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
      hint: 'Check the path, or run `planroom serve` once to create it.',
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
    if (created) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    throw asDbError(error, file);
  }
}

function asDbError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new AppError('db_unavailable', `${file} is not a Planroom database (not SQLite).`, {
      hint: 'Pass the path of a Planroom database, or a new file name, with --db.',
    });
  }
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
