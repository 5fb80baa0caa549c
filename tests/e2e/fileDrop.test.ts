// The file-drop form on the Sync page in Chromium against the HTTP host: a relative folder is
// refused under the field with what to do; a folder that exists is saved, "Sync now" writes the
// four files there and the target shows nothing pending. Screenshots at 1366x768.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { goToSyncPage, openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

describe.skipIf(!findChromium())('the file-drop form (browser)', () => {
  const dir = tempDir('planroom-drop-e2e-', 'all');
  const drop = join(dir, 'erp inbox');
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(drop);
    served = await startServe(join(dir, 'drop.db'));
    ({ browser, page } = await openSignedInPage(served));
    const res = await served.post('decision.add', { title: '=HYPERLINK("http://x")', owner: 'COO', by: 'Facilitator' });
    expect(res.ok).toBe(true);
    await goToSyncPage(served, page, WAIT);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('refuses a relative folder under the field, then saves one and delivers with Sync now', async () => {
    const form = page.getByRole('form', { name: 'Drop files in a folder' });
    await expect.poll(() => form.count(), WAIT).toBe(1);
    await form.getByLabel('Name').fill('erp-inbox');
    const folder = form.getByLabel('Folder');
    await folder.fill('erp/inbox');
    await folder.press('Enter');
    const note = form.locator('#drop-folder-note');
    await expect.poll(() => note.getAttribute('role'), WAIT).toBe('alert');
    expect(await note.textContent()).toMatch(/is not an absolute path\. Type the folder’s full path/);
    expect(await folder.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'sync-file-drop-refused.png') });

    await folder.fill(drop);
    await form.getByLabel('XLSX workbook').uncheck();
    await form.getByRole('button', { name: 'Save file drop' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), WAIT).toMatch(/File drop "erp-inbox" saved/);
    expect(await folder.getAttribute('aria-invalid')).toBeNull();
    const card = page.locator('.sync-target', { hasText: drop });
    await expect.poll(() => card.count(), WAIT).toBe(1);

    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toMatch(/^\d+ delivered\.$/);
    await expect.poll(() => card.locator('dd').first().textContent(), WAIT).toBe('0');
    expect(readdirSync(drop).sort()).toEqual(['planroom-data-issues.csv', 'planroom-decisions.csv']);
    expect(readFileSync(join(drop, 'planroom-decisions.csv'), 'utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
    // With a folder target and no hub, the hub's copies are mentioned, not raised as a warning.
    await expect
      .poll(() => page.getByText(/No team hub is set: \d+ outbox entr(y is|ies are) kept for one/).count(), WAIT)
      .toBe(1);
    expect(await page.locator('.banner', { hasText: 'for a hub' }).count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'sync-file-drop-delivered.png') });
  });
});
