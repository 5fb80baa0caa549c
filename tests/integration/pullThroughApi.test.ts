// The path a user takes, through the API the Data page and the CLI call (issue 18 items 3, 4, 6):
// set a PostgreSQL connection with a schedule and the password from the environment, test it,
// pull it (a second pull of the same data is a no-op), then a pull that cannot connect: it says
// what to do, stores nothing, leaves the pulled snapshot pinned, and is recorded on the source's
// status. The password is in no answer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envNameOf } from '../../shared/sync/secretNames';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { loadDemoPostgres, type DemoPostgres } from '../helpers/demoPostgres';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';
import { snapshotCount, pinnedOf } from '../helpers/cycleState';

describe.skipIf(!postgresBin())('a source pulled through the API', () => {
  const dir = tempDir('planroom-pull-api-', 'all');
  const variable = envNameOf('source:WMS');
  let server: TestPostgres;
  let demo: DemoPostgres;
  let api: DemoApi;

  beforeAll(async () => {
    server = await startPostgres();
    demo = await loadDemoPostgres(server, 'S');
    process.env[variable] = demo.reader.password;
    mkdirSync(join(dir, 'p'));
    api = await openDemoApi(join(dir, 'p'));
  }, 240_000);
  afterAll(async () => {
    delete process.env[variable];
    await api?.close();
    server?.stop();
  });

  it('refuses a folder connection that is a relative path or a file, naming the field', async () => {
    const relative = await api.fail('source.set', {
      source: 'ERP',
      connection: { kind: 'folder', dir: 'exports' },
      schedule: null,
    });
    expect(relative).toMatchObject({ code: 'invalid_input', where: { field: 'dir' } });
    expect(relative.message).toMatch(/is not an absolute path/);
    const file = await api.fail('source.set', {
      source: 'ERP',
      connection: { kind: 'folder', dir: join(dir, 'p', 'p.db') },
      schedule: null,
    });
    expect(file).toMatchObject({ code: 'invalid_input', where: { field: 'dir' } });
    expect(file.message).toMatch(/is a file, not a folder/);
    expect(await api.call('source.list', {})).toEqual([]);
  });

  it('sets, tests and pulls; a pull that cannot connect leaves the pulled snapshot pinned', async () => {
    const set = await api.call('source.set', { source: 'WMS', connection: demo.sources.WMS, schedule: '0 6 * * 1-5' });
    expect(set.secret).toMatchObject({ set: true, fromEnvironment: true, environmentVariable: variable });
    expect(set.nextPullAt).not.toBeNull();

    const test = await api.call('source.test', { source: 'WMS' });
    expect(test.ok).toBe(true);
    for (const t of test.tables) {
      expect(t.missing, t.table).toEqual([]);
      expect(t.sample.length, t.table).toBeGreaterThan(0);
    }

    const pulled = await api.call('source.pull', { source: 'WMS' });
    expect(pulled).toMatchObject({ unchanged: false, rejectedCount: 0 });
    expect(pulled.rowCount).toBeGreaterThan(0);
    const again = await api.call('source.pull', { source: 'WMS' });
    expect(again).toMatchObject({ unchanged: true, snapshotId: pulled.snapshotId });
    await api.call('cycle.pin', { source: 'WMS', snapshotId: pulled.snapshotId, by: 'Dana', reason: 'pulled' });

    // A wrong password: refused, naming this source's variable to set.
    process.env[variable] = 'not-the-password';
    const refusedLogin = await api.fail('source.pull', { source: 'WMS' });
    expect(refusedLogin.message).toMatch(/credentials refused/i);
    expect(refusedLogin.hint).toContain(variable);
    process.env[variable] = demo.reader.password;

    // The database is not there any more (a closed port): nothing is stored, nothing moves.
    const before = snapshotCount(api);
    const gone = { ...demo.sources.WMS, url: 'postgres://planroom_reader@127.0.0.1:1/demo_s' };
    await api.call('source.set', { source: 'WMS', connection: gone, schedule: null });
    const error = await api.fail('source.pull', { source: 'WMS' });
    expect(error.code).toBe('import_failed');
    expect(error.hint).toBeTruthy();
    expect(snapshotCount(api)).toBe(before);
    expect(pinnedOf(api).WMS).toBe(pulled.snapshotId);
    const status = (await api.call('source.list', {})).find((s) => s.source === 'WMS')!;
    expect(status.lastPull).toMatchObject({ ok: false, snapshotId: null });
    expect(status.lastPull!.error!.message).toBe(error.message);
    expect(status.nextPullAt).toBeNull();
    for (const shown of [error, status, test, set]) expect(JSON.stringify(shown)).not.toContain(demo.reader.password);
  }, 240_000);
});
