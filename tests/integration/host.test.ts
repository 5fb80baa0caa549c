import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDir } from '../../electron/paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

describe('HTTP host (browser mode)', () => {
  // For the whole describe: the server and its engine worker keep reopening the database there.
  const dir = tempDir('planroom-host-', 'all');
  let served: Served;
  beforeAll(async () => {
    served = await startServe(join(dir, 'p.db'));
  });
  afterAll(() => served?.stop());

  const post = (name: string, body: unknown, headers: Record<string, string> = {}) => served.post(name, body, headers);

  it('serves the renderer and the same API as IPC', async () => {
    const html = await (await fetch(served.url)).text();
    expect(html).toContain('<div id="root">');
    const r = (await (await post('cycle.overview', {})).json()) as { ok: boolean; data: { sources: unknown[] } };
    expect(r.ok).toBe(true);
    expect(r.data.sources).toHaveLength(4);
  });

  it('returns typed errors for bad input', async () => {
    expect(await (await post('cycle.overview', { cycleId: 'x' })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', where: { field: 'cycleId' } },
    });
    expect(await (await post('cycle.overview', { cycleId: 999 })).json()).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await (await post('no.such.call', {})).json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await fetch(`${served.url}api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await served.cookie() },
      body: '{',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses cross-origin calls and non-JSON posts, so other pages cannot drive it', async () => {
    expect((await post('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const form = await fetch(`${served.url}api/app.info`, {
      method: 'POST',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: await served.cookie() },
    });
    expect(form.status).toBe(405);
  });

  it('does not serve files outside the renderer', async () => {
    const r = await fetch(`${served.url}..%2F..%2Fpackage.json`);
    expect(await r.text()).not.toContain('"name": "planroom"');
    expect((await fetch(`${served.url}%E0%A4%A`)).status).toBe(400);
  });

  it("reports an import's progress to polling callers while it runs, then its end", async () => {
    const erp = join(dir, 'erp');
    cpSync(join(demoDir(), 'erp'), erp, { recursive: true });
    writeFileSync(join(erp, 'manifest.json'), JSON.stringify({ extracted_at: '2026-12-01T06:00:00Z' }));
    const id = 'progress-test-0001';
    const seen: { rows: number; fraction: number | null }[] = [];
    let running = true;
    const importing = post('snapshot.import', { source: 'ERP', dir: erp, progressId: id }).then(async (r) => {
      running = false;
      return (await r.json()) as { ok: boolean; data: { rowCount: number } };
    });
    while (running) {
      const p = (await (await post('progress.get', { id })).json()) as {
        data: { rows: number; fraction: number } | null;
      };
      if (p.data) seen.push(p.data);
    }
    const result = await importing;
    expect(result.ok).toBe(true);
    const last = (await (await post('progress.get', { id })).json()) as { data: unknown };
    expect(last.data).toMatchObject({ rows: result.data.rowCount, fraction: 1 });
    // Whatever the polls caught on the way only ever grows.
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.rows).toBeGreaterThanOrEqual(seen[k - 1]!.rows);
  });
});
