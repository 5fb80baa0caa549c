// Worker thread: copies the WAL's committed pages into the database file (a PASSIVE checkpoint)
// on its own connection, so a large import's COMMIT does not do that copy on the main thread.
// PASSIVE takes no write lock: the app keeps writing meanwhile, and pages a reader still needs
// are left for a later checkpoint.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { path } = workerData as { path: string };
let result: { ok: true; log: number; checkpointed: number } | { ok: false; error: string };
try {
  const db = new Database(path, { fileMustExist: true });
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    result = { ok: true, log: row!.log, checkpointed: row!.checkpointed };
  } finally {
    db.close();
  }
} catch (e) {
  // Best effort: the file may be gone (a test's temporary database) or locked; the main
  // connection's automatic checkpoint catches up on its next commit.
  result = { ok: false, error: (e as Error).message };
}
parentPort!.postMessage(result);
