// Connection settings for one transaction that writes millions of rows (a snapshot import), put
// back as they were afterwards (an L import: 27 s -> 24 s together):
// - No automatic checkpoint. SQLite would copy the hundreds of MB the transaction wrote to the
//   WAL into the database file inside COMMIT, on the main thread (about 2.4 s on L). A worker
//   thread does that copy after the commit instead (checkpoint.ts). Durability is unchanged: the
//   WAL holds every committed page until it is copied.
// - No foreign key checks. Every row the import writes names the snapshot it belongs to, inserted
//   by the same transaction, so the per-row lookup of that parent cannot fail. The pragma only
//   changes outside a transaction, which is why it is set here, around it.
import { checkpointInBackground } from './checkpoint';
import type { WriteDb } from './types';

// A larger page cache measured within noise (about 4%) and its pages stay in the process's
// memory after the import, so the default is kept.
const SETTINGS = { wal_autocheckpoint: 0, foreign_keys: 0 } as const;

/** Runs `work` (which opens and ends its own transaction) with the settings above. */
export async function bulkWrite<T>(db: WriteDb, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error('bulkWrite must start outside a transaction');
  const before = Object.fromEntries(
    Object.keys(SETTINGS).map((name) => [name, db.pragma(name, { simple: true }) as number]),
  );
  for (const [name, value] of Object.entries(SETTINGS)) db.pragma(`${name} = ${value}`);
  let result: T;
  try {
    result = await work();
  } finally {
    for (const [name, value] of Object.entries(before)) db.pragma(`${name} = ${value}`);
  }
  if (!db.memory) void checkpointInBackground(db.name, 'import');
  return result;
}
