import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');

describe('first run in the browser', () => {
  const dir = tempDir();
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('No Chromium found: install it (apt-get install chromium) or set PLANROOM_BROWSER.');
    served = await startServe(join(dir, 'first-run.db'));
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('opens on the demo cycle: sources with age and row counts, and the agenda', async () => {
    await page.goto(served.url);
    await page.locator('.frame[data-ready="true"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('2026-12 S&OP (demo company)');
    const rows = page.locator('table[aria-label="Pinned snapshots"] tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    await expect(rows.locator('td.strong').allTextContents()).resolves.toEqual(['ERP', 'TMS', 'WMS', 'CRM']);
    await expect(page.locator('tr[data-source="CRM"] .badge').textContent()).resolves.toMatch(/3\.6 days stale/);
    await expect(page.locator('tr[data-source="ERP"] .badge').textContent()).resolves.toMatch(/11 h fresh/);
    await expect(page.locator('tr[data-source="ERP"]').textContent()).resolves.toContain('28,574');
    await expect(page.locator('.agenda li').count()).resolves.toBe(7);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/CRM is older than the freshness limit/);
    await page.screenshot({ path: join(SHOTS, 'agenda.png'), fullPage: true });
  });

  it('navigates by keyboard to the Data page, which lists the imported snapshots', async () => {
    await page.keyboard.press('5');
    await page.getByRole('heading', { name: 'Snapshots' }).waitFor();
    await expect(page.locator('a[aria-current="page"]').textContent()).resolves.toContain('Data');
    await expect(page.locator('.grid tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('.badge.ok', { hasText: 'pinned' }).count()).resolves.toBe(4);
    await page.screenshot({ path: join(SHOTS, 'data.png'), fullPage: true });
  });
});
