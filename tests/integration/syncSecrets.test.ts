// The hub password typed into Planroom (sync.setSecret) instead of the environment, on a real
// PostgreSQL started here: kept in the 0600 file beside the database, a real sync logs in with
// it, and it is nowhere else: not in sync.status, not in an error (bad input, a missing target,
// a failing store), not in the log, not in the SQLite file or its WAL. The CLI reads it from
// standard input and refuses it as a flag.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHooks } from '../../electron/callHooks';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { EngineHost } from '../../electron/engine/engineHost';
import { fileSecrets, secretsDirOf } from '../../electron/secrets/fileSecrets';
import type { SecretStore } from '../../electron/secrets/secretStore';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { createHandlers } from '../../electron/services/handlers';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { dispatch, type Handlers } from '../../shared/dispatch';
import { planroom, ROOT } from '../helpers/cli';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';

describe.skipIf(!postgresBin())('the hub password kept by Planroom', () => {
  const dir = tempDir('planroom-secrets-', 'all');
  const path = join(dir, 'p.db');
  const log = join(dir, 'planroom.log');
  const env = { PLANROOM_LOG: log };
  let pgServer: TestPostgres;
  let hubUrl: string;
  let password: string;
  let db: WriteDb;
  let engine: EngineHost;
  let handlers: Handlers;

  const result = (name: ApiName, input: unknown, h = handlers) => dispatch(h, name, input, {}, callHooks(path, env));
  async function call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
    const r = await result(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.data as ApiOutput<K>;
  }
  async function fail(name: ApiName, input: unknown, h = handlers): Promise<AppErrorShape> {
    const r = await result(name, input, h);
    if (r.ok) throw new Error(`${name} should have failed`);
    return r.error;
  }
  /** Whether the secret's bytes are anywhere in the database file or its WAL. */
  const inSqlite = (secret: string): boolean =>
    [path, `${path}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(secret)));

  beforeAll(async () => {
    // Only what this test types: no password from the environment of the run.
    delete process.env.PLANROOM_HUB_PASSWORD;
    delete process.env.PLANROOM_HUB_PASSWORD_FILE;
    pgServer = await startPostgres();
    const u = new URL(pgServer.createDatabase('hub'));
    u.username = pgServer.passwordUser.name;
    hubUrl = u.toString();
    password = pgServer.passwordUser.password;
    db = openDatabase(path);
    await loadDemoCompany(db);
    engine = new EngineHost(path);
    handlers = createHandlers({ db, dbPath: path, version: 'test', engine, secrets: fileSecrets(path, {}) });
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    db?.close();
    pgServer?.stop();
  });

  it('syncs with the password set through the API, and keeps it out of the status and SQLite', async () => {
    await call('sync.setHub', { url: hubUrl, tls: 'disable' });
    await call('decision.add', { title: 'Add a second shift at P1', owner: 'COO', by: 'Facilitator' });
    expect((await call('sync.status', {})).targets[0]).toMatchObject({ passwordSet: false });
    const [refused] = await call('sync.run', {});
    expect(refused!.error).not.toBeNull();

    const status = await call('sync.setSecret', { name: 'hub', value: password });
    const file = join(secretsDirOf(path), 'hub');
    expect(status.targets[0]).toMatchObject({ passwordSet: true, passwordWhere: `${file}, a file only you can read` });
    expect(JSON.stringify(status)).not.toContain(password);
    expect(JSON.stringify(await call('sync.status', {}))).not.toContain(password);

    const [run] = await call('sync.run', {});
    expect(run).toMatchObject({ target: 'hub', error: null });
    expect(run!.pushed).toBeGreaterThanOrEqual(1);
    expect(inSqlite(password)).toBe(false);
  });

  it('never echoes the secret in an error or the log', async () => {
    const marker = 'zz-secret-marker-91c4';
    const errors = [
      await fail('sync.setSecret', { name: 'hub', value: `${marker}\nsecond line` }),
      await fail('sync.setSecret', { name: 'hub', value: marker.repeat(200) }),
      await fail('sync.setSecret', { name: 'no-such-target', value: marker }),
      await fail('sync.setSecret', { name: 'Bad Name', value: marker }),
    ];
    expect(errors.map((e) => e.code)).toEqual(['invalid_input', 'invalid_input', 'not_found', 'invalid_input']);
    expect(errors[0]!.message).toMatch(/value: one line, without line breaks/);
    expect(errors[1]!.message).toMatch(/value: at most 4,096 characters/);
    // A store that breaks (a bug, or a full disk): an internal error, logged, without the value.
    const broken: SecretStore = {
      get: () => undefined,
      set: () => {
        throw new Error('ENOSPC: no space left on device, write');
      },
      remove: () => undefined,
      whereFor: () => 'nowhere',
      fromEnvironment: () => false,
    };
    const brokenHandlers = createHandlers({ db, dbPath: path, version: 'test', engine, secrets: broken });
    const internal = await fail('sync.setSecret', { name: 'hub', value: marker }, brokenHandlers);
    expect(internal.code).toBe('internal');
    expect(internal.hint).toContain(log);
    for (const e of [...errors, internal]) expect(JSON.stringify(e)).not.toContain(marker);
    expect(readFileSync(log, 'utf8')).toContain('internal error in sync.setSecret');
    expect(readFileSync(log, 'utf8')).not.toContain(marker);
    expect(readFileSync(log, 'utf8')).not.toContain(password);
    expect(inSqlite(marker)).toBe(false);
  });

  it('forgets it: the status says so and a sync is refused the login again', async () => {
    const status = await call('sync.removeSecret', { name: 'hub' });
    expect(status.targets[0]).toMatchObject({ passwordSet: false });
    expect(existsSync(join(secretsDirOf(path), 'hub'))).toBe(false);
    await call('decision.add', { title: 'Expedite lane D2-EAST', owner: 'Logistics', by: 'Facilitator' });
    expect((await call('sync.run', {}))[0]!.error).not.toBeNull();
  });

  it('CLI: reads the secret from a pipe, refuses it as a flag, and syncs with it', async () => {
    // The CLI opens the same database file: checkpoint so it sees everything written so far.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const cli = (args: string[], input?: string) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'planroom.cjs'), ...args, '--db', path], {
        cwd: ROOT,
        input,
        encoding: 'utf8',
        env: { ...process.env, PLANROOM_DB: '', ...env },
      });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const flag = cli(['sync', 'secret', 'hub', '--value', 'flag-secret-7']);
    expect(flag.code).toBe(2);
    expect(flag.out).toMatch(/--value is refused: a secret given as a flag stays in the shell history/);
    expect(flag.out).not.toContain('flag-secret-7');

    expect(cli(['sync', 'secret', 'hub'], '').code).toBe(2);
    const set = cli(['sync', 'secret', 'hub'], `${password}\nignored second line\n`);
    expect(set.code, set.out).toBe(0);
    expect(set.out).toBe(`hub: secret set (kept in ${join(secretsDirOf(path), 'hub')}, a file only you can read)\n`);
    expect(readFileSync(join(secretsDirOf(path), 'hub'), 'utf8')).toBe(`${password}\n`);

    const run = cli(['sync', '--once']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/^hub: [1-9]\d* pushed/m);
    const status = cli(['sync', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ targets: [{ id: 'hub', passwordSet: true }] });
    for (const r of [set, run, status]) expect(r.out).not.toContain(password);

    const removed = cli(['sync', 'secret', 'hub', '--remove']);
    expect(removed).toEqual({ code: 0, out: 'hub: secret forgotten\n' });
    expect(planroom(['sync', 'status', '--db', path], env).stdout).toMatch(
      /no password set \(planroom sync secret hub, or set PLANROOM_HUB_PASSWORD\)/,
    );
    expect(inSqlite(password)).toBe(false);
  });
});
