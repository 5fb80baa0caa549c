// The exception detail's charts in Chromium against the HTTP host on the demo company: for each
// of the four charted types, an exception opened from the list by keyboard (Enter) shows its
// chart on a canvas named by its summary, the summary states the exception's figures, "Show as
// table" toggles the data table, and the chart follows the window's width. ECharts is not loaded
// until a detail opens. Screenshots at 1366x768: test-output/screenshots/detail-chart-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import type { ExceptionInfoT } from '../../shared/api';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { CHART_TITLE } from '../../renderer/components/exceptionCharts/titles';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first exception list computes the cycle. */
const WAIT = { timeout: 20_000 };

describe.skipIf(!findChromium())('exception detail charts (browser)', () => {
  const dir = tempDir('planroom-detail-charts-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  const scripts: string[] = [];

  async function api<T>(name: string, body: unknown): Promise<T> {
    const res = await served.post(name, body);
    const out = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!out.ok) throw new Error(`${name}: ${JSON.stringify(out.error)}`);
    return out.data;
  }
  const grid = () => page.getByRole('grid', { name: 'Ranked exceptions' });
  const detail = () => page.getByRole('group', { name: 'Exception detail' });
  const focusedKey = () => page.evaluate<string>("document.activeElement?.getAttribute('data-key') ?? ''");

  /** The top exception of a type, opened from the list filtered to that type: Tab to its row, Enter. */
  async function open(type: ExceptionType): Promise<ExceptionInfoT> {
    const top = (await api<{ rows: ExceptionInfoT[] }>('exception.list', { type, limit: 1 })).rows[0]!;
    await page.getByRole('combobox', { name: /^Type/ }).selectOption(type);
    await expect
      .poll(() => grid().locator('[role="row"][data-key]').first().getAttribute('data-key'), WAIT)
      .toBe(top.key);
    for (let i = 0; i < 60 && (await focusedKey()) !== top.key; i++) await page.keyboard.press('Tab');
    expect(await focusedKey()).toBe(top.key);
    await page.keyboard.press('Enter');
    await expect.poll(() => detail().locator('section.exc-chart').getAttribute('data-series'), WAIT).toBe(type);
    return top;
  }

  /** Opens the type's top exception and checks its chart, summary and table; returns the summary. */
  async function check(type: ExceptionType, expectTable: (rows: number) => void): Promise<string> {
    const ex = await open(type);
    const chart = detail().getByRole('img', { name: new RegExp(`^${escape(CHART_TITLE[type])}\\. `) });
    await chart.locator('canvas').first().waitFor(WAIT);
    const summary = (await detail().locator('.exc-chart-summary').textContent()) ?? '';
    // The accessible name is the title and the very sentence shown.
    expect(await chart.getAttribute('aria-label')).toBe(`${CHART_TITLE[type]}. ${summary}`);
    const toggle = detail().getByRole('button', { name: 'Show as table' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const table = detail().locator('.series-table table');
    await table.waitFor(WAIT);
    expect(await detail().getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded')).toBe('true');
    expectTable(await table.locator('tbody tr').count());
    if (type === 'below_safety_stock') {
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'detail-chart-table.png') });
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => table.count()).toBe(0);
    await detail().locator('section.exc-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `detail-chart-${type.replace(/_/g, '-')}.png`) });
    expect(ex.key.startsWith(type)).toBe(true);
    return summary;
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  beforeAll(async () => {
    served = await startServe(join(dir, 'charts.db'));
    ({ browser, page } = await openSignedInPage(served));
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${served.url}#/exceptions`);
    await page.locator('section[aria-label="Exceptions"][data-loading="false"]').waitFor(WAIT);
    await grid().locator('[role="row"][data-key]').first().waitFor(WAIT);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('does not load ECharts with the Exceptions page', () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((u) => /EChart|SeriesChart/.test(u))).toEqual([]);
  });

  it('below safety stock: projected inventory against safety stock, the weeks below and the deepest gap stated', async () => {
    const top = (await api<{ rows: ExceptionInfoT[] }>('exception.list', { type: 'below_safety_stock', limit: 1 }))
      .rows[0]!;
    const series = await api<{ weeks: unknown[] }>('exception.series', { key: top.key });
    const summary = await check('below_safety_stock', (n) => expect(n).toBe(series.weeks.length));
    expect(summary).toMatch(/^Projected available stock is below the safety stock of [\d,]+ units in \d+ of \d+ weeks/);
    expect(summary).toContain(
      top.periodFrom === top.periodTo ? `in ${top.periodFrom}` : `${top.periodFrom} to ${top.periodTo}`,
    );
    expect(summary).toContain(`in ${top.peakPeriod}, ${Math.round(top.peakValue!).toLocaleString('en')} units short`);
  });

  it('the chart follows the window: the canvas fills its box at every width, and back', async () => {
    const canvas = detail().locator('.echart canvas').first();
    const width = async () => (await canvas.boundingBox())?.width ?? 0;
    const box = async () => (await detail().locator('.echart').first().boundingBox())?.width ?? 0;
    const wide = await width();
    // Below 1100 px the nav becomes a top bar and the roll-up goes under the list, so the detail
    // (and its chart) gets wider, not narrower: the canvas must fill its box at every size.
    await page.setViewportSize({ width: 1000, height: 768 });
    await expect.poll(width, WAIT).not.toBe(wide);
    await expect.poll(async () => Math.abs((await width()) - (await box())), WAIT).toBeLessThan(2);
    await page.setViewportSize({ width: 700, height: 768 });
    await expect.poll(width, WAIT).toBeLessThan(650);
    await expect.poll(async () => Math.abs((await width()) - (await box())), WAIT).toBeLessThan(2);
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(width, WAIT).toBe(wide);
  });

  it('capacity shortfall: load against capacity, the weeks over and the peak stated in hours', async () => {
    await page.keyboard.press('Escape');
    const top = (await api<{ rows: ExceptionInfoT[] }>('exception.list', { type: 'capacity_shortfall', limit: 1 }))
      .rows[0]!;
    const summary = await check('capacity_shortfall', (n) => expect(n).toBeGreaterThan(0));
    expect(summary).toMatch(/^Load exceeds capacity in \d+ of \d+ weeks/);
    expect(summary).toContain(`in ${top.peakPeriod} (`);
    expect(summary).toContain(`, ${Math.round(top.peakValue!).toLocaleString('en')} h over.`);
    expect(summary).toMatch(/% of capacity\)/);
  });

  it("OTIF risk: the order's lines against their committed dates, how late", async () => {
    await page.keyboard.press('Escape');
    const top = (await api<{ rows: ExceptionInfoT[] }>('exception.list', { type: 'otif_risk', limit: 1 })).rows[0]!;
    const lines = top.detail.lines as { line: number; committed: string }[];
    const summary = await check('otif_risk', (n) => expect(n).toBeGreaterThanOrEqual(lines.length));
    expect(summary).toMatch(
      new RegExp(
        `^${lines.length} of \\d+ open lines? at risk against the committed date \\d{4}-\\d{2}-\\d{2}( \\(the earliest\\))?: `,
      ),
    );
    const earliest = lines.map((l) => l.committed).sort()[0]!;
    expect(summary).toContain(`against the committed date ${earliest}`);
    expect(summary).toContain(`line ${lines[0]!.line} `);
  });

  it('demand shift: demand against forecast over the window the shift was measured on', async () => {
    await page.keyboard.press('Escape');
    const top = (await api<{ rows: ExceptionInfoT[] }>('exception.list', { type: 'demand_shift', limit: 1 })).rows[0]!;
    const d = top.detail as { basis: string; before: number; after: number };
    const summary = await check('demand_shift', (n) => expect(n).toBeGreaterThan(0));
    const range = top.periodFrom === top.periodTo ? top.periodFrom! : `${top.periodFrom} to ${top.periodTo}`;
    const units = (x: number) => `${Math.round(x).toLocaleString('en')} units`;
    expect(summary).toContain(
      d.basis === 'forecast_revision'
        ? `The current forecast is ${units(d.after)} against the prior ${units(d.before)} over ${range}`
        : `Actual sales were ${units(d.after)} against a forecast of ${units(d.before)} over ${range}`,
    );
  });

  it('freight: cost against the guardrail, in money with the currency', async () => {
    await page.keyboard.press('Escape');
    const top = (
      await api<{ rows: ExceptionInfoT[] }>('exception.list', { type: 'logistics_cost_guardrail', limit: 1 })
    ).rows[0]!;
    const d = top.detail as { freight: number; guardrail: number };
    const summary = await check('logistics_cost_guardrail', (n) => expect(n).toBeGreaterThan(0));
    expect(summary).toMatch(
      /^Freight .+ over \d+ shipments? against a guardrail of .+ of the .+ order margin\): .+ over, passed at shipment \S+\.$/,
    );
    // Money with the cycle's currency (the demo is in euros).
    const money = (x: number) =>
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'EUR',
        ...(Math.abs(x) >= 1000 || Number.isInteger(x) ? { maximumFractionDigits: 0 } : {}),
      }).format(x);
    expect(summary).toContain(`Freight ${money(d.freight)} `);
    expect(summary).toContain(`guardrail of ${money(d.guardrail)} `);
  });

  it('a KPI breach has no weekly series: no chart, and a sentence why', async () => {
    await page.keyboard.press('Escape');
    await open('kpi_breach');
    const section = detail().locator('section.exc-chart');
    await expect.poll(() => section.locator('.exc-chart-summary').textContent(), WAIT).toMatch(/not a weekly series/);
    expect(await section.getByRole('heading', { name: 'Why no chart' }).count()).toBe(1);
    expect(await section.locator('canvas').count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Show as table' }).count()).toBe(0);
  });
});
