// Runs async write jobs one after another on the shared connection: an import holds an open
// transaction across awaits, and no other write may slip into it.
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
