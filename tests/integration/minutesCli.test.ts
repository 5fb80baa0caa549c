// `planroom minutes export` and `planroom scenario workbook` on the demo company: the file is
// written under its own name in the current folder (or --out), its path printed, and an existing
// file is never overwritten without --force. Over the HTTP host, browser mode prints the PDF with
// headless Chromium, and says what to install when there is none.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { planroom, ROOT } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

describe('planroom minutes export', () => {
  const dir = tempDir('planroom-minutes-cli-', 'all');
  const db = join(dir, 'p.db');

  beforeAll(async () => {
    const api = await openDemoApi(dir);
    await api.call('decision.add', { title: 'Ship | split loads', owner: 'Logistics', due: '+1w', by: 'Facilitator' });
    await api.call('scenario.create', {
      name: 'Promo',
      owner: 'Sales',
      levers: [{ kind: 'demand_lift', percent: 5 }],
      by: 't',
    });
    await api.close();
  });

  it('writes the Markdown under its own name in the current folder and prints the path', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'planroom.cjs'), 'minutes', 'export', '--format', 'md', '--db', db],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PLANROOM_DB: '' },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const path = r.stdout.trim();
    expect(path).toBe(join(dir, 'minutes-2026-12-s-op-demo-company.md'));
    const md = readFileSync(path, 'utf8');
    expect(md).toMatch(/^# Minutes: 2026-12 S&OP/);
    expect(md).toContain('Ship \\| split loads');
  });

  it('records the export in the outbox, with who exported (--by)', () => {
    const r = planroom(['minutes', 'export', '--format', 'md', '--out', join(dir, 'by.md'), '--by', 'Ana', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const local = new Database(db, { readonly: true });
    try {
      const rows = local.prepare("SELECT payload FROM outbox WHERE kind = 'minutes_export' ORDER BY id").all() as {
        payload: string;
      }[];
      expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({
        format: 'md',
        fileName: 'minutes-2026-12-s-op-demo-company.md',
        bytes: readFileSync(join(dir, 'by.md')).length,
        by: 'Ana',
      });
    } finally {
      local.close();
    }
  });

  it('refuses to overwrite without --force, and overwrites with it', () => {
    const out = join(dir, 'minutes.md');
    writeFileSync(out, 'keep me');
    const refused = planroom(['minutes', 'export', '--format', 'md', '--out', out, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists already.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = planroom(['minutes', 'export', '--format', 'md', '--out', out, '--force', '--db', db]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Minutes/);
  });

  it('asks for a format it knows', () => {
    const r = planroom(['minutes', 'export', '--format', 'docx', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format pdf\|xlsx\|md/);
  });

  it('writes the scenario workbook', () => {
    const out = join(dir, 'scenarios.xlsx');
    const r = planroom(['scenario', 'workbook', 'Promo', '--out', out, '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: out, fileName: 'scenarios-2026-12-s-op-demo-company.xlsx' });
    expect(existsSync(out)).toBe(true);
  });
});

describe('minutes over the HTTP host (browser mode)', () => {
  const dir = tempDir('planroom-minutes-host-', 'all');
  let served: Served | undefined;
  afterAll(() => served?.stop());

  it.skipIf(!findChromium())('prints the PDF with headless Chromium, and refuses without one', async () => {
    served = await startServe(join(dir, 'p.db'));
    const res = await served.post('minutes.export', { format: 'pdf' });
    const body = (await res.json()) as { ok: boolean; data: { mime: string; content: string } };
    expect(body.ok).toBe(true);
    expect(body.data.mime).toBe('application/pdf');
    expect(Buffer.from(body.data.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await served.stop();
    served = await startServe(join(dir, 'p.db'), ['--no-demo'], { PLANROOM_BROWSER: join(dir, 'no-such-browser') });
    const refused = (await (await served.post('minutes.export', { format: 'pdf' })).json()) as {
      ok: boolean;
      error: { code: string; message: string; hint: string };
    };
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/no Chromium was found/);
    expect(refused.error.hint).toMatch(/apt-get install chromium/);
  });
});
