// The IPC adapter (electron/ipc.ts, electron/presenterIpc.ts) without Electron: a fake ipcMain
// (a Map of handlers) in front of the real service layer on a migrated, empty SQLite database.
// A good call answers; a malformed payload is a validation error naming the field; an unknown
// call name is refused; a sender that is not the app's own page is refused before any handler
// is looked up; a channel nobody bound has no handler.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { EngineHost } from '../../electron/engine/engineHost';
import { API_CHANNEL, bindIpc } from '../../electron/ipc';
import { bindPresenterIpc, FULL_SCREEN_CHANNEL } from '../../electron/presenterIpc';
import { createHandlers } from '../../electron/services/handlers';
import { APP_INDEX_URL } from '../../electron/shell/appProtocol';
import { DESKTOP_CHANNELS } from '../../shared/desktop/channels';
import type { Handlers } from '../../shared/dispatch';
import { tempDir } from '../helpers/tmp';

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const appWindow = { id: 'app window' };
const appFrame = { url: `${APP_INDEX_URL}#/agenda`, parent: null };

describe('the IPC adapter over the service layer', () => {
  const dir = tempDir('planroom-ipc-', 'all');
  const dbPath = join(dir, 'ipc.db');
  let db: WriteDb;
  let engine: EngineHost;
  let channels: Map<string, Invoke>;
  /** The handler names the dispatcher looked up: none for a refused sender. */
  const reached: string[] = [];

  beforeAll(() => {
    db = openDatabase(dbPath);
    engine = new EngineHost(dbPath);
    const real = createHandlers({ db, dbPath, version: 'test', engine });
    const watched = new Proxy(real, {
      get(target, name, receiver) {
        if (typeof name === 'string') reached.push(name);
        return Reflect.get(target, name, receiver) as unknown;
      },
    }) as Handlers;
    channels = new Map();
    const ipcMain = { handle: (channel: string, fn: Invoke) => void channels.set(channel, fn) };
    bindIpc(ipcMain as never, watched, {
      indexUrl: APP_INDEX_URL,
      isAppWindow: (sender) => sender === (appWindow as never),
    });
    bindPresenterIpc(ipcMain as never, {
      indexUrl: APP_INDEX_URL,
      windowOf: (sender) =>
        sender === (appWindow as never) ? { isDestroyed: () => false, setFullScreen: () => {} } : null,
    });
  });
  afterAll(async () => {
    await engine?.close();
    db?.close();
  });
  beforeEach(() => {
    reached.length = 0;
  });

  const call = (args: unknown[], event: unknown = { sender: appWindow, senderFrame: appFrame }) =>
    channels.get(API_CHANNEL)!(event, ...args);

  it("answers a good call from the app window with the service's data", async () => {
    await expect(call(['app.info', {}])).resolves.toEqual({
      ok: true,
      data: { version: 'test', dbPath, schemaVersion: expect.any(Number) as number },
    });
    await expect(call(['cycle.list', undefined])).resolves.toEqual({ ok: true, data: [] });
  });

  it('turns a malformed payload into a validation error naming the field, never a throw', async () => {
    const r = await call(['cycle.create', { name: 42, meetingAt: '2026-12-01T10:00:00Z' }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', where: { field: 'name' } } });
    expect((r as { error: { message: string } }).error.message).toMatch(/input of cycle\.create is not valid: name/);
    await expect(call(['cycle.create', 'not an object'])).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses an unknown call name, and a name that is not a short string before quoting it', async () => {
    await expect(call(['system.exec', {}])).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Unknown API call "system.exec".' },
    });
    const long = await call(['x'.repeat(10_000), {}]);
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', where: { field: '0' } } });
    expect(JSON.stringify(long).length).toBeLessThan(400);
    await expect(call([42, {}])).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(call([])).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The bad names never reached a service.
    expect(reached.filter((n) => n !== 'system.exec')).toEqual([]);
  });

  it('refuses every sender but the top frame of the app window on its own page, before any handler', async () => {
    const foreign = [
      { sender: appWindow, senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      { sender: appWindow, senderFrame: { url: 'file:///opt/planroom/dist/renderer/index.html', parent: null } },
      { sender: appWindow, senderFrame: { url: 'http://127.0.0.1:4173/index.html', parent: null } },
      { sender: appWindow, senderFrame: { url: 'app://planroom/other.html', parent: null } },
      { sender: appWindow, senderFrame: { url: 'app://evil/index.html', parent: null } },
      // An iframe inside the app page.
      { sender: appWindow, senderFrame: { url: APP_INDEX_URL, parent: { url: APP_INDEX_URL } } },
      // The right page in a window that is not Planroom's.
      { sender: { id: 'another window' }, senderFrame: appFrame },
      { sender: appWindow, senderFrame: null },
    ];
    for (const event of foreign) {
      const r = await call(['app.info', {}], event);
      expect(r, JSON.stringify(event)).toMatchObject({
        ok: false,
        error: { code: 'usage', where: { field: 'sender' } },
      });
    }
    expect(reached).toEqual([]);
    // A long address is quoted short.
    const r = await call(['app.info', {}], {
      sender: appWindow,
      senderFrame: { url: `https://example.com/${'a'.repeat(5000)}`, parent: null },
    });
    expect((r as { error: { message: string } }).error.message.length).toBeLessThan(300);
  });

  it('has a handler for the bound channels only; the full-screen channel checks its sender and boolean', async () => {
    expect([...channels.keys()].sort()).toEqual([API_CHANNEL, FULL_SCREEN_CHANNEL].sort());
    expect(channels.get('planroom:eval')).toBeUndefined();
    expect(channels.get(DESKTOP_CHANNELS.command)).toBeUndefined(); // main -> renderer only
    const full = channels.get(FULL_SCREEN_CHANNEL)!;
    await expect(full({ sender: appWindow, senderFrame: appFrame }, true)).resolves.toBe(true);
    await expect(full({ sender: appWindow, senderFrame: appFrame }, 1)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(
      full({ sender: appWindow, senderFrame: { url: APP_INDEX_URL, parent: {} } }, true),
    ).resolves.toMatchObject({ ok: false, error: { code: 'usage' } });
  });
});
