// The Scenarios page end to end in Chromium against the HTTP host, on the demo company: two
// scenarios built from levers in the editor (a bad lever refused with its field), compared beside
// the baseline in figures, trade-off charts and a resource's projection, and one chosen as a
// decision, after which it reads only and cannot be deleted.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: a scenario's first outcome loads the snapshot set. */
const WAIT = { timeout: 15_000 };

describe.skipIf(!findChromium())('scenarios page (browser)', () => {
  const dir = tempDir('planroom-scen-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  /** The resource whose overload is worth the most: the demo's tight plant resource. */
  let tight: string;
  /** What the Content-Security-Policy blocked (ECharts and inline styles included): must stay empty. */
  const blocked: string[] = [];

  beforeAll(async () => {
    served = await startServe(join(dir, 'scenarios.db'));
    const res = await served.post('exception.list', { type: 'capacity_shortfall', limit: 1 });
    tight = ((await res.json()) as { data: { rows: { resource: string }[] } }).data.rows[0]!.resource;
    ({ browser, page } = await openSignedInPage(served, { width: 1440, height: 900 }));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    // The one-time code went to served.post's session: the browser gets the same cookie.
    await page.goto(`${served.url}#/scenarios`);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const editor = () => page.getByRole('region', { name: 'Scenario editor' });
  const comparison = () => page.locator('table[aria-label="Scenario comparison"]');
  const item = (name: string) => page.locator(`.scenario-list li[data-scenario="${name}"]`);

  async function createScenario(name: string, owner: string): Promise<void> {
    await page.getByRole('button', { name: 'New scenario' }).click();
    const form = page.getByRole('form', { name: 'New scenario' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Owner').fill(owner);
    await form.getByRole('button', { name: 'Create scenario' }).click();
    await item(name).waitFor(WAIT);
    await page.locator(`section[aria-label="Scenario editor"][data-scenario="${name}"]`).waitFor(WAIT);
  }

  it('opens on the shared horizon with no scenarios yet', async () => {
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    await page.getByRole('heading', { name: 'Scenarios', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole('note').first().textContent(), WAIT)
      .toMatch(/Horizon \d{4}-W\d\d\.\.\d{4}-W\d\d, \d+ periods\. Every scenario of this cycle shares/);
    await expect(page.getByText('No scenarios yet').count()).resolves.toBe(1);
    await page.getByLabel('Your name').fill('Dana');
  });

  it('builds "Overtime P1" from a capacity lever, refusing a bad value next to the lever', async () => {
    await createScenario('Overtime P1', 'COO');
    await editor().getByLabel('Assumptions').fill('Works council agrees to overtime in December');
    await editor().getByLabel('Lever kind').selectOption('capacity');
    await editor().getByRole('button', { name: 'Add lever' }).click();
    const lever = editor().locator('li.lever').first();
    await lever.getByLabel('Resource', { exact: true }).selectOption(tight);
    await lever.getByLabel('How', { exact: true }).selectOption('overtime');
    await lever.getByLabel('Hours per period').fill('-40');
    await editor().getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => lever.getByRole('alert').textContent(), WAIT).toMatch(/levers\.0\.hoursPerPeriod/);
    await expect(lever.getByLabel('Hours per period').getAttribute('aria-invalid')).resolves.toBe('true');

    await lever.getByLabel('Hours per period').fill('40');
    await lever.getByLabel('Cost per hour').fill('45');
    await editor().getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => editor().getByRole('status').textContent(), WAIT).toMatch(/Saved 1 lever/);
    await expect(editor().locator('li.lever').first().textContent()).resolves.toContain(
      `Overtime +40 h/period on ${tight} at 45/h, whole horizon`,
    );
    await expect
      .poll(() => item('Overtime P1').textContent(), WAIT)
      .toMatch(/Owner COO · 1 lever\(s\) · changed by Dana/);
  });

  it('builds a second scenario with a demand lift and compares both beside the baseline', async () => {
    await createScenario('Promo +15%', 'Sales');
    await editor().getByLabel('Lever kind').selectOption('demand_lift');
    await editor().getByRole('button', { name: 'Add lever' }).click();
    const lever = editor().locator('li.lever').first();
    await lever.getByLabel('Change (%)').fill('15');
    await editor().getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => editor().getByRole('status').textContent(), WAIT).toMatch(/Saved 1 lever/);
    await page.screenshot({ path: join(SHOTS, 'browser-scenarios.png'), fullPage: true });

    // New scenarios join the comparison: both are ticked.
    await expect(page.getByLabel('Compare Overtime P1').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Compare Promo +15%').isChecked()).resolves.toBe(true);
    await expect
      .poll(() => comparison().locator('thead th[data-scenario] .col-name').allTextContents(), WAIT)
      .toEqual(['Overtime P1', 'Promo +15%']);
    await page.locator('section[aria-label="Scenarios"][data-loading="false"]').waitFor(WAIT);

    // Overtime costs money and takes overload off; the lift raises revenue. Deltas are coloured.
    const cells = (figure: string) => comparison().locator(`tr[data-figure="${figure}"] td`);
    await expect.poll(() => cells('capacity_cost').nth(2).locator('.delta').textContent(), WAIT).toMatch(/^\+€[\d,]+$/);
    await expect(cells('capacity_cost').nth(2).locator('.delta').getAttribute('class')).resolves.toContain('bad');
    await expect(cells('overload_hours').nth(2).locator('.delta').textContent()).resolves.toMatch(/^−[\d,]+ h$/);
    await expect(cells('overload_hours').nth(2).locator('.delta').getAttribute('class')).resolves.toContain('good');
    await expect(cells('revenue').nth(3).locator('.delta').textContent()).resolves.toMatch(/^\+€[\d,]+$/);
    await expect(cells('projected_otif').nth(1).textContent()).resolves.toMatch(/^\d+\.\d%$/);
    await expect(comparison().locator('tbody .group-row th').allTextContents()).resolves.toEqual([
      'KPIs',
      'Money',
      'Capacity & lead time',
      'Exceptions',
    ]);
    await expect(comparison().locator('tfoot').textContent()).resolves.toMatch(/ms, (incremental|full recompute)/);

    // The overtime resolves the tight resource's capacity shortfall.
    const changes = page.locator('.exception-change[data-scenario="Overtime P1"]');
    await expect(changes.getByRole('table', { name: 'Resolves' }).textContent()).resolves.toContain(tight);

    // The four trade-off views draw on canvases.
    const charts = page.getByTestId('tradeoff-charts');
    await expect.poll(() => charts.locator('.echart canvas').count(), WAIT).toBe(4);
    await expect(
      charts.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    ).resolves.toEqual([
      'Service vs cost chart',
      'Inventory vs cash chart',
      'Capacity vs lead time chart',
      'Speed vs margin chart',
    ]);
    const size = await charts.locator('canvas').first().boundingBox();
    expect(size!.width).toBeGreaterThan(300);
    expect(size!.height).toBeGreaterThan(200);
  });

  it('projects an item-location found by its sku, and the tight resource, under each scenario', async () => {
    const projection = page.getByLabel('Projection under each scenario');
    await projection.getByLabel('Projection of').selectOption('item');
    await projection.getByLabel('Search SKU').fill('SKU-00033');
    const items = projection.getByLabel('Item-location', { exact: true });
    await expect
      .poll(() => items.locator('option').allTextContents(), WAIT)
      .toEqual(['Choose…', 'SKU-00033@D1', 'SKU-00033@D2', 'SKU-00033@P1', 'SKU-00033@P2']);
    await items.selectOption('SKU-00033@D1');
    const chart = projection.getByTestId('projection-chart');
    await expect.poll(() => chart.getAttribute('data-subject'), WAIT).toBe('item:SKU-00033@D1');
    await expect(chart.locator('canvas').count()).resolves.toBe(1);

    await projection.getByLabel('Projection of').selectOption('resource');
    await projection.getByLabel('Resource', { exact: true }).selectOption(tight);
    await expect.poll(() => chart.getAttribute('data-subject'), WAIT).toBe(`resource:${tight}`);
    await expect(chart.locator('canvas').count()).resolves.toBe(1);
    await expect.poll(() => projection.getByRole('status').count(), WAIT).toBe(0);
    await expect(projection.getByRole('alert').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, 'browser-scenarios-compare.png'), fullPage: true });
  });

  it('saves the comparison as a workbook: a sheet per scenario compared beside the side-by-side one', async () => {
    const names = await comparison()
      .locator('thead th[data-scenario]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-scenario')!));
    expect(names.length).toBeGreaterThan(1);
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Comparison workbook (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheets = book.worksheets.map((w) => w.name);
    expect(sheets.length).toBe(names.length + 1);
    for (const n of names) expect(sheets).toContain(n);
  });

  it('chooses "Overtime P1": a decision is recorded and the scenario becomes its read-only record', async () => {
    const header = comparison().locator('thead th[data-scenario="Overtime P1"]');
    await header.getByRole('button', { name: 'Choose this scenario' }).click();
    // The one capture form, prefilled from the scenario, in view and focused on its title.
    const form = page.getByRole('dialog', { name: 'Choose scenario “Overtime P1”' });
    await expect
      .poll(() => form.getByLabel('Decision', { exact: true }).evaluate((el) => el.matches(':focus')))
      .toBe(true);
    const box = (await form.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await expect(form.getByLabel('Decision', { exact: true }).inputValue()).resolves.toBe(
      'Adopt scenario "Overtime P1"',
    );
    await expect(form.getByLabel('Owner', { exact: true }).inputValue()).resolves.toBe('COO');
    await expect(form.getByLabel('KPI it aims at').inputValue()).resolves.toBe('service_level');
    await expect(form.getByLabel('Rationale').inputValue()).resolves.toBe(
      'Works council agrees to overtime in December',
    );
    // The name was typed on the page: the form does not ask again.
    await expect(form.getByLabel('Your name').count()).resolves.toBe(0);
    await form.getByLabel('Rationale').fill('Clears the December overload for 45/h');
    await form.getByLabel('Due').fill('+2w');
    await page.screenshot({ path: join(SHOTS, 'capture-scenario-choose.png') });
    await form.getByRole('button', { name: 'Choose and record' }).click();
    await expect.poll(() => form.count(), WAIT).toBe(0);

    const decision = page.locator('.decision');
    await expect
      .poll(() => decision.locator('h3').textContent(), WAIT)
      .toMatch(/^Decision \S+: Adopt scenario "Overtime P1"$/);
    await expect(decision.textContent()).resolves.toMatch(/answers [1-9]\d* baseline exception\(s\)/);
    await expect
      .poll(() => decision.locator('table[aria-label="Expected values"] tbody tr').first().textContent())
      .toMatch(/^Projected OTIF\d+\.\d%\d+\.\d%$/);
    await expect
      .poll(() => item('Overtime P1').getByTestId('chosen-badge').textContent(), WAIT)
      .toMatch(/^Chosen — decision \S+: Adopt scenario "Overtime P1"$/);
    await expect.poll(() => header.locator('.badge').textContent(), WAIT).toMatch(/^Chosen — /);

    // The chosen scenario reads only, offers a copy, and the server refuses to delete it.
    await item('Overtime P1').getByRole('button', { name: 'Overtime P1' }).click();
    await expect
      .poll(() => editor().getByRole('note').textContent(), WAIT)
      .toMatch(/Chosen by decision .* Duplicate it/);
    await expect(editor().getByRole('button', { name: 'Save scenario' }).count()).resolves.toBe(0);
    await expect(editor().getByRole('button', { name: 'Duplicate' }).count()).resolves.toBe(1);
    await item('Overtime P1').getByRole('button', { name: 'Delete' }).click();
    await item('Overtime P1').getByRole('button', { name: 'Yes, delete' }).click();
    await expect
      .poll(() => item('Overtime P1').getByRole('alert').textContent(), WAIT)
      .toMatch(/was chosen in decision .*cannot be deleted.*Duplicate it/);
    await page.screenshot({ path: join(SHOTS, 'browser-scenarios-choose.png'), fullPage: true });
  });

  it('duplicates the chosen scenario into an editable copy, and deletes a scenario', async () => {
    await editor().getByRole('button', { name: 'Duplicate' }).click();
    await item('Overtime P1 (copy)').waitFor(WAIT);
    await expect.poll(() => editor().getAttribute('data-scenario'), WAIT).toBe('Overtime P1 (copy)');
    await expect(editor().getByRole('button', { name: 'Save scenario' }).count()).resolves.toBe(1);
    await expect(editor().locator('li.lever').textContent()).resolves.toContain(`on ${tight}`);

    await item('Promo +15%').getByRole('button', { name: 'Delete' }).click();
    await item('Promo +15%').getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => item('Promo +15%').count(), WAIT).toBe(0);
    await expect
      .poll(
        () => page.locator('.scenario-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario'))),
        WAIT,
      )
      .toEqual(['Overtime P1', 'Overtime P1 (copy)']);
  });

  it("drew the editor, the comparison and the charts under the host's Content-Security-Policy", () => {
    expect(blocked).toEqual([]);
  });
});
