// The cycle page warns on a source whose extraction time cannot be right (after the meeting, or
// over a year before it), in the real renderer against the HTTP host.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { planroom, ROOT } from '../helpers/cli';
import { startServe } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');

describe('the cycle page', () => {
  it('flags a source extracted after the meeting, and one over a year before it', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    for (const [source, at] of [
      ['wms', '2026-12-02T06:00:00.000Z'],
      ['tms', '2025-10-01T00:00:00.000Z'],
      ['erp', null],
    ] as const) {
      cpSync(join(ROOT, 'assets', 'demo', source), join(dir, source), { recursive: true });
      const manifest = join(dir, source, 'manifest.json');
      if (at)
        writeFileSync(
          manifest,
          readFileSync(manifest, 'utf8').replace(/"extracted_at": "[^"]+"/, `"extracted_at": "${at}"`),
        );
      expect(planroom(['import', '--source', source.toUpperCase(), join(dir, source), '--db', db]).code).toBe(0);
    }
    const created = planroom([
      'cycle',
      'create',
      '--name',
      '2026-12 S&OP',
      '--meeting',
      '2026-12-01T09:00:00Z',
      '--db',
      db,
    ]);
    expect(created.code, created.stderr).toBe(0);

    const served = await startServe(db, ['--no-demo']);
    const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(served.loginUrl);
      await page.locator('.frame[data-ready="true"]').waitFor();
      const table = page.locator('table[aria-label="Pinned snapshots"]');
      await expect(page.getByRole('note', { name: 'WMS extraction time' }).textContent()).resolves.toMatch(
        /^Extracted 21 hours after the meeting/,
      );
      await expect(page.getByRole('note', { name: 'TMS extraction time' }).textContent()).resolves.toMatch(
        /^Extracted 426 days before the meeting/,
      );
      await expect(page.locator('tr[data-source="ERP"] [role="note"]').count()).resolves.toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      await table.screenshot({ path: join(SHOTS, 'browser-extraction-warning.png') });
    } finally {
      await browser.close();
      await served.stop();
    }
  });
});
