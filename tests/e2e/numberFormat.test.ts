// One number format across the pages, in Chromium against the HTTP host on the demo company (EUR):
// the KPI strip's shares as percentages and breaches in words, an exception's facts by label and
// unit, the value at risk in euros, the scenario comparison's money in euros. Screenshots at
// 1366x768 for review: test-output/screenshots/format-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first page computes the exceptions. */
const WAIT = { timeout: 30_000 };
/** A trigger as the engine records it ("abs_bias > 0.1"): never shown to people. */
const EXPRESSION = /[a-z]+_[a-z_]+ [<>]=? \d/;

describe.skipIf(!findChromium())('one number format (browser)', () => {
  const dir = tempDir('planroom-numfmt-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await startServe(join(dir, 'numfmt.db'));
    // Signs the test's session in; the browser gets the same cookie.
    await served.post('cycle.overview', {});
    ({ browser, page } = await openSignedInPage(served, { width: 1366, height: 768 }));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('reads the KPI strip in percentages and its breaches in words', async () => {
    await page.goto(`${served.url}#/exceptions`);
    await expect.poll(() => page.locator('.kpi').count(), WAIT).toBe(5);
    const service = page.locator('.kpi[data-kpi="service_level"]');
    await expect.poll(() => service.locator('.kpi-value').textContent(), WAIT).toMatch(/^(\d+\.\d%|no data)$/);
    await expect(service.textContent()).resolves.toMatch(/Breach OTIF below 95%/);
    await expect(page.locator('.kpi-strip').textContent()).resolves.not.toMatch(EXPRESSION);
    await page.screenshot({ path: join(SHOTS, 'format-exceptions.png') });
  });

  it('shows values at risk in euros and an exception’s facts by label and unit', async () => {
    const table = page.getByRole('grid', { name: 'Ranked exceptions' });
    await expect.poll(() => table.locator('[role="row"][data-key]').count(), WAIT).toBeGreaterThan(0);
    await expect(table.locator('[role="row"][data-key] .strong').first().textContent()).resolves.toMatch(
      /^€[\d,]+(\.\d\d)?$/,
    );
    await expect(page.getByRole('status').filter({ hasText: 'at risk' }).textContent()).resolves.toMatch(
      /exceptions?.* — €[\d,]+ at risk/,
    );

    await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption('capacity_shortfall');
    await expect
      .poll(() => table.locator('[role="row"][data-key]').first().textContent(), WAIT)
      .toMatch(/Capacity shortfall/);
    await table.locator('[role="row"][data-key]').first().click();
    const detail = page.getByRole('group', { name: 'Exception detail' });
    await expect.poll(() => detail.locator('dl.facts').textContent(), WAIT).toMatch(/peak utilization\d+\.\d%/);
    await expect(detail.locator('dl.facts').textContent()).resolves.toMatch(/overload[\d,]+ h/);
    await expect(
      detail.locator('table[aria-label="Breach intervals"] tbody td.num').first().textContent(),
    ).resolves.toMatch(/^[\d,]+ h$/);
    await detail.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'format-exception-detail.png') });

    await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption('below_safety_stock');
    await expect
      .poll(() => table.locator('[role="row"][data-key]').first().textContent(), WAIT)
      .toMatch(/Below safety stock/);
    await table.locator('[role="row"][data-key]').first().click();
    await expect.poll(() => detail.locator('dl.facts').textContent(), WAIT).toMatch(/unit margin€\d/);
    await expect(detail.locator('dl.facts').textContent()).resolves.toMatch(/shortage[\d,]+ units?/);

    await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption('kpi_breach');
    await expect.poll(() => table.locator('[role="row"][data-key]').first().textContent(), WAIT).toMatch(/KPI breach/);
    await expect(table.textContent()).resolves.not.toMatch(/service_level|forecast_accuracy/);
    await table.locator('[role="row"][data-key]').first().click();
    await expect.poll(() => detail.locator('dl.facts').textContent(), WAIT).toMatch(/breaches[a-zA-Z ]+ (above|below)/);
    await expect(detail.textContent()).resolves.not.toMatch(EXPRESSION);
    await page.screenshot({ path: join(SHOTS, 'format-kpi-breach.png') });
  });

  it('shows the scenario comparison’s money in euros and shares as percentages', async () => {
    await page.goto(`${served.url}#/scenarios`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    await page.getByLabel('Your name').fill('Dana');
    await page.getByRole('button', { name: 'New scenario' }).click();
    const form = page.getByRole('form', { name: 'New scenario' });
    await form.getByLabel('Name').fill('Promo +15%');
    await form.getByLabel('Owner').fill('Sales');
    await form.getByRole('button', { name: 'Create scenario' }).click();
    const editor = page.locator('section[aria-label="Scenario editor"][data-scenario="Promo +15%"]');
    await editor.waitFor(WAIT);
    await editor.getByLabel('Lever kind').selectOption('demand_lift');
    await editor.getByRole('button', { name: 'Add lever' }).click();
    await editor.locator('li.lever').first().getByLabel('Change (%)').fill('15');
    await editor.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => editor.getByRole('status').textContent(), WAIT).toMatch(/Saved 1 lever/);

    const comparison = page.locator('table[aria-label="Scenario comparison"]');
    const cells = (figure: string) => comparison.locator(`tr[data-figure="${figure}"] td`);
    await expect.poll(() => cells('revenue').nth(2).locator('.delta').textContent(), WAIT).toMatch(/^\+€[\d,]+$/);
    await expect(cells('revenue').nth(1).textContent()).resolves.toMatch(/^€[\d,]+$/);
    await expect(cells('peak_utilization').nth(1).textContent()).resolves.toMatch(/^\d+\.\d%$/);
    await expect(cells('lead_time_days').nth(1).textContent()).resolves.toMatch(/^(\d+\.\d days|no data)$/);
    await expect(comparison.textContent()).resolves.not.toMatch(/–/);
    await comparison.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'format-scenarios.png') });
  });

  it('shows the agenda', async () => {
    await page.goto(`${served.url}#/agenda`);
    await page.getByRole('heading', { level: 1 }).first().waitFor(WAIT);
    await page.screenshot({ path: join(SHOTS, 'format-agenda.png') });
  });
});
