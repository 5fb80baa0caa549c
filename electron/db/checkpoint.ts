// Checkpoints off the main thread: a worker thread copies the WAL into the database file on its
// own connection (see bulkWrite.ts for why).
import { Worker } from 'node:worker_threads';
import { workerScript } from '../paths';
import { crashArmed, crashPoint } from './crashPoints';

interface Running {
  done: Promise<void>;
  /** Another checkpoint was asked for while this one ran: run once more after it. */
  again: boolean;
}

const running = new Map<string, Running>();

/**
 * Starts a checkpoint of the database file at `path` in a worker thread; resolves when it ended
 * (successfully or not: a failed checkpoint is only postponed). Calls for a file whose checkpoint
 * is running are folded into one more run after it. `op` names the write it follows (for its
 * crash point).
 */
export function checkpointInBackground(path: string, op: string): Promise<void> {
  const current = running.get(path);
  if (current) {
    current.again = true;
    return current.done;
  }
  const entry: Running = { again: false, done: Promise.resolve() };
  entry.done = (async () => {
    try {
      do {
        entry.again = false;
        await runWorker(path, op);
      } while (entry.again);
    } finally {
      running.delete(path);
    }
  })();
  running.set(path, entry);
  return entry.done;
}

function runWorker(path: string, op: string): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript('checkpointWorker.cjs'), { workerData: { path } });
    // A CLI run may end while the copy is under way: the next connection finishes it. A crash
    // test aiming at the copy keeps the process alive until the worker reports it has begun.
    if (crashArmed(op, 'mid-checkpoint')) {
      worker.once('message', (m) => m === 'copying' && crashPoint(op, 'mid-checkpoint'));
    } else worker.unref();
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}
