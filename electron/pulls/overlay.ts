// Modified-since pulls (issue 18): a table whose feed names a modifiedSince field is asked only
// for the rows changed since the last good pull, and those rows are laid over the previous
// snapshot's rows of the table by the canonical key: the previous rows whose key the pull did
// not bring are copied into the new snapshot, inside the pull's transaction. Such a table is
// hashed as stored (in key order), not as read, so a pull that brings no change is still
// recognised as unchanged.
import type { Hash } from 'node:crypto';
import type { CanonicalTable } from '../../shared/domain/canonical';
import type { ReadDb, WriteDb } from '../db/types';

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Copies the base snapshot's rows of `table` whose key the new snapshot lacks; returns how many. */
export function layOver(db: WriteDb, table: CanonicalTable, baseId: number, newId: number): number {
  const columns = table.columns.map((c) => quoted(c.name)).join(', ');
  const sameKey = table.key.map((k) => `n.${quoted(k)} = p.${quoted(k)}`).join(' AND ');
  return db
    .prepare(
      `INSERT INTO ${quoted(table.name)} (snapshot_id, ${columns})
       SELECT ?, ${columns} FROM ${quoted(table.name)} p
       WHERE p.snapshot_id = ? AND NOT EXISTS (
         SELECT 1 FROM ${quoted(table.name)} n WHERE n.snapshot_id = ? AND ${sameKey})`,
    )
    .run(newId, baseId, newId).changes;
}

/** Rows of `table` in the snapshot. */
export function storedRows(db: ReadDb, table: CanonicalTable, snapshotId: number): number {
  const r = db.prepare(`SELECT count(*) AS n FROM ${quoted(table.name)} WHERE snapshot_id = ?`).get(snapshotId) as {
    n: number;
  };
  return r.n;
}

/** Feeds the snapshot's rows of `table` to `hash` in key order, as stored. */
export function hashStored(db: ReadDb, table: CanonicalTable, snapshotId: number, hash: Hash): void {
  const columns = table.columns.map((c) => quoted(c.name)).join(', ');
  const order = table.key.map(quoted).join(', ');
  const rows = db
    .prepare(`SELECT ${columns} FROM ${quoted(table.name)} WHERE snapshot_id = ? ORDER BY ${order}`)
    .raw()
    .iterate(snapshotId) as IterableIterator<unknown[]>;
  hash.update(`\u0002${table.name}\u0002stored\u0002`);
  for (const row of rows) hash.update(JSON.stringify(row)).update('\u0001');
}
