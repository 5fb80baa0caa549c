// Reviewing exceptions as a facilitator would, keyboard only, in Chromium against the HTTP host
// on the demo company: one tab stop for the list, j/k and the arrows, Enter opens the detail
// (Escape back to the row), r marks reviewed (the name asked in place the first time), p parks
// it as a data issue with an owner and a deadline asked in place, d opens the decision form linked, s the
// scenarios; filters as removable chips named in the count line, an empty result that says why
// and clears; the list virtual (DOM rows well under 500 after scrolling to the end).
// Screenshots at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { TYPE_LABEL } from '../../renderer/exceptionLabels';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first exception list computes the cycle. */
const WAIT = { timeout: 20_000 };

type Row = {
  key: string;
  type: ExceptionType;
  family: string | null;
  reviewStatus: string;
  note: string | null;
  reviewedBy: string | null;
};

describe.skipIf(!findChromium())('exception review from the keyboard (browser)', () => {
  const dir = tempDir('planroom-exc-keys-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  let ranked: { total: number; rows: Row[] };

  async function api<T>(name: string, body: unknown): Promise<T> {
    const res = await served.post(name, body);
    const out = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!out.ok) throw new Error(`${name}: ${JSON.stringify(out.error)}`);
    return out.data;
  }
  const grid = () => page.getByRole('grid', { name: 'Ranked exceptions' });
  const body = () => grid().locator('.exc-body');
  /** The focused element's row rank (aria-rowindex − 2), or -1 when no row has the focus. */
  const focusedRank = () =>
    page.evaluate<number>(`(() => {
      const el = document.activeElement;
      return el && el.getAttribute('role') === 'row' ? Number(el.getAttribute('aria-rowindex')) - 2 : -1;
    })()`);
  const focusedKey = () => page.evaluate<string>("document.activeElement?.getAttribute('data-key') ?? ''");
  const get = (key: string) => api<Row>('exception.get', { key });

  beforeAll(async () => {
    served = await startServe(join(dir, 'keys.db'));
    ({ browser, page } = await openSignedInPage(served));
    mkdirSync(SHOTS, { recursive: true });
    ranked = await api('exception.list', { limit: 1000 });
    await page.goto(`${served.url}#/exceptions`);
    await page.locator('section[aria-label="Exceptions"][data-loading="false"]').waitFor(WAIT);
    await grid().locator('[role="row"][data-key]').first().waitFor(WAIT);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('is one tab stop: Tab reaches the first row, j/k and the arrows move, Home/End jump', async () => {
    expect(ranked.total).toBeGreaterThan(30);
    for (let i = 0; i < 60 && (await focusedRank()) < 0; i++) await page.keyboard.press('Tab');
    expect(await focusedRank()).toBe(0);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    expect(await focusedRank()).toBe(2);
    expect(await focusedKey()).toBe(ranked.rows[2]!.key);
    // Only the focused row is in the tab order.
    await expect(grid().locator('[role="row"][tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('End');
    await expect.poll(focusedRank, WAIT).toBe(ranked.total - 1);
    await page.keyboard.press('Home');
    await expect.poll(focusedRank, WAIT).toBe(0);
    // Shift+Tab leaves the list and Tab comes back to the same row, not the next one.
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(focusedRank).toBe(1);
  });

  it('keeps fewer than 500 rows in the DOM however far it scrolls', async () => {
    const domRows = () => body().locator('[role="row"]').count();
    expect(await domRows()).toBeLessThan(Math.min(500, ranked.total));
    await page.keyboard.press('End');
    await expect.poll(focusedRank, WAIT).toBe(ranked.total - 1);
    await expect.poll(() => focusedKey(), WAIT).not.toBe('');
    expect(await domRows()).toBeLessThan(Math.min(500, ranked.total));
    // Every rank has its place: the sizer is the whole list's height, the rows are fixed-height.
    // Evaluated as text: the tests compile without the DOM's types.
    const h = await page.evaluate<number[]>(`(() => {
      const el = document.querySelector('.exc-body');
      return [el.scrollHeight, el.querySelector('[role="row"]').offsetHeight];
    })()`);
    expect(h[0]).toBe(h[1]! * ranked.total);
    await page.keyboard.press('Home');
    await expect.poll(focusedRank, WAIT).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'exceptions-list.png') });
  });

  it('opens the detail with Enter, and Escape gives the focus back to the row', async () => {
    await page.keyboard.press('Enter');
    const detail = page.getByRole('group', { name: 'Exception detail' });
    await expect.poll(() => detail.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'exceptions-detail.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    await expect.poll(focusedRank).toBe(0);
  });

  it('marks reviewed with r, asking the name in place the first time', async () => {
    const key = ranked.rows[0]!.key;
    await page.keyboard.press('r');
    const ask = page.getByRole('form', { name: /Mark .* reviewed/ });
    await expect.poll(() => ask.getByLabel('Your name').evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    await page.keyboard.type('Dana');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await get(key)).reviewStatus, WAIT).toBe('reviewed');
    expect((await get(key)).reviewedBy).toBe('Dana');
    await expect.poll(focusedRank, WAIT).toBe(0);
    await expect.poll(() => grid().locator(`[data-key="${key}"]`).textContent(), WAIT).toContain('Reviewed');
    // The name is kept: the next r marks at once.
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await expect.poll(async () => (await get(ranked.rows[1]!.key)).reviewStatus, WAIT).toBe('reviewed');
    await expect(ask.count()).resolves.toBe(0);
  });

  it('parks with p as a data issue, owner and deadline asked in place', async () => {
    await page.keyboard.press('j');
    const key = ranked.rows[2]!.key;
    expect(await focusedKey()).toBe(key);
    await page.keyboard.press('p');
    const ask = page.getByRole('form', { name: /Park .* as a data issue, with an owner and a deadline/ });
    await expect.poll(() => ask.getByLabel('Owner role').evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    await page.keyboard.type('Demand planner');
    await page.keyboard.press('Tab');
    // Typed as people type a due date; the form says the day it reads.
    await page.keyboard.type('2099-01-15');
    await expect.poll(() => page.locator('#park-deadline-read').textContent(), WAIT).toBe('by Thu 15 Jan 2099');
    await page.screenshot({ path: join(SHOTS, 'exceptions-park.png') });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await get(key)).reviewStatus, WAIT).toBe('actioned');
    const issues = await api<
      { id: number; kind: string; exceptionKey: string | null; ownerRole: string; deadline: string }[]
    >('dataIssue.list', { status: 'open' });
    const parked = issues.find((i) => i.exceptionKey === key);
    expect(parked).toMatchObject({ kind: 'exception_parked', ownerRole: 'Demand planner', deadline: '2099-01-15' });
    expect((await get(key)).note).toBe(`Parked as data issue #${parked!.id}: Demand planner, deadline 2099-01-15`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'parked as data issue' }).count(), WAIT).toBe(1);
    await expect.poll(focusedKey, WAIT).toBe(key);
    // Escape leaves a park form without a change.
    await page.keyboard.press('j');
    await page.keyboard.press('p');
    await ask.getByLabel('Owner role').waitFor(WAIT);
    await page.keyboard.press('Escape');
    await expect.poll(() => ask.count()).toBe(0);
    await expect.poll(focusedKey).toBe(ranked.rows[3]!.key);
    expect((await get(ranked.rows[3]!.key)).reviewStatus).toBe('new');
  });

  it('opens the decision form linked with d, and the scenarios with s', async () => {
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent(), WAIT).toBe('Decide on an exception');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(focusedKey).toBe(ranked.rows[3]!.key);
    await page.keyboard.press('s');
    await expect.poll(() => page.evaluate<string>('location.hash')).toBe('#/scenarios');
    await page.goBack();
    await grid().locator('[role="row"][data-key]').first().waitFor(WAIT);
  });

  it('filters as removable chips named in the count line; an empty result says why and clears', async () => {
    const withFamily = ranked.rows.find((r) => r.family)!;
    const family = withFamily.family!;
    const type = TYPE_LABEL[withFamily.type];
    const inFamily = await api<{ total: number }>('exception.list', { family, limit: 1 });
    const count = page.locator('.count-line');
    const search = page.getByRole('search', { name: 'Find exceptions' });
    await search.getByLabel('Find by').selectOption('family');
    await search.getByPlaceholder('exact family').fill(family);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => count.textContent(), WAIT)
      .toMatch(new RegExp(`^${inFamily.total.toLocaleString('en')} exceptions? · family ${family} — `));
    await page.getByLabel('Type').selectOption(withFamily.type);
    await expect.poll(() => count.textContent(), WAIT).toContain(`· type ${type} · family ${family} — `);
    await search.getByLabel('Find by').selectOption('sku');
    await search.getByPlaceholder('exact SKU').fill('NO-SUCH-SKU');
    await page.keyboard.press('Enter');
    const empty = page.locator('.exc-empty');
    await expect
      .poll(() => empty.textContent(), WAIT)
      .toContain(`No exception matches type ${type} and SKU NO-SUCH-SKU and family ${family}.`);
    await page.screenshot({ path: join(SHOTS, 'exceptions-empty.png') });
    // A chip goes by keyboard too.
    await page.getByRole('button', { name: 'Remove filter SKU NO-SUCH-SKU' }).focus();
    await page.keyboard.press('Enter');
    await grid().locator('[role="row"][data-key]').first().waitFor(WAIT);
    await page.screenshot({ path: join(SHOTS, 'exceptions-filters.png') });
    // The owner role: the KPI owner answering for the exception, a chip like any other.
    await page.getByRole('button', { name: 'Clear all' }).click();
    const owner = (await api<{ rows: { ownerRole: string }[] }>('exception.list', { limit: 1 })).rows[0]!.ownerRole;
    const owned = await api<{ total: number }>('exception.list', { ownerRole: owner, limit: 1 });
    await page.locator('.exc-filters').getByLabel('Owner').selectOption(owner);
    await expect
      .poll(() => count.textContent(), WAIT)
      .toMatch(new RegExp(`^${owned.total.toLocaleString('en')} exceptions? · owner ${owner} — `));
    await page.getByRole('button', { name: `Remove filter owner ${owner}` }).click();
    await expect
      .poll(() => count.textContent(), WAIT)
      .toMatch(new RegExp(`^${ranked.total.toLocaleString('en')} exceptions — `));
    await expect(page.locator('.chips .chip').count()).resolves.toBe(0);
  });
});
