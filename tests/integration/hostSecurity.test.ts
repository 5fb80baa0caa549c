// The HTTP host answers only its owner (a per-launch secret in an HttpOnly, SameSite=Strict
// cookie, handed out once for the printed code), forbids framing on every response, and reads
// only folders the user named. The second-user test runs the request as another OS user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDir } from '../../electron/paths';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const PROBE_USER = 'planroom-probe';

describe('HTTP host: only its owner', () => {
  const dir = tempDir('planroom-sec-', 'all');
  let served: Served;
  beforeAll(async () => {
    served = await startServe(join(dir, 'p.db'));
  });
  afterAll(() => served?.stop());

  const anonymous = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${served.url}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('prints a sign-in address that works once: an HttpOnly, SameSite=Strict cookie, then 403', async () => {
    expect(served.loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?code=[\w-]{20,}$/);
    const first = await fetch(served.loginUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^planroom_\d+=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    // The code is spent: a second exchange is refused.
    const again = await fetch(served.loginUrl, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toMatch(/used already/);
    const guessed = await fetch(`${served.url}login?code=${'A'.repeat(32)}`, { redirect: 'manual' });
    expect(guessed.status).toBe(403);
    // The cookie from the first exchange is the session.
    served.cookie = () => Promise.resolve(cookie.split(';')[0]!);
    expect((await served.post('app.info', {})).status).toBe(200);
  });

  it('answers 401 to every API call without the cookie, or with a wrong one, and 200 with it', async () => {
    for (const [name, body] of [
      ['app.info', {}],
      ['cycle.overview', {}],
      ['profile.save', { source: 'ERP', profile: {}, by: 'x' }],
      ['snapshot.import', { source: 'ERP', dir: '/root' }],
      ['snapshot.rejected', { snapshotId: 1 }],
      ['health', {}],
    ] as const) {
      const r = await anonymous(name, body);
      expect(r.status, name).toBe(401);
      expect(await r.json(), name).toMatchObject({ ok: false, error: { message: /not signed in/ } });
    }
    const cookieName = (await served.cookie()).split('=')[0]!;
    expect((await anonymous('app.info', {}, { cookie: `${cookieName}=${'x'.repeat(43)}` })).status).toBe(401);
    expect((await anonymous('app.info', {}, { cookie: `other=1; ${cookieName}=` })).status).toBe(401);
    const ok = await served.post('app.info', {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true });
  });

  it('forbids framing and foreign scripts on static pages, the API and the sign-in page', async () => {
    const index = await fetch(served.url);
    const html = await index.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const responses = [
      index,
      await fetch(`${served.url}${script}`),
      await fetch(`${served.url}#/scenarios`),
      await served.post('app.info', {}),
      await anonymous('app.info', {}),
      await fetch(`${served.url}login?code=wrong`, { redirect: 'manual' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 401, 403]);
    for (const r of responses) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, r.url).toContain("frame-ancestors 'none'");
      expect(csp, r.url).toContain("default-src 'self'");
      expect(csp, r.url).toContain("script-src 'self'");
      expect(r.headers.get('x-frame-options'), r.url).toBe('DENY');
      expect(r.headers.get('referrer-policy'), r.url).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options'), r.url).toBe('nosniff');
    }
  });

  it('imports only from a real folder named by its full path: not relative, not a file, not a link', async () => {
    const erp = join(dir, 'erp');
    cpSync(join(demoDir(), 'erp'), erp, { recursive: true });
    const link = join(dir, 'erp-link');
    symlinkSync(erp, link);
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'sku,qty\nA,1\n');
    const before = ((await (await served.post('snapshot.list', {})).json()) as { data: unknown[] }).data.length;
    for (const [folder, why] of [
      ['erp', /not a full path/],
      [link, /not a folder .*link/],
      [file, /not a folder/],
      [join(dir, 'nowhere'), /No folder at/],
    ] as const) {
      // The import, its dry run and the onboarding look at a folder all keep to the rule.
      for (const call of ['snapshot.import', 'snapshot.check', 'import.preview']) {
        const r = (await (await served.post(call, { source: 'ERP', dir: folder })).json()) as {
          ok: boolean;
          error: { code: string; message: string; where: { field: string } };
        };
        expect(r.ok, `${call} ${folder}`).toBe(false);
        expect(r.error.message, `${call} ${folder}`).toMatch(why);
        expect(r.error.where.field, `${call} ${folder}`).toBe('dir');
      }
    }
    const after = ((await (await served.post('snapshot.list', {})).json()) as { data: unknown[] }).data.length;
    expect(after).toBe(before);
  });

  it('never lets a profile name a file outside the import folder', async () => {
    const stored = (await (await served.post('profile.get', { source: 'ERP' })).json()) as {
      data: { profile: { files: { file: string }[] } };
    };
    for (const pattern of ['../../etc/*', '/etc/passwd', '..', 'x\\..\\secret.csv', '..secret*']) {
      const profile = structuredClone(stored.data.profile);
      profile.files[0]!.file = pattern;
      const r = (await (await served.post('profile.save', { source: 'ERP', profile, by: 'tester' })).json()) as {
        ok: boolean;
        error: { code: string; where: { field: string } };
      };
      expect(r, pattern).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(r.error.where.field, pattern).toMatch(/^files\.0\.file$/);
    }
    const now = (await (await served.post('profile.get', { source: 'ERP' })).json()) as { data: unknown };
    expect(now.data).toEqual(stored.data);
  });
});

describe('planroom serve --open', () => {
  const dir = tempDir('planroom-sec-open-', 'all');

  it('hands the browser a private launch page, not the code on its command line, and removes it once used', async () => {
    // A stand-in browser that writes down the arguments it was started with.
    const record = join(dir, 'browser-args.txt');
    const fake = join(dir, 'fake-browser.sh');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
    chmodSync(fake, 0o755);
    const config = join(dir, 'config');
    const served = await startServe(join(dir, 'p.db'), ['--open'], {
      PLANROOM_BROWSER: fake,
      DISPLAY: ':99',
      XDG_CONFIG_HOME: config,
    });
    try {
      await expect.poll(() => existsSync(record) && readFileSync(record, 'utf8').includes('--app=')).toBe(true);
      const args = readFileSync(record, 'utf8');
      const code = new URL(served.loginUrl).searchParams.get('code')!;
      expect(args).not.toContain(code);
      const page = fileURLToPath(/--app=(\S+)/.exec(args)![1]!);
      expect(page.startsWith(join(config, 'Planroom', 'launch'))).toBe(true);
      expect(statSync(page).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(page)).mode & 0o777).toBe(0o700);
      expect(readFileSync(page, 'utf8')).toContain(`url=${served.loginUrl}`);
      await served.cookie();
      await expect.poll(() => existsSync(page)).toBe(false);
    } finally {
      await served.stop();
    }
  });
});

/** Root can act as another OS user; elsewhere there is no second account to test with. */
function probeUser(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  if (spawnSync('id', ['-u', PROBE_USER]).status !== 0) {
    if (spawnSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', PROBE_USER]).status !== 0) {
      return undefined;
    }
  }
  return PROBE_USER;
}

const probe = probeUser();

describe.skipIf(!probe)(
  `HTTP host: another OS user (${probe ?? 'skipped: needs root on Linux to act as a second user'})`,
  () => {
    const dir = tempDir('planroom-sec-user-', 'all');
    let served: Served;
    beforeAll(async () => {
      served = await startServe(join(dir, 'p.db'));
    });
    afterAll(() => served?.stop());

    /** One API call made by the probe user's own process; returns its HTTP status. */
    const asProbe = (name: string, body: unknown, cookie?: string): number => {
      const script = join(dir, 'probe.mjs');
      writeFileSync(
        script,
        `const r = await fetch(process.argv[2], { method: 'POST', headers: { 'content-type': 'application/json', ...(process.argv[4] ? { cookie: process.argv[4] } : {}) }, body: process.argv[3] });
process.stdout.write(String(r.status));`,
      );
      chmodSync(dir, 0o755);
      chmodSync(script, 0o644);
      const args = [`${served.url}api/${name}`, JSON.stringify(body), ...(cookie ? [cookie] : [])];
      return Number(
        execFileSync('runuser', ['-u', probe!, '--', process.execPath, script, ...args], { encoding: 'utf8' }),
      );
    };

    it('refuses the other user: no cookie, no call (profile.save, snapshot.import, app.info)', () => {
      expect(asProbe('profile.save', { source: 'ERP', profile: {}, by: 'intruder' })).toBe(401);
      expect(asProbe('snapshot.import', { source: 'ERP', dir: '/root' })).toBe(401);
      expect(asProbe('app.info', {})).toBe(401);
      // The one-time code is not in the server's command line, which every user can read.
      const cmdline = execFileSync('cat', [`/proc/${served.child.pid}/cmdline`]).toString();
      expect(cmdline).not.toContain(new URL(served.loginUrl).searchParams.get('code')!);
    });

    it("answers the same request from that user once it carries the owner's cookie (the test can fail)", async () => {
      expect(asProbe('app.info', {}, await served.cookie())).toBe(200);
    });
  },
);
