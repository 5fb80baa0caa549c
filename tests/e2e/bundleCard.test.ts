// The Sync page's "Take this cycle on the road" card in Chromium against the HTTP host: reached
// by keyboard, its button downloads the current cycle as a .planroom file that imports as another
// laptop's database, and the card says the command to open it with. Screenshot at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../electron/bundle/importBundle';
import { findChromium } from '../../electron/openBrowser';
import { goToSyncPage, openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 60_000 };

describe.skipIf(!findChromium())('the cycle bundle card (browser)', () => {
  const dir = tempDir('planroom-bundle-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await startServe(join(dir, 'p.db'), []);
    ({ browser, page } = await openSignedInPage(served));
    const res = await served.post('decision.add', { title: 'Second shift at P1', owner: 'COO', by: 'Facilitator' });
    expect(res.ok).toBe(true);
    await goToSyncPage(served, page, WAIT);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('downloads the current cycle as one .planroom file that imports as another laptop', async () => {
    const card = page.getByRole('heading', { name: 'Take this cycle on the road' });
    await card.waitFor(WAIT);
    expect(await page.getByText('planroom bundle import FILE.planroom').count()).toBe(1);
    const button = page.getByRole('button', { name: 'Export a cycle bundle' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.planroom$/);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Saved / })
            .textContent(),
        WAIT,
      )
      .toBe(`Saved ${download.suggestedFilename()}`);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'sync-bundle-card.png') });
    const imported = await importBundle(saved, join(dir, 'traveller.db'));
    expect(imported.decisions).toBe(1);
    expect(imported.snapshots).toBeGreaterThan(0);
  });
});
