// The Electron start-up's order (electron/shell/startup.ts) with a fake window and a fake data
// step: the window is created and loading before the database opens, a call made before the data
// is ready waits and then answers, and a failure closes the window and ends the app.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { dispatch, type Handlers } from '../../../shared/dispatch';
import { deferredHandlers } from '../../../electron/shell/deferredHandlers';
import { startInOrder, type StartupWindow } from '../../../electron/shell/startup';

/** A promise with its settling functions outside. */
function settle<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

function fakeApp() {
  const events: string[] = [];
  const loaded = settle<void>();
  const shown = settle<void>();
  const data = settle<Handlers>();
  const failed: unknown[] = [];
  const win: StartupWindow = {
    loaded: loaded.promise,
    shown: shown.promise,
    close: () => events.push('window closed'),
  };
  const started = startInOrder<Handlers>({
    createWindow: () => {
      events.push('window created, loading');
      return win;
    },
    openData: () => {
      events.push('database opening');
      return data.promise;
    },
    fail: (e) => {
      events.push('exit');
      failed.push(e);
    },
  });
  return { events, loaded, shown, data, failed, started, handlers: deferredHandlers(started.ready) };
}

/** The real handlers' stand-in: one call that answers. */
const realHandlers = {
  'app.info': () => ({ version: '1.0.0', dbPath: '/x.db', schemaVersion: 14 }),
} as unknown as Handlers;

describe('Electron start-up order', () => {
  it('creates the window and starts loading before the database opens; the database opens at the first paint', async () => {
    const app = fakeApp();
    await flush();
    expect(app.events).toEqual(['window created, loading']);
    app.shown.resolve();
    await flush();
    expect(app.events).toEqual(['window created, loading', 'database opening']);
  });

  it('opens the database when the renderer has loaded even if no paint was reported', async () => {
    const app = fakeApp();
    app.loaded.resolve();
    await flush();
    expect(app.events).toEqual(['window created, loading', 'database opening']);
  });

  it('holds a call made before the data is ready, then answers it', async () => {
    const app = fakeApp();
    let answer: unknown;
    void dispatch(app.handlers, 'app.info', {}).then((r) => (answer = r));
    app.shown.resolve();
    app.loaded.resolve();
    await flush();
    expect(answer).toBeUndefined();
    app.data.resolve(realHandlers);
    await app.started.done;
    await flush();
    expect(answer).toEqual({ ok: true, data: { version: '1.0.0', dbPath: '/x.db', schemaVersion: 14 } });
    expect(app.failed).toEqual([]);
  });

  it('closes the window and ends the app when the database cannot open; a waiting call gets the reason', async () => {
    const app = fakeApp();
    const answer = dispatch(app.handlers, 'app.info', {});
    app.shown.resolve();
    app.loaded.resolve();
    const newer = new AppError('db_unavailable', '/x.db was written by a newer Planroom (schema 42).', {
      hint: 'Update Planroom.',
    });
    app.data.reject(newer);
    await app.started.done;
    expect(app.events).toEqual(['window created, loading', 'database opening', 'window closed', 'exit']);
    expect(app.failed).toEqual([newer]);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'db_unavailable', hint: 'Update Planroom.' } });
  });

  it('ends the app without opening the database when the renderer cannot be loaded', async () => {
    const app = fakeApp();
    app.loaded.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading index.html'));
    await app.started.done;
    expect(app.events).toEqual(['window created, loading', 'window closed', 'exit']);
    expect(String(app.failed[0])).toContain('ERR_FILE_NOT_FOUND');
  });
});
