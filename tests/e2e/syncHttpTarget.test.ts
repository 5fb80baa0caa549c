// An HTTP write-back target from the Sync page, in Chromium against the HTTP host and a local
// receiver started here: a bad body template is refused under its field; the target is saved,
// "Sync now" delivers the decision log (the delivered count), a 400 is shown as the receiver's
// answer in plain text (never as markup), "Retry failed" sends it again, and the target is
// removed after a confirmation, by keyboard. Screenshots at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { goToSyncPage, openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startHttpTargetServer, type HttpTargetServer } from '../helpers/httpTargetServer';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

describe.skipIf(!findChromium())('an HTTP target on the Sync page (browser)', () => {
  const dir = tempDir('planroom-sync-http-e2e-', 'all');
  let receiver: HttpTargetServer;
  let served: Served;
  let browser: Browser;
  let page: Page;

  const decide = async (title: string) => {
    const res = await served.post('decision.add', { title, owner: 'COO', by: 'Facilitator' });
    expect(res.ok).toBe(true);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    receiver = await startHttpTargetServer();
    served = await startServe(join(dir, 'sync.db'), [], { PLANROOM_TARGET_ERP_SECRET: 'erp-token' });
    ({ browser, page } = await openSignedInPage(served));
    await decide('Second shift at P1');
    await decide('Expedite lane D2-EAST');
    await goToSyncPage(served, page, WAIT);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await receiver?.close();
  });

  it('refuses a bad template under its field, saves the target and delivers with Sync now', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('Sync');
    const form = page.getByRole('form', { name: 'HTTP target' });
    await form.getByLabel('Name', { exact: true }).fill('erp');
    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel('Timeout (seconds)').fill('2');
    const template = form.getByLabel(/^Body template for Decision events/);
    const good = await template.inputValue();
    await template.fill('{\n  "title": {{decision.title}}\n  "x": 1\n}');
    await form.getByRole('button', { name: 'Save HTTP target' }).click();
    const under = form.locator('#http-tpl-decision_event-err');
    await expect.poll(() => under.textContent(), WAIT).toMatch(/not valid JSON .*at line 3, column 3/);
    expect(await template.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'sync-http-template-refused.png'), fullPage: true });

    await template.fill(good);
    await form.getByRole('button', { name: 'Save HTTP target' }).click();
    const card = page.locator('.sync-target');
    await expect.poll(() => card.count(), WAIT).toBe(1);
    await expect.poll(() => card.getByRole('heading').textContent(), WAIT).toMatch(/^HTTP target erp POST http/);
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toMatch(/^[1-9]\d* delivered, 0 refused\.$/);
    const delivered = Number(await card.locator('dd').nth(1).textContent());
    expect(delivered).toBe(receiver.kept.size);
    expect(receiver.requests.every((r) => r.headers.authorization === 'Bearer erp-token')).toBe(true);
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toMatchObject({ title: 'Expedite lane D2-EAST' });
    await expect.poll(() => card.locator('.badge').textContent(), WAIT).toBe('in sync');
  });

  it('shows a refusal as the receiver answered it, in plain text, and retries it', async () => {
    await decide('Hold price on Outdoor');
    receiver.answer({ status: 400, body: '<b>unknown plant</b> P9\n{"field": "plant"}' });
    const card = page.locator('.sync-target');
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toBe('0 delivered, 1 refused.');
    await expect.poll(() => card.locator('.badge').textContent(), WAIT).toBe('1 refused');
    const refusal = card.getByLabel('Last refusal');
    await expect
      .poll(() => refusal.locator('pre').textContent(), WAIT)
      .toBe('<b>unknown plant</b> P9\n{"field": "plant"}');
    expect(await refusal.locator('b').count()).toBe(0);
    expect(await refusal.textContent()).toMatch(/Last refusal: HTTP 400 for decision_event:/);
    expect(await card.locator('dd').nth(2).textContent()).toBe('1');
    await page.screenshot({ path: join(SHOTS, 'sync-http-refused.png'), fullPage: true });

    await card.getByRole('button', { name: 'Retry failed' }).click();
    await expect.poll(() => refusal.count(), WAIT).toBe(0);
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toBe('1 delivered, 0 refused.');
    expect(await card.getByRole('button', { name: 'Retry failed' }).isDisabled()).toBe(true);
  });

  it('changes a target from its card, and says where a missing token goes', async () => {
    const erp = page.locator('.sync-target', { hasText: 'HTTP target erp' });
    await erp.getByRole('button', { name: 'Change settings' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Change the HTTP target erp' }).count(), WAIT).toBe(1);
    const form = page.getByRole('form', { name: 'HTTP target' });
    await expect.poll(() => form.getByLabel('Endpoint URL').evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('erp');
    expect(await form.getByLabel('Timeout (seconds)').inputValue()).toBe('2');
    await form.getByLabel(/^Extra headers/).fill('X-Api-Version: 2');
    await form.getByRole('button', { name: 'Save HTTP target' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), WAIT).toMatch(/^Target erp saved\./);
    await decide('Close DC West on Sundays');
    await erp.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => erp.getByRole('status').textContent(), WAIT).toBe('1 delivered, 0 refused.');
    expect(receiver.requests.at(-1)!.headers['x-api-version']).toBe('2');

    await page.getByRole('button', { name: 'Add another target instead' }).click();
    await form.getByLabel('Name', { exact: true }).fill('tms');
    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByRole('button', { name: 'Save HTTP target' }).click();
    const tms = page.locator('.sync-target', { hasText: 'HTTP target tms' });
    await expect
      .poll(() => tms.getByRole('note').textContent(), WAIT)
      .toMatch(/^No token of tms is set for this Planroom\. Type it below, or set PLANROOM_TARGET_TMS_SECRET/);
    await tms.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => tms.getByRole('alert').textContent(), WAIT)
      .toMatch(/No token is set for the tms target.*What to do: Type the token on the tms target's card/);
    await page.screenshot({ path: join(SHOTS, 'sync-http-no-token.png'), fullPage: true });
  });

  it('removes the target after a confirmation, by keyboard', async () => {
    const card = page.locator('.sync-target', { hasText: 'HTTP target erp' });
    await card.getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    // Evaluated in the page as text: the tests compile without the DOM's types.
    const focusedText = () => page.evaluate<string>("document.activeElement?.textContent ?? ''");
    await expect.poll(focusedText, WAIT).toBe('Yes, remove');
    await page.screenshot({ path: join(SHOTS, 'sync-http-remove-confirm.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count(), WAIT).toBe(0);
  });
});
