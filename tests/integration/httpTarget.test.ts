// HTTP write-back targets against a local receiver (tests/helpers/httpTargetServer.ts): each
// entry is delivered once, in order, with its Idempotency-Key, auth and rendered body; 5xx,
// timeouts and refused connections stop the run and leave the entry pending; a 4xx fails that
// entry for good, shown with the answer, and "retry failed" sends it again; 401 stops the run as
// "credentials refused" without failing entries; 409 is delivered; a process killed after the
// receiver answered (named crash point) sends again with the same key and the receiver keeps one.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { planroom, ROOT, type CliRun } from '../helpers/cli';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { startHttpTargetServer, type HttpTargetServer } from '../helpers/httpTargetServer';
import { tempDir } from '../helpers/tmp';

const TEMPLATE =
  '{\n  "title": {{decision.title}},\n  "event": {{kind}},\n  "seq": {{seq}},\n  "key": {{idempotencyKey}},\n  "note": "by {{actor}}",\n  "missing": {{decision.nope}}\n}';
const TOKEN = 'tok-3f9a';

/** A port nothing listens on: taken from the system, then freed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The built CLI in a child process, without blocking this process (the receiver runs here). */
function planroomAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'planroom.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, PLANROOM_DB: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('HTTP write-back targets', () => {
  const dir = tempDir('planroom-http-', 'all');
  let server: HttpTargetServer;
  let api: DemoApi;

  const setErp = (over: Record<string, unknown> = {}) =>
    api.call('sync.setTarget', {
      kind: 'http',
      id: 'erp',
      url: server.url,
      method: 'POST',
      auth: 'bearer',
      headers: { 'X-Api-Version': '2' },
      templates: { decision_event: TEMPLATE },
      timeoutMs: 1000,
      ...over,
    } as never);
  const erp = async () => (await api.call('sync.status', {})).targets.find((t) => t.id === 'erp')!;
  const run = async () => (await api.call('sync.run', {})).find((r) => r.target === 'erp')!;
  let n = 0;
  const decide = () => api.call('decision.add', { title: `Decision ${++n}`, owner: 'COO', by: 'Facilitator' });
  const requestsFor = (key: string) => server.requests.filter((r) => r.headers['idempotency-key'] === key);

  beforeAll(async () => {
    process.env.PLANROOM_TARGET_ERP_SECRET = TOKEN;
    server = await startHttpTargetServer();
    api = await openDemoApi(dir);
  }, 60_000);
  afterAll(async () => {
    delete process.env.PLANROOM_TARGET_ERP_SECRET;
    await api?.close();
    await server?.close();
  });
  beforeEach(() => {
    process.env.PLANROOM_TARGET_ERP_SECRET = TOKEN;
  });

  it('refuses a template that is not JSON at setTarget, naming the kind and the position', async () => {
    const bad = await api.fail('sync.setTarget', {
      kind: 'http',
      id: 'erp',
      url: server.url,
      templates: { decision_event: '{\n  "title": {{decision.title}}\n  "x": 1\n}' },
    } as never);
    expect(bad).toMatchObject({
      code: 'invalid_input',
      where: { field: 'templates.decision_event', value: 'line 3, column 3' },
    });
    expect(bad.message).toMatch(/decision_event body template is not valid JSON/);
    const secretHeader = await api.fail('sync.setTarget', {
      kind: 'http',
      id: 'erp',
      url: server.url,
      headers: { Authorization: 'Bearer x' },
      templates: { decision_event: '{}' },
    } as never);
    expect(secretHeader.where?.field).toBe('headers');
    expect(secretHeader.hint).toMatch(/bearer or basic/);
    expect((await api.call('sync.status', {})).targets).toEqual([]);
  });

  it('delivers each entry once, in order, with the method, headers, auth and rendered body', async () => {
    await decide();
    await decide();
    await setErp();
    const before = await erp();
    expect(before.pending).toBeGreaterThanOrEqual(2);
    const r = await run();
    expect(r).toMatchObject({ pushed: before.pending, failed: 0, error: null });
    expect(server.requests).toHaveLength(before.pending);
    const keys = server.requests.map((q) => String(q.headers['idempotency-key']));
    expect(new Set(keys).size).toBe(keys.length);
    const last = server.requests.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.url).toBe('/planroom/events');
    expect(last.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
      'x-api-version': '2',
    });
    const body = JSON.parse(last.body) as Record<string, unknown>;
    expect(body).toMatchObject({ title: `Decision ${n}`, event: 'recorded', note: 'by Facilitator', missing: null });
    expect(body.key).toBe(last.headers['idempotency-key']);
    expect(body.key).toMatch(/^decision_event:[^:]+:/);
    // In the outbox's order: the decisions' recorded events in the order they were made.
    const titles = server.requests.map((q) => (JSON.parse(q.body) as { title: string }).title);
    expect(titles.slice(-2)).toEqual([`Decision ${n - 1}`, `Decision ${n}`]);

    expect(await run()).toMatchObject({ pushed: 0, failed: 0 });
    expect(server.requests).toHaveLength(before.pending);
    expect(await erp()).toMatchObject({ pending: 0, delivered: before.pending, failed: 0, passwordSet: true });
    const raw = api.db.prepare('SELECT group_concat(config) c FROM sync_targets').get() as { c: string };
    expect(raw.c).not.toContain(TOKEN);
  });

  it('stops at a 500, keeps the entry pending, and delivers it exactly once on the next run', async () => {
    await decide();
    server.answer({ status: 500, body: 'database down' });
    const r = await run();
    expect(r.error).toMatch(/answered HTTP 500/);
    expect(r.hint).toMatch(/stays pending/);
    const t = await erp();
    expect(t).toMatchObject({ pending: 1, failed: 0, failures: 1 });
    expect(t.lastError).toMatch(/HTTP 500/);
    expect(await run()).toMatchObject({ pushed: 1, error: null });
    const key = String(server.requests.at(-1)!.headers['idempotency-key']);
    expect(requestsFor(key)).toHaveLength(2);
    expect(server.kept.has(key)).toBe(true);
    expect(await erp()).toMatchObject({ pending: 0, failures: 0, lastError: null });
  });

  it('waits out a short Retry-After within the run, and stops at a long one', async () => {
    await decide();
    server.answer({ status: 503, headers: { 'Retry-After': '0' } });
    expect(await run()).toMatchObject({ pushed: 1, error: null });
    await decide();
    server.answer({ status: 429, headers: { 'Retry-After': '3600' } });
    const limited = await run();
    expect(limited.error).toMatch(/HTTP 429 \(too many requests\)/);
    expect(limited.hint).toMatch(/It asks to wait 3600 s, and is left alone that long\./);
    expect(await erp()).toMatchObject({ pending: 1 });
    // The loop's next try is no sooner than the receiver asked (its own backoff is seconds).
    const next = Date.parse((await erp()).nextAttemptAt!);
    expect(next - Date.parse((await erp()).lastAttemptAt!)).toBeGreaterThanOrEqual(3_600_000);
    expect(await run()).toMatchObject({ pushed: 1, error: null });
  });

  it('fails a run that gets no answer within the timeout, with what to do, and keeps the entry', async () => {
    await decide();
    server.answer('hang');
    const r = await run();
    expect(r.error).toMatch(/^No answer from 127\.0\.0\.1:\d+ within 1 s \(timeout\)\.$/);
    expect(r.hint).toMatch(/raise its timeout \(now 1 s\)/);
    expect(await erp()).toMatchObject({ pending: 1, failed: 0 });
    expect(await run()).toMatchObject({ pushed: 1, error: null });
  });

  it('waits for a slow answer that comes within the timeout', async () => {
    await decide();
    server.answer('hold');
    const seen = server.requests.length;
    const running = run();
    await server.arrived(seen + 1);
    server.release();
    expect(await running).toMatchObject({ pushed: 1, error: null });
  });

  it('fails a run to a closed port with "connection refused at host:port"', async () => {
    await decide();
    const port = await closedPort();
    await setErp({ url: `http://127.0.0.1:${port}/events` });
    const r = await run();
    expect(r.error).toBe(`Connection refused at 127.0.0.1:${port}.`);
    expect(r.hint).toMatch(/check the URL's host and port/);
    await setErp();
    expect(await run()).toMatchObject({ pushed: 1, error: null });
  });

  it('fails a 400 entry for good with the answer shown, delivers the others, and retries it on request', async () => {
    await decide();
    await decide();
    const answer = `title too long\nsecond line ${'x'.repeat(3000)}`;
    server.answer({ status: 400, body: answer });
    const r = await run();
    expect(r).toMatchObject({ pushed: 1, failed: 1, error: null });
    const t = await erp();
    expect(t).toMatchObject({ pending: 0, failed: 1 });
    expect(t.lastFailure).toMatchObject({ status: 400, kind: 'decision_event', response: answer.slice(0, 2000) });
    expect(t.lastFailure!.response).toHaveLength(2000);
    const key = t.lastFailure!.idempotencyKey;
    expect(server.kept.has(key)).toBe(false);

    const retried = await api.call('sync.retryFailed', { target: 'erp' });
    expect(retried.targets.find((x) => x.id === 'erp')).toMatchObject({ pending: 1, failed: 0, lastFailure: null });
    expect(await run()).toMatchObject({ pushed: 1, failed: 0 });
    expect(server.kept.has(key)).toBe(true);
  });

  it('stops at a 401 as "credentials refused" without failing any entry', async () => {
    await decide();
    await decide();
    server.answer({ status: 401, body: 'bad token' });
    const seen = server.requests.length;
    const r = await run();
    expect(r.error).toMatch(/refused the credentials \(HTTP 401\): credentials refused/);
    expect(r.hint).toMatch(/Check the token of erp/);
    expect(server.requests.length).toBe(seen + 1);
    expect(await erp()).toMatchObject({ pending: 2, failed: 0 });
    expect(await run()).toMatchObject({ pushed: 2, error: null });
  });

  it('counts a 409 (the receiver has the key) as delivered', async () => {
    await decide();
    server.answer({ status: 409, body: 'duplicate' });
    expect(await run()).toMatchObject({ pushed: 1, failed: 0, error: null });
    expect(await erp()).toMatchObject({ pending: 0, failed: 0 });
  });

  it('sends nothing without the secret, and says where to set it; basic auth sends user and password', async () => {
    await decide();
    delete process.env.PLANROOM_TARGET_ERP_SECRET;
    const seen = server.requests.length;
    const r = await run();
    expect(r.error).toBe('No token is set for the erp target (bearer auth).');
    expect(r.hint).toMatch(/on the erp target's card .*planroom sync secret erp.*, or set PLANROOM_TARGET_ERP_SECRET;/);
    expect(server.requests.length).toBe(seen);
    expect(await erp()).toMatchObject({ passwordSet: false, pending: 1 });
    process.env.PLANROOM_TARGET_ERP_SECRET = TOKEN;
    await setErp({ auth: 'basic', username: 'planner', method: 'PATCH' });
    expect(await run()).toMatchObject({ pushed: 1 });
    const last = server.requests.at(-1)!;
    expect(last.method).toBe('PATCH');
    expect(last.headers.authorization).toBe(`Basic ${Buffer.from(`planner:${TOKEN}`).toString('base64')}`);
  });

  it('resends with the same Idempotency-Key after a crash between the answer and the local mark', async () => {
    const path = join(dir, 'crash.db');
    const db = openDatabase(path);
    const insert = db.prepare(
      "INSERT INTO outbox (idempotency_key, target, kind, payload, created_at) VALUES (?, 'hub', 'decision_event', ?, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 250; i++) insert.run(`crash-http:${i}`, JSON.stringify({ seq: i }), new Date().toISOString());
    })();
    db.close();
    const template = join(dir, 'event.json');
    writeFileSync(template, '{"seq": {{seq}}, "key": {{idempotencyKey}}}');
    const env = { PLANROOM_TARGET_MES_SECRET: 'mes-token' };
    const set = planroom(
      [
        'sync',
        'http',
        '--id',
        'mes',
        '--url',
        server.url,
        '--auth',
        'bearer',
        '--template',
        `decision_event=${template}`,
        '--timeout',
        '2',
        '--db',
        path,
      ],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(
      /mes POST http:\/\/127\.0\.0\.1:\d+\/planroom\/events: 250 pending, 0 delivered, 0 failed/,
    );
    const keptBefore = server.kept.size;

    const crashed = await planroomAsync(['sync', '--db', path], {
      ...env,
      PLANROOM_TEST_CRASH_AT: 'http-target:after-response',
    });
    expect(crashed.code).toBeNull(); // SIGKILL
    expect(server.kept.has('crash-http:0')).toBe(true);
    expect(server.kept.size).toBe(keptBefore + 1);

    const ok = await planroomAsync(['sync', '--once', '--db', path], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^mes: 250 pushed, 0 pulled$/m);
    // The receiver saw the first key twice and kept one.
    expect(requestsFor('crash-http:0')).toHaveLength(2);
    expect(server.kept.size).toBe(keptBefore + 250);
    // In the outbox's order, across read batches: the resent first entry, then all of them.
    const order = server.requests
      .filter((r) => String(r.headers['idempotency-key']).startsWith('crash-http:'))
      .map((r) => (JSON.parse(r.body) as { seq: number }).seq);
    expect(order).toEqual([0, ...Array.from({ length: 250 }, (_, i) => i)]);
    const status = planroom(['sync', 'status', '--db', path], env);
    expect(status.stdout).toMatch(/mes POST \S+: 0 pending, 250 delivered, 0 failed/);
  }, 60_000);

  it('shows a refusal in planroom sync status, retries it and removes the target; bad flags exit 2', async () => {
    const path = join(dir, 'crash.db');
    const env = { PLANROOM_TARGET_MES_SECRET: 'mes-token' };
    const db = openDatabase(path);
    db.prepare(
      "INSERT INTO outbox (idempotency_key, target, kind, payload, created_at) VALUES ('cli-http:1', 'hub', 'decision_event', '{}', ?)",
    ).run(new Date().toISOString());
    db.close();
    server.answer({ status: 422, body: 'unknown plant P9\nat line 1' });
    const runCli = await planroomAsync(['sync', '--db', path], env);
    expect(runCli.stdout).toMatch(/^mes: 0 pushed, 0 pulled, 1 refused$/m);
    const status = planroom(['sync', 'status', '--db', path], env);
    expect(status.stdout).toMatch(/0 pending, 250 delivered, 1 failed/);
    expect(status.stdout).toContain('last refusal: HTTP 422 for cli-http:1: unknown plant P9\n');
    expect(status.stdout).toContain('planroom sync retry mes');
    const retry = planroom(['sync', 'retry', 'mes', '--db', path], env);
    expect(retry.stdout).toMatch(/1 pending, 250 delivered, 0 failed/);

    const template = join(dir, 'bad.json');
    writeFileSync(template, '{"seq": {{seq}} "x": 1}');
    const bad = planroom([
      'sync',
      'http',
      '--id',
      'mes',
      '--url',
      server.url,
      '--template',
      `decision_event=${template}`,
      '--db',
      path,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--template decision_event=.*bad\.json: not valid JSON .* at line 1, column 17/);
    const method = planroom([
      'sync',
      'http',
      '--id',
      'mes',
      '--url',
      server.url,
      '--method',
      'GET',
      '--template',
      `decision_event=${template}`,
      '--db',
      path,
    ]);
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/--method POST\|PATCH, not "GET"/);
    const basic = planroom([
      'sync',
      'http',
      '--id',
      'mes',
      '--url',
      server.url,
      '--auth',
      'basic',
      '--template',
      `decision_event=${join(dir, 'event.json')}`,
      '--db',
      path,
    ]);
    expect(basic.code).toBe(2);
    expect(basic.stderr).toMatch(/--username: Basic auth needs a user name/);

    const removed = planroom(['sync', 'target', 'remove', 'mes', '--db', path]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/target mes removed/);
    expect(removed.stdout).not.toMatch(/^mes /m);
  }, 60_000);
});
