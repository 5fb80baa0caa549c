// The hub's schema, created and migrated by Planroom itself (hub-migrations/NNNN_name.sql, each
// once, in a transaction, recorded with its checksum). Checked both ways before any push: a hub
// migrated by a newer Planroom is refused on this laptop (update Planroom here); an older hub is
// brought up to date. An advisory lock keeps two laptops from migrating it at the same time.
import type { ClientBase } from 'pg';
import { AppError } from '../../shared/domain/errors';
import { loadMigrations, type Migration } from '../db/migrate';
import { hubMigrationsDir } from '../paths';

/** Any constant shared by every Planroom: the lock the hub's migrations take. */
const MIGRATE_LOCK = 7_201_601;

export const loadHubMigrations = (): Migration[] => loadMigrations(hubMigrationsDir());

/** Brings the hub to this Planroom's schema; returns the ids applied now. */
export async function prepareHub(client: ClientBase, migrations: Migration[] = loadHubMigrations()): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS planroom');
    await client.query(`CREATE TABLE IF NOT EXISTS planroom.schema_migrations (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = (
      await client.query<{ id: number; name: string; checksum: string }>(
        'SELECT id, name, checksum FROM planroom.schema_migrations ORDER BY id',
      )
    ).rows;
    const newest = applied.at(-1);
    if (newest && newest.id > migrations.length) {
      throw new AppError(
        'db_newer',
        `The hub has schema ${newest.id}, written by a newer Planroom; this one knows up to ${migrations.length}.`,
        { hint: 'Update Planroom on this laptop, then sync again. Nothing was sent.' },
      );
    }
    for (const row of applied) {
      const known = migrations[row.id - 1];
      if (!known || known.checksum !== row.checksum) {
        throw new AppError('db_out_of_sync', `The hub's migration ${row.id} "${row.name}" is not this Planroom's.`, {
          hint: 'The hub belongs to another build of Planroom; ask whoever runs it which version to use.',
        });
      }
    }
    const done = new Set(applied.map((r) => r.id));
    const now: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO planroom.schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
        m.id,
        m.name,
        m.checksum,
      ]);
      now.push(m.id);
    }
    await client.query('COMMIT');
    return now;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
