// The Sync page in Chromium against the HTTP host and a real PostgreSQL hub started here: the
// page says no hub is set; a URL with a password is refused with what to do; the hub is saved,
// "Sync now" delivers the decision log (the pending count goes to 0, the hub holds the events),
// and a hub that cannot be reached shows the error and what to do. Screenshots at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { goToSyncPage, openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

describe.skipIf(!findChromium() || !postgresBin())('the Sync page (browser)', () => {
  const dir = tempDir('planroom-sync-e2e-', 'all');
  let pgServer: TestPostgres;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let hubUrl: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    pgServer = await startPostgres();
    const u = new URL(pgServer.createDatabase('hub'));
    u.username = pgServer.passwordUser.name;
    hubUrl = u.toString();
    served = await startServe(join(dir, 'sync.db'), [], { PLANROOM_HUB_PASSWORD: pgServer.passwordUser.password });
    ({ browser, page } = await openSignedInPage(served));
    const res = await served.post('decision.add', { title: 'Second shift at P1', owner: 'COO', by: 'Facilitator' });
    expect(res.ok).toBe(true);
    await goToSyncPage(served, page, WAIT);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    pgServer?.stop();
  });

  it('sets the hub, refusing a password in the URL, and delivers with Sync now', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('Sync');
    await expect.poll(() => page.getByText(/outbox entr(y waits|ies wait) for a hub/).count(), WAIT).toBe(1);
    const url = page.getByLabel('Hub URL');
    await url.fill(hubUrl.replace('laptop@', 'laptop:hunter2@'));
    await page.getByLabel('TLS').selectOption('disable');
    await url.press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), WAIT).toMatch(/holds a password/);
    expect(await alert.textContent()).not.toContain('hunter2');
    await url.fill(hubUrl);
    await url.press('Enter');
    const card = page.locator('.sync-target');
    await expect.poll(() => card.count(), WAIT).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'sync-hub-set.png') });

    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toMatch(/^\d+ pushed, 0 pulled\.$/);
    await expect.poll(() => card.locator('dd').first().textContent(), WAIT).toBe('0');
    await expect.poll(() => card.locator('.badge').textContent(), WAIT).toBe('in sync');
    const hub = new pg.Client({ host: '127.0.0.1', port: pgServer.port, user: 'planroom', database: 'hub' });
    await hub.connect();
    try {
      const n = Number((await hub.query('SELECT count(*) n FROM planroom.events')).rows[0].n);
      expect(n).toBeGreaterThanOrEqual(1);
    } finally {
      await hub.end();
    }
    await page.screenshot({ path: join(SHOTS, 'sync-in-sync.png') });
  });

  it('shows an unreachable hub with the error and what to do, and pauses by keyboard', async () => {
    await page.getByLabel('Hub URL').fill('postgres://laptop@127.0.0.1:1/hub');
    await page.getByLabel('Hub URL').press('Enter');
    await page.getByRole('button', { name: 'Sync now' }).click();
    const alert = page.locator('.sync-target [role="alert"]');
    await expect.poll(() => alert.textContent(), WAIT).toMatch(/What to do: The hub cannot be reached/);
    await expect.poll(() => page.locator('.sync-target .badge').textContent(), WAIT).toBe('failing');
    await page.screenshot({ path: join(SHOTS, 'sync-failing.png') });
    await page.getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sync-target .badge').textContent(), WAIT).toBe('paused');
    expect(await page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
  });
});
