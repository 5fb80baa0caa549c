// Sync back to the team hub on a real PostgreSQL that this test starts and stops: the outbox is
// pushed in batches and lands exactly once (also when the process is killed inside a push, at
// named crash points), other laptops' events are pulled, the hub's schema is created and
// checked both ways, the password never touches SQLite, and an unreachable or refusing hub
// backs off with the error and what to do.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { planroom } from '../helpers/cli';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';

describe.skipIf(!postgresBin())('sync to the PostgreSQL hub', () => {
  const dir = tempDir('planroom-hub-', 'all');
  let pgServer: TestPostgres;
  let hubUrl: string;
  let a: DemoApi;
  let b: DemoApi;
  let hub: pg.Client;

  const hubEvents = async () =>
    (
      await hub.query<{ idempotency_key: string; laptop_id: string }>(
        'SELECT idempotency_key, laptop_id FROM planroom.events ORDER BY seq',
      )
    ).rows;

  beforeAll(async () => {
    pgServer = await startPostgres();
    const owner = pgServer.createDatabase('hub');
    const u = new URL(owner);
    u.username = pgServer.passwordUser.name;
    hubUrl = u.toString();
    process.env.PLANROOM_HUB_PASSWORD = pgServer.passwordUser.password;
    hub = new pg.Client({ host: '127.0.0.1', port: pgServer.port, user: 'planroom', database: 'hub' });
    await hub.connect();
    const dirA = join(dir, 'a');
    const dirB = join(dir, 'b');
    for (const d of [dirA, dirB]) (await import('node:fs')).mkdirSync(d);
    [a, b] = await Promise.all([openDemoApi(dirA), openDemoApi(dirB)]);
  }, 120_000);
  afterAll(async () => {
    delete process.env.PLANROOM_HUB_PASSWORD;
    await hub?.end();
    await a?.close();
    await b?.close();
    pgServer?.stop();
  });

  it('refuses a hub URL with a password in it, and stores none', async () => {
    const withPassword = hubUrl.replace('laptop@', 'laptop:secret@');
    const e = await a.fail('sync.setHub', { url: withPassword, tls: 'disable' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).not.toContain('secret');
    expect(e.hint).toContain('PLANROOM_HUB_PASSWORD');
    expect((await a.fail('sync.setHub', { url: 'http://x/y', tls: 'disable' })).message).toMatch(/postgres:\/\//);
    expect((await a.call('sync.status', {})).targets).toEqual([]);
  });

  it('creates the hub schema, pushes the outbox once, and pulls the other laptop’s events', async () => {
    for (const api of [a, b]) await api.call('sync.setHub', { url: hubUrl, tls: 'disable' });
    await a.call('decision.add', { title: 'Add a second shift at P1', owner: 'COO', by: 'Facilitator' });
    await a.call('decision.add', { title: 'Expedite lane D2-EAST', owner: 'Logistics', by: 'Facilitator' });
    const pendingA = (await a.call('sync.status', {})).targets[0]!.pending;
    expect(pendingA).toBeGreaterThanOrEqual(2);

    const [runA] = await a.call('sync.run', {});
    expect(runA).toMatchObject({ target: 'hub', pushed: pendingA, pulled: 0, error: null });
    expect((await hubEvents()).length).toBe(pendingA);
    const migrations = await hub.query('SELECT id, name FROM planroom.schema_migrations');
    expect(migrations.rows).toEqual([{ id: 1, name: 'events' }]);
    // Again: nothing new to push, nothing sent twice.
    expect((await a.call('sync.run', {}))[0]).toMatchObject({ pushed: 0, pulled: 0 });

    await b.call('decision.add', { title: 'Hold price on Outdoor', owner: 'CFO', by: 'Planner' });
    const [runB] = await b.call('sync.run', {});
    expect(runB!.pulled).toBe(pendingA);
    expect(runB!.pushed).toBeGreaterThanOrEqual(1);
    const [again] = await a.call('sync.run', {});
    expect(again!.pulled).toBe(runB!.pushed);
    // What the other laptop pulled is what this one sent, payload for payload (as JSON values).
    const sentA = a.db.prepare('SELECT idempotency_key k, payload p FROM outbox ORDER BY id').all() as {
      k: string;
      p: string;
    }[];
    const gotB = new Map(
      (b.db.prepare('SELECT idempotency_key k, payload p FROM hub_events').all() as { k: string; p: string }[]).map(
        (r) => [r.k, JSON.parse(r.p) as unknown],
      ),
    );
    for (const e of sentA) expect(gotB.get(e.k)).toEqual(JSON.parse(e.p));

    const events = await hubEvents();
    expect(new Set(events.map((e) => e.idempotency_key)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.laptop_id)).size).toBe(2);
    const status = await a.call('sync.status', {});
    expect(status.targets[0]).toMatchObject({ pending: 0, pulled: runB!.pushed, lastError: null, passwordSet: true });
    expect(status.targets[0]!.where).toBe(`laptop@127.0.0.1:${pgServer.port}/hub`);
    // The password is nowhere in the laptop's database file.
    const raw = a.db.prepare('SELECT group_concat(config) c FROM sync_targets').get() as { c: string };
    expect(raw.c).not.toContain(pgServer.passwordUser.password);
  });

  it('refuses a hub migrated by a newer Planroom, sends nothing, and says what to do', async () => {
    await hub.query("INSERT INTO planroom.schema_migrations (id, name, checksum) VALUES (99, 'future', 'x')");
    try {
      await a.call('decision.add', { title: 'Waits for the hub', owner: 'COO', by: 'Facilitator' });
      const before = (await hubEvents()).length;
      const [run] = await a.call('sync.run', {});
      expect(run!.error).toMatch(/schema 99, written by a newer Planroom/);
      expect(run!.hint).toMatch(/Update Planroom/);
      expect((await hubEvents()).length).toBe(before);
      const t = (await a.call('sync.status', {})).targets[0]!;
      expect(t).toMatchObject({ failures: 1, pending: 1 });
      expect(t.nextAttemptAt! > t.lastAttemptAt!).toBe(true);
      // Without force, a target waiting out its backoff is left alone.
      expect(await a.call('sync.run', { force: false })).toEqual([]);
    } finally {
      await hub.query('DELETE FROM planroom.schema_migrations WHERE id = 99');
    }
    expect((await a.call('sync.run', {}))[0]).toMatchObject({ pushed: 1, error: null });
    expect((await a.call('sync.status', {})).targets[0]).toMatchObject({ failures: 0, nextAttemptAt: null });
  });

  it('backs off from an unreachable hub or a refused login, with the error and what to do; pause stops it', async () => {
    const dead = `postgres://laptop@127.0.0.1:1/hub`;
    await a.call('sync.setHub', { url: dead, tls: 'disable' });
    const [run] = await a.call('sync.run', {});
    expect(run!.hint).toMatch(/cannot be reached/);
    await a.call('sync.setHub', { url: hubUrl, tls: 'disable' });
    process.env.PLANROOM_HUB_PASSWORD = 'wrong';
    try {
      expect((await a.call('sync.run', {}))[0]!.hint).toMatch(/refused the login/);
    } finally {
      process.env.PLANROOM_HUB_PASSWORD = pgServer.passwordUser.password;
    }
    const unknown = await a.fail('sync.pause', { target: 'nope', paused: true });
    expect(unknown).toMatchObject({ code: 'not_found', where: { field: 'target', value: 'nope' } });
    await a.call('sync.pause', { target: 'hub', paused: true });
    expect(await a.call('sync.run', {})).toEqual([]);
    await a.call('sync.pause', { target: 'hub', paused: false });
    expect((await a.call('sync.run', {}))[0]!.error).toBeNull();
  });

  it('reads the password from a 0600 file only', async () => {
    const file = join(dir, 'hub.pw');
    writeFileSync(file, `${pgServer.passwordUser.password}\n`);
    chmodSync(file, 0o644);
    delete process.env.PLANROOM_HUB_PASSWORD;
    process.env.PLANROOM_HUB_PASSWORD_FILE = file;
    try {
      const [loose] = await a.call('sync.run', {});
      expect(loose!.error).toMatch(/can be read by others \(mode 644\)/);
      expect(loose!.hint).toMatch(/chmod 600/);
      chmodSync(file, 0o600);
      expect((await a.call('sync.run', {}))[0]!.error).toBeNull();
    } finally {
      delete process.env.PLANROOM_HUB_PASSWORD_FILE;
      process.env.PLANROOM_HUB_PASSWORD = pgServer.passwordUser.password;
    }
  });

  it('delivers every entry exactly once when the process is killed inside a push (named crash points)', async () => {
    const path = join(dir, 'crash.db');
    const db = openDatabase(path);
    const insert = db.prepare(
      "INSERT INTO outbox (idempotency_key, target, kind, payload, created_at) VALUES (?, 'hub', 'decision_event', ?, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 2500; i++) insert.run(`crash-test:${i}`, JSON.stringify({ i }), new Date().toISOString());
    })();
    db.close();
    const env = { PLANROOM_HUB_PASSWORD: pgServer.passwordUser.password };
    expect(planroom(['sync', 'hub', '--url', hubUrl, '--tls', 'disable', '--db', path], env).code).toBe(0);
    const onHub = async () =>
      Number(
        (await hub.query("SELECT count(*) n FROM planroom.events WHERE idempotency_key LIKE 'crash-test:%'")).rows[0].n,
      );
    const delivered = () => {
      const d = openDatabase(path);
      const n = (d.prepare('SELECT count(*) n FROM outbox WHERE delivered_at IS NOT NULL').get() as { n: number }).n;
      d.close();
      return n;
    };

    // Killed before the hub's COMMIT: the hub has none of the batch, nothing is marked.
    const before = planroom(['sync', '--db', path], { ...env, PLANROOM_TEST_CRASH_AT: 'sync-push:before-commit' });
    expect(before.code).toBeNull(); // SIGKILL
    expect(await onHub()).toBe(0);
    expect(delivered()).toBe(0);

    // Killed after the hub's COMMIT of the first batch, before the local mark.
    const after = planroom(['sync', '--db', path], { ...env, PLANROOM_TEST_CRASH_AT: 'sync-push:after-commit' });
    expect(after.code).toBeNull();
    expect(await onHub()).toBe(1000);
    expect(delivered()).toBe(0);

    // Restarted: the first batch is sent again (a no-op on the hub), the rest once.
    const ok = planroom(['sync', '--once', '--db', path], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^hub: 2500 pushed/m);
    expect(await onHub()).toBe(2500);
    expect(delivered()).toBe(2500);
    const status = planroom(['sync', 'status', '--db', path], env);
    expect(status.stdout).toMatch(/hub laptop@127\.0\.0\.1:\d+\/hub: 0 pending, 2500 delivered/);
  }, 120_000);
});
