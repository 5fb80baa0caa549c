// The one write queue of a database connection: writing API calls (the contract marks them,
// shared/api.ts) run one after another, because an import holds an open transaction across
// awaits and no other write may slip into it. Services do not queue their own writes; the
// handler table does it once per writing call (handlers.ts). The queue is reentrant: work that
// runs inside a job (a decision that first brings the engine's results up to date) joins that
// job instead of waiting behind it, which would deadlock.
import { AsyncLocalStorage } from 'node:async_hooks';

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly job = new AsyncLocalStorage<object>();
  /** The token of the job running now; a context holding an older token is not inside a job. */
  private running: object | undefined;

  /** True inside the job running now (in its async context). */
  inJob(): boolean {
    const token = this.job.getStore();
    return token !== undefined && token === this.running;
  }

  /** Runs `work` after every write queued before it, or at once when called inside a job. */
  run<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.inJob()) return Promise.resolve().then(work);
    const token = {};
    const start = async (): Promise<T> => {
      this.running = token;
      try {
        return await this.job.run(token, work);
      } finally {
        this.running = undefined;
      }
    };
    const next = this.tail.then(start, start);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * Starts background work from inside a job without it joining the job: it queues like any
   * other write (a recompute started once a cycle was created).
   */
  detached<T>(work: () => T): T {
    return this.job.exit(work);
  }
}
