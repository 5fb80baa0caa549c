// The write queue: one job at a time, reentrant inside a job, and background work started from a
// job (detached) or still running after it queues like any other write.
import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../electron/services/writeQueue';

/** A promise with its resolve, to decide in the test when a job may end. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

describe('WriteQueue', () => {
  it('runs jobs one after another in the order they came', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    const first = gate();
    const a = q.run(async () => {
      log.push('a starts');
      await first.wait;
      log.push('a ends');
    });
    const b = q.run(() => {
      log.push('b');
    });
    await Promise.resolve();
    expect(log).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a starts', 'a ends', 'b']);
  });

  it('lets a failed job pass its error to its caller only, and goes on', async () => {
    const q = new WriteQueue();
    await expect(q.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(q.run(() => 7)).resolves.toBe(7);
  });

  it('runs work queued inside a job at once instead of behind it (no deadlock)', async () => {
    const q = new WriteQueue();
    const result = await q.run(async () => {
      expect(q.inJob()).toBe(true);
      return q.run(async () => q.run(() => 'nested'));
    });
    expect(result).toBe('nested');
    expect(q.inJob()).toBe(false);
  });

  it('queues detached work started from a job behind that job', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    let background!: Promise<void>;
    await q.run(async () => {
      background = q.detached(() =>
        q.run(() => {
          log.push('background');
        }),
      );
      await Promise.resolve();
      await Promise.resolve();
      log.push('job ends');
    });
    await background;
    expect(log).toEqual(['job ends', 'background']);
  });

  it('queues work that a finished job left running (its context is stale)', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    const later = gate();
    let leftover!: Promise<void>;
    await q.run(() => {
      leftover = later.wait.then(() => q.run(() => void log.push('leftover')));
    });
    const blocker = gate();
    const next = q.run(async () => {
      await blocker.wait;
      log.push('next ends');
    });
    later.open();
    // A whole turn of the event loop: a leftover that skipped the queue would have run by now.
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual([]);
    blocker.open();
    await Promise.all([next, leftover]);
    expect(log).toEqual(['next ends', 'leftover']);
  });
});
