// Worker thread: copies the WAL's committed pages into the database file (a PASSIVE checkpoint)
// on its own connection, so a large import's COMMIT does not do that copy on the main thread.
// PASSIVE takes no write lock: the app keeps writing meanwhile, and pages a reader still needs
// are left for a later checkpoint. The thread's end is its only report (checkpoint.ts).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { logFallback } from '../log';

const { path } = workerData as { path: string };
try {
  const db = new Database(path, { fileMustExist: true });
  try {
    // The crash point mid-checkpoint: the main thread kills the process on this message, while
    // this thread copies pages (on a small WAL the copy may already have ended: still a valid
    // instant, the test checks the same state either way).
    parentPort?.postMessage('copying');
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
} catch (e) {
  // Best effort: the file may be gone (a test's temporary database) or locked; the main
  // connection's automatic checkpoint catches up on its next commit.
  logFallback(`checkpoint worker failed on ${path}; the next commit checkpoints instead`, e);
}
