// Worker thread: runs the reconciliation checks (reconcileChecks.ts, read-only SQL over the
// pinned snapshots) on its own read connection and posts the findings; see reconcile.ts.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadDb } from '../db/types';
import type { CheckInput } from './reconcile';
import { runChecks } from './reconcileChecks';

const { path, input } = workerData as { path: string; input: CheckInput };
try {
  const db = new Database(path, { readonly: true, fileMustExist: true }) as ReadDb;
  try {
    parentPort!.postMessage({ findings: runChecks({ ...input, db }) });
  } finally {
    db.close();
  }
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
