// Each agenda item opens its focused view, in Chromium, by keyboard only: from the agenda list
// (Enter on an item's Open link) and from the live run (`o`, then PageDown moves the run on and
// the view follows). Each view has its KPI strip, the by-group table with figures in the one
// number format, and the exception list filtered to the view's type (its chip shows it);
// Escape goes back with the focus on the item. Screenshots of three views at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import type { ApiOutput, MeetingStateT } from '../../shared/api';
import { AGENDA_VIEWS, type AgendaViewId } from '../../shared/planning/agendaViews';
import { TYPE_LABEL } from '../../renderer/exceptionLabels';
import { openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
type Agenda = NonNullable<ApiOutput<'cycle.overview'>>['agenda'];

describe.skipIf(!findChromium())('agenda item views (browser)', () => {
  const dir = tempDir('planroom-views-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  let agenda: Agenda;
  const api = async <T>(name: string, body: unknown): Promise<T> =>
    ((await (await served.post(name, body)).json()) as { data: T }).data;
  const itemOf = (title: RegExp) => agenda.find((a) => title.test(a.title))!;
  // Evaluated in the page (a string: the tests' TypeScript has no DOM types).
  const focusedText = () => page.evaluate<string>("document.activeElement?.textContent ?? ''");
  const focusedOpen = () =>
    page.evaluate<string | null>("document.activeElement?.getAttribute('data-agenda-open') ?? null");

  beforeAll(async () => {
    served = await startServe(join(dir, 'views.db'));
    agenda = (await api<ApiOutput<'cycle.overview'>>('cycle.overview', {}))!.agenda;
    ({ browser, page } = await openSignedInPage(served));
    await page.goto(`${served.url}#/agenda`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  /** Opens an item's view from the agenda list by keyboard and checks what the view holds. */
  async function openFromList(title: RegExp, view: AgendaViewId): Promise<void> {
    const item = itemOf(title);
    await page.locator(`.agenda-list [data-agenda-open="${item.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**#/agenda/item/${item.id}`, WAIT);
    const heading = page.getByRole('heading', { level: 1, name: item.title });
    await heading.waitFor(WAIT);
    await expect.poll(focusedText, WAIT).toBe(item.title);
    await page.locator(`.agenda-view[data-view="${view}"]`).waitFor(WAIT);
  }

  async function checkKpisAndTable(view: AgendaViewId, unit: RegExp): Promise<void> {
    const v = AGENDA_VIEWS[view];
    const strip = page.getByLabel('KPIs');
    await expect.poll(() => strip.locator('.kpi').count(), WAIT).toBe(v.kpis.length);
    for (const k of v.kpis) await strip.locator(`[data-kpi="${k}"]`).waitFor(WAIT);
    const table = page.locator(`table.view-breakdown[data-dimension="${v.dimension}"]`);
    await table.waitFor(WAIT);
    // The caption says the window and as of which source; every cell a formatted figure or "no data".
    expect(await table.locator('caption').textContent()).toMatch(
      new RegExp(`^By ${v.dimension} · .*as of \\d{4}-\\d\\d-\\d\\d`),
    );
    const cells = await table.locator('tbody td.num').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/^no data$|^[−-]?[€$£]?[\d,.]+%?$/);
    expect(cells.some((c) => unit.test(c))).toBe(true);
    expect(cells.join(' ')).not.toMatch(/NaN|undefined|\d\.\d{3,}/);
  }

  async function checkExceptions(view: AgendaViewId): Promise<void> {
    const type = AGENDA_VIEWS[view].exceptionTypes[0]!;
    const list = page.locator('.view-exceptions');
    await list.getByRole('button', { name: `Remove filter type ${TYPE_LABEL[type]}` }).waitFor(WAIT);
    await expect.poll(() => list.locator('.count-line').textContent(), WAIT).toContain(`type ${TYPE_LABEL[type]}`);
    const rows = list.locator('.exc-row[data-key]');
    const tags = list.locator('.exc-row[data-key] .type-tag');
    if ((await rows.count()) > 0) {
      const classes = await tags.evaluateAll((els) => els.map((e) => e.className));
      for (const c of classes) expect(c).toContain(type);
    }
  }

  async function escapeBack(itemId: number, where: 'list' | 'run'): Promise<void> {
    await page.keyboard.press('Escape');
    await page.waitForURL('**#/agenda', WAIT);
    await expect.poll(focusedOpen, WAIT).toBe(String(itemId));
    const inRun = await page.evaluate<boolean>("document.activeElement?.closest('.meeting-run') !== null");
    expect(inRun).toBe(where === 'run');
  }

  it('opens the demand, supply and logistics views from the agenda by keyboard, with their KPIs and exceptions', async () => {
    const cases: [RegExp, AgendaViewId, RegExp][] = [
      [/^Demand/, 'demand', /%$/],
      [/^Supply/, 'supply', /%$/],
      [/^Logistics/, 'logistics', /%$/],
    ];
    await page.locator('.agenda-list').screenshot({ path: join(SHOTS, 'agenda-view-list.png') });
    for (const [title, view, unit] of cases) {
      await openFromList(title, view);
      await checkKpisAndTable(view, unit);
      await checkExceptions(view);
      await page.screenshot({ path: join(SHOTS, `agenda-view-${view}.png`) });
      await escapeBack(itemOf(title).id, 'list');
    }
  });

  it('opens the warehouse view (turns by family, below safety stock)', async () => {
    await openFromList(/^Warehouse/, 'warehouse');
    await checkKpisAndTable('warehouse', /^\d+\.\d$/);
    await checkExceptions('warehouse');
    await page.screenshot({ path: join(SHOTS, 'agenda-view-warehouse.png') });
    await escapeBack(itemOf(/^Warehouse/).id, 'list');
  });

  it('opens the finance view (the scenarios in money) and the decision log', async () => {
    await openFromList(/^Finance/, 'finance');
    // The demo company has no scenario until one is made: the view says so and where to make one.
    await expect
      .poll(() => page.locator('.agenda-view').textContent(), WAIT)
      .toMatch(/No scenario on this cycle yet|In money/);
    await escapeBack(itemOf(/^Finance/).id, 'list');

    // With a scenario, the view compares it with the baseline in the cycle's currency.
    const made = await served.post('scenario.create', { name: 'Hold the plan', owner: 'Dana', by: 'Dana' });
    expect(made.status).toBe(200);
    await openFromList(/^Finance/, 'finance');
    const money = page.locator('table.view-money');
    await money.locator('th[data-scenario="Hold the plan"]').waitFor(WAIT);
    const revenue = await money.locator('tr[data-figure="revenue"] td').allTextContents();
    expect(revenue[0]).toMatch(/^€[\d,]+$/);
    await page.screenshot({ path: join(SHOTS, 'agenda-view-finance.png') });
    await escapeBack(itemOf(/^Finance/).id, 'list');

    await openFromList(/^Executive/, 'decisions');
    await page.getByRole('region', { name: 'Decisions', exact: true }).waitFor(WAIT);
    await page.screenshot({ path: join(SHOTS, 'agenda-view-decisions.png') });
    await escapeBack(itemOf(/^Executive/).id, 'list');
    // Item 1 keeps its follow-up on the agenda and has no Open link.
    expect(await page.locator(`.agenda-list [data-agenda-open="${agenda[0]!.id}"]`).count()).toBe(0);
  });

  it('in the live run, o opens the current item and PageDown moves the run on from its view', async () => {
    const state = () => api<MeetingStateT>('meeting.state', {});
    const run = page.getByRole('region', { name: 'Meeting run' });
    await run.getByRole('button', { name: 'Start meeting' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state()).status, WAIT).toBe('running');
    // The page takes the run's keys once it shows the run (its Next button), as a person sees.
    await run.getByRole('button', { name: /^Next/ }).waitFor(WAIT);
    await page.keyboard.press('PageDown');
    const demand = itemOf(/^Demand/);
    await expect.poll(async () => (await state()).currentItemId, WAIT).toBe(demand.id);
    await run.locator(`[data-agenda-open="${demand.id}"]`).waitFor(WAIT);
    await page.screenshot({ path: join(SHOTS, 'agenda-view-run-open.png') });
    // `o` with the focus on the page (not on a control) opens the item on now.
    await page.locator('main').focus();
    await page.keyboard.press('o');
    await page.waitForURL(`**#/agenda/item/${demand.id}`, WAIT);
    await expect.poll(focusedText, WAIT).toBe(demand.title);
    // The view shows the run (item 2 of 7, Previous, Next) once it knows it, as a person sees.
    await page.getByRole('group', { name: 'Meeting run' }).getByText('item 2 of 7').waitFor(WAIT);

    const supply = itemOf(/^Supply/);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state()).currentItemId, WAIT).toBe(supply.id);
    await page.waitForURL(`**#/agenda/item/${supply.id}`, WAIT);
    await expect.poll(focusedText, WAIT).toBe(supply.title);
    await page.locator('.agenda-view[data-view="supply"]').waitFor(WAIT);
    await checkExceptions('supply');
    await escapeBack(supply.id, 'run');
  });
});
