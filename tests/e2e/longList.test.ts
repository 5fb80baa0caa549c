// The exception list with 10k exceptions (the bench's fixture: the demo's exceptions copied into
// a scratch database) in Chromium: scrolled from top to bottom, it never holds 500 rows in the
// DOM, and every rank has its place. Counts only: the frame times are the bench's (npm run bench).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { longListDatabase } from '../bench/longListFixture';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const WAIT = { timeout: 30_000 };

describe.skipIf(!findChromium())('the exception list with 10k exceptions (browser)', () => {
  const dir = tempDir('planroom-longlist-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  let total: number;

  beforeAll(async () => {
    const db = join(dir, 'long.db');
    total = await longListDatabase(db, 10_000);
    served = await startServe(db);
    ({ browser, page } = await openSignedInPage(served));
    await page.goto(`${served.url}#/exceptions`);
    await page
      .locator('section[aria-label="Exceptions"][data-loading="false"] [role="row"][data-key]')
      .first()
      .waitFor(WAIT);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('keeps fewer than 500 rows in the DOM from the top to the bottom', async () => {
    expect(total).toBeGreaterThanOrEqual(10_000);
    await expect
      .poll(() => page.getByRole('grid', { name: 'Ranked exceptions' }).getAttribute('aria-rowcount'))
      .toBe(String(total + 1));
    // Sixty stops from the top to the bottom, each rendered (two frames) before its rows are counted.
    const seen = await page.evaluate<{ max: number; steps: number; sizer: number; row: number }>(`(async () => {
      const body = document.querySelector('.exc-body');
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      let max = 0, steps = 0;
      for (let stop = 0; stop <= 60; stop++) {
        body.scrollTop = (body.scrollHeight * stop) / 60;
        await frame();
        max = Math.max(max, body.querySelectorAll('[role="row"]').length);
        steps++;
      }
      return { max, steps, sizer: body.scrollHeight, row: body.querySelector('[role="row"]').offsetHeight };
    })()`);
    expect(seen.steps).toBeGreaterThanOrEqual(60);
    expect(seen.max).toBeGreaterThan(0);
    expect(seen.max).toBeLessThan(500);
    expect(seen.sizer).toBe(seen.row * total);
    // The last rank is reachable and shown at the bottom.
    await expect.poll(() => page.locator(`.exc-body [role="row"][aria-rowindex="${total + 1}"]`).count(), WAIT).toBe(1);
  });
});
