// Checks a file before it becomes a laptop's database, reading only: that it is SQLite, whole
// (quick_check), Planroom's (the migrations table), and not from a newer Planroom than this one.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { AppError, cutInput } from '../../shared/domain/errors';
import { isCorruption } from '../db/dbErrors';
import { appliedMigrations, checkCompatible, type Migration } from '../db/migrate';
import type { ReadDb } from '../db/types';
import { readBundleInfo, type BundleInfo } from './bundleInfo';

export interface CheckedBundle {
  /** The schema version the bundle was written at. */
  schema: number;
  info: BundleInfo | null;
}

const againHint =
  'Export it again on the laptop that has the cycle (`planroom bundle export --cycle N --out FILE`) and copy the whole file.';

export function checkBundle(file: string, migrations: Migration[]): CheckedBundle {
  if (!existsSync(file)) {
    throw new AppError('not_found', `No file at ${file}.`, {
      where: { field: 'file', value: cutInput(file, 200) },
      hint: 'Check the path of the bundle (a .planroom file).',
    });
  }
  if (!statSync(file).isFile()) {
    throw new AppError('invalid_input', `${file} is not a file.`, { hint: 'Give the path of the bundle file.' });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new AppError(
        'db_corrupt',
        `${file} is damaged or cut short (${cutInput(problems.slice(0, 2).join('; '), 200)}); nothing was imported.`,
        { hint: againHint },
      );
    }
    const hasMigrations = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (!hasMigrations) {
      throw new AppError(
        'db_unavailable',
        `${file} is an SQLite file but not a Planroom bundle; nothing was imported.`,
        {
          hint: againHint,
        },
      );
    }
    const schema = appliedMigrations(db as ReadDb).at(-1)?.id ?? 0;
    if (schema > migrations.length) {
      throw new AppError(
        'db_newer',
        `This bundle was made by a newer Planroom (schema ${schema}, this one has ${migrations.length}); update Planroom to open it.`,
        {
          where: { field: 'file', value: cutInput(file, 200) },
          hint: 'Install the Planroom version of the laptop that exported it, or newer.',
        },
      );
    }
    checkCompatible(db as ReadDb, migrations, file);
    // A database from before sync_state (migration 0010) is no bundle, but opens as one: a backup.
    const hasState = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get();
    return { schema, info: hasState ? readBundleInfo(db as ReadDb) : null };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_NOTADB' || isCorruption(e)) {
      throw new AppError(
        'db_unavailable',
        `${file} is not a Planroom bundle (not an SQLite database, or cut short); nothing was imported.`,
        {
          hint: againHint,
        },
      );
    }
    throw e;
  } finally {
    db?.close();
  }
}
