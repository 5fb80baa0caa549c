// The hub password typed on the Sync page, in Chromium against `planroom serve` and a real
// PostgreSQL started here, with no password in the environment: the card offers the field and
// names the environment variable as the alternative; after Save the field is empty and the card
// says where the password is kept; "Sync now" logs in with it; "Forget" removes it and leaves
// the focus on the field. The password is never on the page, in the log or in SQLite.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe.skipIf(!findChromium() || !postgresBin())('the hub password on the Sync page (browser)', () => {
  const dir = tempDir('planroom-secret-e2e-', 'all');
  const dbPath = join(dir, 'sync.db');
  let pgServer: TestPostgres;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let password: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    delete process.env.PLANROOM_HUB_PASSWORD;
    delete process.env.PLANROOM_HUB_PASSWORD_FILE;
    pgServer = await startPostgres();
    const u = new URL(pgServer.createDatabase('hub'));
    u.username = pgServer.passwordUser.name;
    password = pgServer.passwordUser.password;
    served = await startServe(dbPath, [], { PLANROOM_LOG: join(dir, 'planroom.log') });
    ({ browser, page } = await openSignedInPage(served));
    expect((await served.post('sync.setHub', { url: u.toString(), tls: 'disable' })).ok).toBe(true);
    const res = await served.post('decision.add', { title: 'Second shift at P1', owner: 'COO', by: 'Facilitator' });
    expect(res.ok).toBe(true);
    await goToSyncPage(served, page, WAIT);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    pgServer?.stop();
  });

  it('takes the password, says where it is kept, syncs with it, and forgets it', async () => {
    const card = page.locator('.sync-target');
    const form = card.getByRole('form', { name: 'Password of the hub' });
    await expect
      .poll(() => form.getByRole('note').textContent(), WAIT)
      .toMatch(
        /^No hub password is set for this Planroom\. Type it below, or set PLANROOM_HUB_PASSWORD \(or PLANROOM_HUB_PASSWORD_FILE naming a file with mode 0600\)/,
      );
    const field = form.getByLabel('Hub password');
    expect(await field.getAttribute('type')).toBe('password');
    expect(await field.getAttribute('autocomplete')).toBe('off');
    await page.screenshot({ path: join(SHOTS, 'sync-secret-unset.png') });

    await field.fill(password);
    await field.press('Enter');
    const kept = `Password set (kept in ${dbPath}.secrets/hub, a file only you can read)`;
    await expect.poll(() => form.getByRole('note').textContent(), WAIT).toBe(kept);
    expect(await field.inputValue()).toBe('');
    expect(await form.locator('.ok-line').textContent()).toBe('Password saved.');
    expect(await page.content()).not.toContain(password);
    await page.screenshot({ path: join(SHOTS, 'sync-secret-set.png') });

    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toMatch(/^[1-9]\d* pushed, 0 pulled\.$/);
    await expect.poll(() => card.locator('.badge').textContent(), WAIT).toBe('in sync');
    await page.screenshot({ path: join(SHOTS, 'sync-secret-in-sync.png') });

    await form.getByRole('button', { name: 'Forget' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('.ok-line').textContent(), WAIT).toBe('Password forgotten.');
    await expect.poll(() => form.getByRole('note').textContent(), WAIT).toMatch(/^No hub password is set/);
    await expect.poll(() => field.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    expect(existsSync(`${dbPath}.secrets/hub`)).toBe(false);
  });

  it('offers a token field on an HTTP target with bearer auth, and none on one without auth', async () => {
    const add = (id: string, auth: string) =>
      served.post('sync.setTarget', {
        kind: 'http',
        id,
        url: 'http://127.0.0.1:9/decisions',
        auth,
        templates: { decision_event: '{}' },
      });
    for (const [id, auth] of [
      ['erp', 'bearer'],
      ['wms', 'none'],
    ]) {
      expect(((await (await add(id!, auth!)).json()) as { error?: unknown }).error).toBeUndefined();
    }
    await page.reload();
    await page.locator('.sync-target').nth(2).waitFor(WAIT);
    expect(await page.getByRole('form', { name: 'Token of wms' }).count()).toBe(0);
    const form = page.getByRole('form', { name: 'Token of erp' });
    await expect
      .poll(() => form.getByRole('note').textContent(), WAIT)
      .toMatch(/^No token of erp is set for this Planroom\. Type it below, or set PLANROOM_TARGET_ERP_SECRET/);
    const token = 'erp-token-5d1e';
    await form.getByLabel('Token').fill(token);
    await form.getByLabel('Token').press('Enter');
    await expect
      .poll(() => form.getByRole('note').textContent(), WAIT)
      .toBe(`Token set (kept in ${dbPath}.secrets/target-erp, a file only you can read)`);
    expect(await page.content()).not.toContain(token);
    await form.screenshot({ path: join(SHOTS, 'sync-secret-token.png') });
    // Removing the target forgets its token.
    expect((await served.post('sync.removeTarget', { target: 'erp' })).ok).toBe(true);
    expect(existsSync(`${dbPath}.secrets/target-erp`)).toBe(false);
  });

  it('leaves the secrets in no log and no SQLite file', () => {
    const logFile = join(dir, 'planroom.log');
    for (const secret of [password, 'erp-token-5d1e']) {
      if (existsSync(logFile)) expect(readFileSync(logFile, 'utf8')).not.toContain(secret);
      for (const f of [dbPath, `${dbPath}-wal`]) {
        if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(secret))).toBe(false);
      }
    }
  });
});
