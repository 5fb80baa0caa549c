// Checkpoints off the main thread: a worker thread copies the WAL into the database file on its
// own connection (see bulkWrite.ts for why).
import { Worker } from 'node:worker_threads';
import { workerScript } from '../paths';

interface Running {
  done: Promise<void>;
  /** Another checkpoint was asked for while this one ran: run once more after it. */
  again: boolean;
}

const running = new Map<string, Running>();

/**
 * Starts a checkpoint of the database file at `path` in a worker thread; resolves when it ended
 * (successfully or not: a failed checkpoint is only postponed). Calls for a file whose checkpoint
 * is running are folded into one more run after it.
 */
export function checkpointInBackground(path: string): Promise<void> {
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
        await runWorker(path);
      } while (entry.again);
    } finally {
      running.delete(path);
    }
  })();
  running.set(path, entry);
  return entry.done;
}

function runWorker(path: string): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript('checkpointWorker.cjs'), { workerData: { path } });
    // A CLI run may end while the copy is under way: the next connection finishes it.
    worker.unref();
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}
