// Every write transaction of the app: BEGIN IMMEDIATE, so the write lock is taken at the start
// (a deferred transaction that reads first fails with SQLITE_BUSY at its first write, without
// waiting, when another process writes), with the named crash points around it.
import { crashPoint } from './crashPoints';
import type { WriteDb } from './types';

/** Runs `work` in one BEGIN IMMEDIATE transaction (a savepoint when already inside one). */
export function writeTx<T>(db: WriteDb, op: string, work: () => T): T {
  const outer = !db.inTransaction;
  if (outer) crashPoint(op, 'before-begin');
  const result = db
    .transaction(() => {
      const r = work();
      if (outer) crashPoint(op, 'before-commit');
      return r;
    })
    .immediate();
  if (outer) crashPoint(op, 'after-commit');
  return result;
}

/**
 * The same for a transaction whose work awaits (an import's reads, a store that yields to the
 * event loop): the caller must keep other writes off this connection meanwhile (the write queue).
 */
export async function writeTxAsync<T>(db: WriteDb, op: string, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error(`${op}: an asynchronous write transaction cannot be nested`);
  crashPoint(op, 'before-begin');
  db.exec('BEGIN IMMEDIATE');
  let result: T;
  try {
    result = await work();
    crashPoint(op, 'before-commit');
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  crashPoint(op, 'after-commit');
  return result;
}
