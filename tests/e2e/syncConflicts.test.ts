// Conflicts in Chromium against the HTTP host: a decision whose owner two laptops changed at
// once (the other laptop's write stored as a pull would store it) shows a "conflict" badge on the
// Decisions page with a link to the Sync page; there, "Conflicts to resolve" lists both values
// with who, when and which laptop; "Keep this" by keyboard resolves it, says so, and the list
// empties; the decision shows the kept value and no badge. Screenshots at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

describe.skipIf(!findChromium())('conflicts between laptops (browser)', () => {
  const dir = tempDir('planroom-conflicts-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const path = join(dir, 'c.db');
    served = await startServe(path);
    ({ browser, page } = await openSignedInPage(served));
    const res = await served.post('decision.add', { title: 'Second shift at P1', owner: 'COO', by: 'Facilitator' });
    expect(res.ok).toBe(true);
    // Another laptop changed the owner without seeing this laptop's value: its write, as pulled.
    const db = new Database(path);
    db.pragma('busy_timeout = 5000');
    const mine = db
      .prepare("SELECT entity_uid, hlc FROM field_writes WHERE field = 'owner' ORDER BY hlc DESC LIMIT 1")
      .get() as { entity_uid: string; hlc: string };
    const wall = Number(mine.hlc.slice(0, 13)) - 60_000;
    db.prepare(
      `INSERT INTO field_writes (entity, entity_uid, field, hlc, laptop_id, value, bases, actor, at)
       VALUES ('decision', ?, 'owner', ?, 'b0b0b0b0', '"Plant manager"', '[]', 'Ben', ?)`,
    ).run(mine.entity_uid, `${wall}-0000-b0b0b0b0`, new Date(wall).toISOString());
    db.close();
    await page.goto(`${served.url}#/decisions`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('marks the decision on the Decisions page and resolves it on the Sync page by keyboard', async () => {
    const row = page.locator('.dec-row', { hasText: 'Second shift at P1' });
    await expect.poll(() => row.locator('.badge.warn').textContent(), WAIT).toBe('conflict');
    const link = page.getByRole('link', { name: 'resolve it on the Sync page' });
    await expect.poll(() => link.count(), WAIT).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'decisions-conflict.png') });
    await link.click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('Sync');
    const section = page.locator('.sync-conflicts');
    await expect.poll(() => section.locator('.conflict').count(), WAIT).toBe(1);
    expect(await section.locator('.conflict-what').textContent()).toBe('Decision “Second shift at P1”: owner');
    const text = await section.textContent();
    expect(text).toMatch(/COOset by Facilitator/);
    expect(text).toMatch(/Plant managerset by Ben, .* on laptop b0b0b0b0/);
    await page.getByLabel('Your name (recorded with the value you keep)').fill('Dana');
    await page.screenshot({ path: join(SHOTS, 'sync-conflicts.png') });

    const keep = page.getByRole('button', { name: 'Keep Plant manager as the owner of Second shift at P1' });
    await keep.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => section.getByRole('status').textContent(), WAIT)
      .toBe('Kept Plant manager as the owner of Second shift at P1. No conflicts left.');
    await expect.poll(() => section.locator('.conflict').count(), WAIT).toBe(0);
    expect(await section.textContent()).toMatch(/None: every field edited on two laptops/);
    await page.screenshot({ path: join(SHOTS, 'sync-conflicts-resolved.png') });

    await page.goto(`${served.url}#/decisions`);
    await expect.poll(() => row.locator('.dec-owner').textContent(), WAIT).toBe('Plant manager');
    expect(await row.locator('.badge.warn').count()).toBe(0);
  });
});
