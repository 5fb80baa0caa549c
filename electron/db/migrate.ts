// Applies migrations/NNNN_name.sql in order, each in its own transaction, and records them.
// Refuses a database written by a newer Planroom, or whose applied list does not match the
// files, before changing anything.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { migrationsDir } from '../paths';
import type { ReadDb, WriteDb } from './types';
import { nowIso } from './types';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir: string = migrationsDir()): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const m = FILE_RE.exec(file);
    if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${file}`);
    const id = Number(m[1]);
    if (id !== index + 1) throw new Error(`migrations must be numbered 1, 2, 3... without gaps: ${file}`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { id, name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

interface AppliedRow {
  id: number;
  name: string;
}

export function appliedMigrations(db: ReadDb): AppliedRow[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return [];
  return db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as AppliedRow[];
}

/** Throws db_newer / db_out_of_sync without writing anything. */
export function checkCompatible(db: ReadDb, migrations: Migration[], path: string): void {
  const applied = appliedMigrations(db);
  const newest = applied.at(-1);
  if (newest && newest.id > migrations.length) {
    throw new AppError(
      'db_newer',
      `The database ${path} was written by a newer Planroom (schema ${newest.id}; this version knows up to ${migrations.length}).`,
      { hint: 'Update Planroom, or open another database with --db.' },
    );
  }
  for (const row of applied) {
    const known = migrations[row.id - 1];
    if (!known || known.name !== row.name) {
      throw new AppError(
        'db_out_of_sync',
        `The database ${path} has migration ${row.id} "${row.name}", which this Planroom does not have.`,
        { hint: 'Open it with the Planroom version that created it, or use another --db.' },
      );
    }
  }
}

/** Applies what is pending; returns the ids applied now (empty on a second run). */
export function migrate(db: WriteDb, migrations: Migration[] = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const done = new Set(appliedMigrations(db).map((r) => r.id));
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?');
  const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const appliedNow: number[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    // Checked again under the write lock: another process opening the same new database may
    // have applied it since (two first imports at once).
    const applied = db
      .transaction(() => {
        if (isApplied.get(m.id)) return false;
        db.exec(m.sql);
        record.run(m.id, m.name, m.checksum, nowIso());
        return true;
      })
      .immediate();
    if (applied) appliedNow.push(m.id);
  }
  if (appliedNow.length > 0) db.pragma(`user_version = ${migrations.length}`);
  return appliedNow;
}
