// The first run, end to end: in Chromium against the HTTP host always, and through Playwright's
// _electron when an Electron binary is installed. Both run the same checks, and both watch the
// Content-Security-Policy from before the first page loads (a load-time violation counts).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { electronBinary } from '../../electron/electronBinary';
import { startServe } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');

interface Target {
  name: string;
  available: boolean;
  /** `watch` runs on the page before the app's first load is seen. */
  open(dbPath: string, watch: (page: Page) => Promise<void>): Promise<{ page: Page; close(): Promise<void> }>;
}

/**
 * Records on `blocked` what the page's Content-Security-Policy refused: Chromium's console
 * report, and the page's own securitypolicyviolation event (an init script, so it is listening
 * before the bundle runs; a refused eval that the code catches shows there too).
 */
async function watchPolicy(page: Page, blocked: string[]): Promise<void> {
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) blocked.push(m.text());
  });
  // A string: the tests are compiled without the DOM's types.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('Content Security Policy violation: ' + e.violatedDirective + ' refused ' + e.blockedURI));`,
  });
}

const TARGETS: Target[] = [
  {
    name: 'browser',
    available: true,
    async open(dbPath, watch) {
      const executablePath = findChromium();
      if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set PLANROOM_BROWSER.');
      const served = await startServe(dbPath);
      const browser = await chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      });
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await watch(page);
      // The address the ready line printed: it signs this browser in, then shows the app.
      await page.goto(served.loginUrl);
      return {
        page,
        close: async () => {
          await browser.close();
          await served.stop();
        },
      };
    },
  },
  {
    name: 'electron',
    available: electronBinary() !== undefined,
    async open(dbPath, watch) {
      const app = await _electron.launch({
        executablePath: electronBinary(),
        args: [ROOT, '--no-sandbox'],
        env: { ...process.env, PLANROOM_DB: dbPath },
      });
      const page = await app.firstWindow();
      // The window may have loaded before Playwright saw it: once it shows the app's page
      // (app://planroom, electron/shell/appProtocol.ts), load it again, watched.
      await page.waitForURL(/^app:\/\/planroom\/index\.html/);
      await watch(page);
      await page.reload();
      return { page, close: () => app.close() };
    },
  },
];

for (const target of TARGETS.filter((t) => !t.available)) {
  // Said in the run's output, not only counted as skipped.
  const why = `${target.name === 'electron' ? 'Electron binary not found (node_modules/electron/dist)' : `${target.name} not available`}: the _${target.name} smoke test is skipped; install it with network access (node node_modules/electron/install.js) to run it`;
  console.warn(why);
  describe(`first run (${target.name})`, () => {
    it.skip(why, () => {});
  });
}

for (const target of TARGETS.filter((t) => t.available)) {
  describe(`first run (${target.name})`, () => {
    const dir = tempDir('planroom-test-', 'all');
    let page: Page;
    let close: () => Promise<void>;
    /** What the page's Content-Security-Policy blocked: must stay empty. */
    const blocked: string[] = [];

    beforeAll(async () => {
      ({ page, close } = await target.open(join(dir, 'first-run.db'), (p) => watchPolicy(p, blocked)));
      mkdirSync(SHOTS, { recursive: true });
    });
    afterAll(() => close?.());

    it('opens on the demo cycle: sources with age and row counts, and the agenda', async () => {
      await page.locator('.frame[data-ready="true"]').waitFor();
      await expect(page.locator('h1').textContent()).resolves.toBe('2026-12 S&OP (demo company)');
      const rows = page.locator('table[aria-label="Pinned snapshots"] tbody tr');
      await expect(rows.locator('td.strong').allTextContents()).resolves.toEqual(['ERP', 'TMS', 'WMS', 'CRM']);
      await expect(page.locator('tr[data-source="CRM"] .badge').textContent()).resolves.toMatch(/3\.6 days stale/);
      await expect(page.locator('tr[data-source="ERP"] .badge').textContent()).resolves.toMatch(/11 h fresh/);
      await expect(page.locator('tr[data-source="ERP"]').textContent()).resolves.toContain('28,574');
      await expect.poll(() => page.locator('.agenda li').count()).toBe(7);
      await expect(page.locator('a.stat').textContent()).resolves.toBe('14open data issues');
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/CRM is older than the freshness limit/);
      await page.screenshot({ path: join(SHOTS, `${target.name}-agenda.png`), fullPage: true });
    });

    it('navigates by keyboard to the Data page, which lists the imported snapshots', async () => {
      await page.keyboard.press('5');
      await page.getByRole('heading', { name: 'Snapshots' }).waitFor();
      await expect(page.locator('a[aria-current="page"]').textContent()).resolves.toContain('Data');
      await expect.poll(() => page.locator('table[aria-label="Snapshot list"] tbody tr').count()).toBe(4);
      await expect.poll(() => page.locator('.badge.ok', { hasText: 'pinned' }).count()).toBe(4);
      await page.screenshot({ path: join(SHOTS, `${target.name}-data.png`), fullPage: true });
    });

    it('lists the data issues reconciliation raised, filters them, and lets a user comment and close one', async () => {
      await expect
        .poll(() => page.locator('table[aria-label="Data issue list"] tbody tr[data-issue]').count())
        .toBe(14);
      await page.getByLabel('Owner').selectOption('Sales');
      const rows = page.locator('table[aria-label="Data issue list"] tbody tr[data-issue]');
      await expect.poll(() => rows.count()).toBe(4);
      const stale = rows.filter({ hasText: 'CRM export is 87 h old' });
      await stale.click();
      await expect(page.locator('.issue-detail').textContent()).resolves.toMatch(/extracted at.*2026-11-27T18:00/);
      await page.getByLabel('Your name').fill('Dana');
      await page.getByLabel('Comment, or the reason for closing').fill('Nightly CRM export scheduled.');
      await page.getByRole('button', { name: 'Comment', exact: true }).click();
      await page.locator('.comments li', { hasText: 'Nightly CRM export scheduled.' }).waitFor();
      await page.screenshot({ path: join(SHOTS, `${target.name}-data-issues.png`), fullPage: true });
      await page.getByLabel('Comment, or the reason for closing').fill('Fixed at the source.');
      await page.getByRole('button', { name: 'Close issue' }).click();
      await expect.poll(() => rows.count()).toBe(3);
      await page.getByLabel('Owner').selectOption('');
    });

    it('imports a new export from the Data page, reporting a bad folder with what to do', async () => {
      const form = page.getByRole('form', { name: 'Import exports' });
      await form.getByLabel('Source').selectOption('WMS');
      await form.getByLabel('Export folder').fill(join(dir, 'no-such-folder'));
      await form.getByRole('button', { name: 'Import' }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toMatch(/No folder at .*no-such-folder/);

      const wms = join(dir, 'wms-new');
      cpSync(join(ROOT, 'assets', 'demo', 'wms'), wms, { recursive: true });
      // A later count: one stock line changed (an identical export would be a no-op).
      const stock = join(wms, 'stock.csv');
      writeFileSync(stock, readFileSync(stock, 'utf8').replace('\nSKU-00001,P1,91,', '\nSKU-00001,P1,999,'));
      writeFileSync(
        join(wms, 'manifest.json'),
        JSON.stringify({ system: 'WMS', extracted_at: '2026-12-01T07:00:00Z' }),
      );
      await form.getByLabel('Export folder').fill(wms);
      await form.getByRole('button', { name: 'Import' }).click();
      await expect(form.getByRole('status').textContent()).resolves.toMatch(/WMS: snapshot #5 with 912 rows/);
      await expect.poll(() => page.locator('table[aria-label="Snapshot list"] tbody tr').count()).toBe(5);
    });

    it('pins the new snapshot to the current cycle with a reason, and shows the pin history', async () => {
      const form = page.getByRole('form', { name: 'Pin snapshot' });
      await form.getByLabel('Snapshot').selectOption({ label: 'WMS #5, exported 2026-12-01 07:00 UTC' });
      await form.getByLabel('Reason').fill('Recount at DC West');
      await form.getByRole('button', { name: 'Pin to cycle' }).click();
      const history = page.locator('table[aria-label="Pin history"] tbody tr');
      await expect.poll(() => history.first().textContent()).toMatch(/WMS#3 → #5DanaRecount at DC West/);
      await expect
        .poll(() => page.locator('table[aria-label="Snapshot list"] .badge', { hasText: 'pinned' }).count())
        .toBe(4);
      await expect(form.getByRole('status').textContent()).resolves.toMatch(/^WMS #5 pinned; data issues: \d+ open/);
      await page.screenshot({ path: join(SHOTS, `${target.name}-pins.png`), fullPage: true });
    });

    it('creates a new cycle on the latest snapshots, which becomes the current one', async () => {
      const form = page.getByRole('form', { name: 'New cycle' });
      await form.getByLabel('Name').fill('2027-01 S&OP');
      await form.getByLabel('Meeting').fill('2026-12-01T10:00');
      await form.getByRole('button', { name: 'Create cycle' }).click();
      await form.getByRole('status').waitFor();
      await page.screenshot({ path: join(SHOTS, `${target.name}-data-forms.png`), fullPage: true });
      await page.keyboard.press('1');
      await page.getByRole('heading', { name: '2027-01 S&OP', level: 1 }).waitFor();
      // The new cycle pins the fresher WMS snapshot (#5); the others stay on the demo's.
      await expect(page.locator('tr[data-source="WMS"] td').nth(2).textContent()).resolves.toBe('#5');
      await expect(page.locator('tr[data-source="ERP"] td').nth(2).textContent()).resolves.toBe('#1');
    });

    it("sets the cycle's time zone on the Data page; the agenda shows the meeting in it", async () => {
      await page.keyboard.press('5');
      const form = page.getByRole('form', { name: 'Cycle time zone' });
      await form.getByLabel('Time zone of the cycle').fill('Europe/Berlin');
      await form.getByRole('button', { name: 'Set time zone' }).click();
      // The meeting (1 Dec 10:00) is in W49 in Berlin too: the start week stays.
      await expect(form.getByRole('status').textContent()).resolves.toMatch(
        /Time zone Europe\/Berlin; the plan starts 2026-W49/,
      );
      await form.screenshot({ path: join(SHOTS, `${target.name}-cycle-time-zone.png`) });
      await page.keyboard.press('1');
      await expect
        .poll(() => page.locator('header.page-head p').first().textContent())
        .toMatch(/Meeting 2026-12-01 \d\d:00 Europe\/Berlin/);
    });

    it('stops at bad rows listing them all, or with "skip bad rows" sets them aside for review', async () => {
      await page.keyboard.press('5');
      const form = page.getByRole('form', { name: 'Import exports' });
      const wms = join(dir, 'wms-bad');
      cpSync(join(ROOT, 'assets', 'demo', 'wms'), wms, { recursive: true });
      const stock = join(wms, 'stock.csv');
      writeFileSync(
        stock,
        readFileSync(stock, 'utf8')
          .replace('\nSKU-00001,P1,91,', '\nSKU-00001,P1,-91,')
          .replace('\nSKU-00001,P2,91,', '\nSKU-00001,P2,lots,'),
      );
      writeFileSync(
        join(wms, 'manifest.json'),
        JSON.stringify({ system: 'WMS', extracted_at: '2026-12-01T08:00:00Z' }),
      );
      await form.getByLabel('Source').selectOption('WMS');
      await form.getByLabel('Export folder').fill(wms);
      await form.getByRole('button', { name: 'Import' }).click();
      const alert = form.getByRole('alert');
      await expect(alert.textContent()).resolves.toMatch(
        /expected a number >= 0 — and 1 more bad row\..*row 2, column on_hand/,
      );
      await expect(alert.locator('table[aria-label="Problems found"] tbody tr').count()).resolves.toBe(2);
      await page.screenshot({ path: join(SHOTS, `${target.name}-import-errors.png`), fullPage: true });

      await form.getByLabel('Skip bad rows').check();
      await form.getByRole('button', { name: 'Import' }).click();
      await expect(form.getByRole('status').textContent()).resolves.toMatch(
        /WMS: snapshot #\d+ with 910 rows; 2 bad rows set aside\./,
      );
      await form.locator('table[aria-label="Files read"] button.link').click();
      const rejected = page.getByRole('region', { name: 'Rejected rows' });
      await expect.poll(() => rejected.locator('tbody tr').count()).toBe(2);
      await expect(rejected.locator('tbody tr').first().textContent()).resolves.toContain('expected a number >= 0');
      await page.screenshot({ path: join(SHOTS, `${target.name}-rejected-rows.png`), fullPage: true });
    });

    it('edits a mapping profile in the form and as JSON, with errors naming the field', async () => {
      const editor = page.getByRole('region', { name: 'Mapping profile' });
      await editor.getByLabel('Source', { exact: true }).selectOption('WMS');
      await editor.locator('details.file-mapping summary', { hasText: 'stock*.csv' }).waitFor();
      await expect(editor.textContent()).resolves.toContain('The profile that ships with Planroom');
      await editor.getByLabel('Decimal separator').selectOption(',');
      await editor.getByLabel('Thousands separator').selectOption('.');
      await editor.locator('details.file-mapping').first().locator('summary').click();
      await editor.getByLabel('Header for stock.on_hand').fill('Bestand');
      await editor.getByRole('button', { name: 'Save profile' }).click();
      // The alert, if any, says why in the failure message.
      await expect(editor.getByRole('status').or(editor.getByRole('alert')).textContent()).resolves.toMatch(
        /WMS profile saved/,
      );
      await expect(editor.textContent()).resolves.toContain('Saved by Dana');
      await page.screenshot({ path: join(SHOTS, `${target.name}-profile.png`), fullPage: true });

      await editor.getByRole('button', { name: 'Edit as JSON' }).click();
      const json = editor.getByLabel('Profile JSON');
      await json.fill(
        (await json.inputValue())
          .replace('"decimal": ","', '"decimal": ","')
          .replace('"thousands": "."', '"thousands": "x"'),
      );
      await editor.getByRole('button', { name: 'Save JSON' }).click();
      await expect(editor.getByRole('alert').textContent()).resolves.toMatch(
        /profile is not valid.*field format\.thousands/,
      );
      await editor.getByRole('button', { name: 'Back to the form' }).click();
      await editor.getByRole('button', { name: 'Reset to default' }).click();
      await expect(editor.getByRole('status').textContent()).resolves.toMatch(/back to the default/);
    });

    it('maps export values in the profile form, and lists the canonical schema', async () => {
      const editor = page.getByRole('region', { name: 'Mapping profile' });
      await editor.getByLabel('Source', { exact: true }).selectOption('ERP');
      const locations = editor
        .locator('details.file-mapping')
        .filter({ has: page.locator('summary .mono', { hasText: /^locations\*\.csv$/ }) });
      await locations.locator('summary').click();
      await locations.getByRole('button', { name: 'Map a value of locations.type' }).click();
      await locations.getByLabel('Export value 1 for locations.type').fill('SHOP');
      await locations.getByLabel('Canonical value 1 for locations.type').selectOption('dc');
      await editor.getByRole('button', { name: 'Save profile' }).click();
      await expect(editor.getByRole('status').or(editor.getByRole('alert')).textContent()).resolves.toMatch(
        /ERP profile saved/,
      );
      await locations.screenshot({ path: join(SHOTS, `${target.name}-value-map.png`) });
      await editor.getByRole('button', { name: 'Edit as JSON' }).click();
      const json = JSON.parse(await editor.getByLabel('Profile JSON').inputValue()) as {
        files: { table: string; values?: unknown }[];
      };
      expect(json.files.find((f) => f.table === 'locations')?.values).toEqual({ type: { SHOP: 'dc' } });
      await editor.getByRole('button', { name: 'Back to the form' }).click();

      const schema = page.getByRole('region', { name: 'Canonical schema' });
      await schema.getByLabel('Canonical table').selectOption('locations');
      const row = schema.locator('table[aria-label="Columns of locations"] tbody tr', { hasText: 'type' });
      await expect(row.textContent()).resolves.toMatch(/typetextrequiredplant, dcplant \(produces\)/);
      await schema.screenshot({ path: join(SHOTS, `${target.name}-schema.png`) });
      await editor.getByRole('button', { name: 'Reset to default' }).click();
      await expect.poll(() => editor.getByRole('status').textContent()).toMatch(/back to the default/);
    });

    it('ranks the exceptions beside their roll-up under the KPIs, and keeps a review', async () => {
      await page.locator('nav a[href="#/exceptions"]').click();
      const table = page.getByRole('grid', { name: 'Ranked exceptions' });
      // One virtual list: the rows in view and a few more are in the DOM, not the whole list.
      await expect.poll(() => table.locator('[role="row"][data-key]').count(), { timeout: 30_000 }).toBeGreaterThan(10);
      await expect(table.locator('[role="row"][data-key]').count()).resolves.toBeLessThan(60);
      await expect.poll(() => page.locator('.kpi').count(), { timeout: 15_000 }).toBe(5);
      await expect
        .poll(() => page.locator('.kpi[data-kpi="service_level"]').textContent(), { timeout: 15_000 })
        .toMatch(/Breach.*OTIF below 95%/);
      const values = (await table.locator('[role="row"][data-key] .strong').allTextContents()).map((v) =>
        Number(v.replace(/[^\d.-]/g, '')),
      );
      expect(values).toEqual([...values].sort((a, b) => b - a));
      // Each card says what it is computed over, as of which source's extraction.
      await expect(page.locator('.kpi[data-kpi="forecast_accuracy"] .kpi-window').textContent()).resolves.toMatch(
        /^13 weeks 2026-W36\.\.W48, ERP as of 2026-1[12]-\d\d$/,
      );
      await expect(page.locator('.kpi[data-kpi="service_level"] .kpi-window').textContent()).resolves.toMatch(
        /^delivered: lines committed before 2026-1[12]-\d\d, TMS as of/,
      );
      await page.screenshot({ path: join(SHOTS, `${target.name}-exceptions.png`), fullPage: true });
      await page.locator('.kpi-strip').screenshot({ path: join(SHOTS, `${target.name}-kpi-cards.png`) });

      // The congested lane leads the OTIF risks rolled up by lane; choosing it filters the list.
      await page.getByLabel('Type').selectOption('otif_risk');
      await page.getByLabel('Roll up by').selectOption('lane');
      const top = page.locator('table[aria-label="Roll-up groups"] tbody tr').first();
      await expect.poll(() => top.locator('td').first().textContent(), { timeout: 15_000 }).toBe('D2-EAST-R');
      await top.click();
      await expect
        .poll(
          async () =>
            (await table.locator('[role="row"][data-key]').allTextContents()).every((t) => t.includes('D2-EAST-R')),
          { timeout: 15_000 },
        )
        .toBe(true);

      await table.locator('[role="row"][data-key]').first().click();
      const detail = page.getByLabel('Exception detail');
      await expect
        .poll(() => detail.locator('table[aria-label="Order lines at risk"] tbody tr').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await detail.getByLabel('Review').selectOption('actioned');
      await detail.getByLabel('Note').fill('Moved to the second carrier');
      await detail.getByRole('button', { name: 'Save review' }).click();
      await detail.locator('.comments li', { hasText: 'Moved to the second carrier' }).waitFor();
      await expect
        .poll(() => table.locator('[role="row"][data-key]').first().textContent(), { timeout: 15_000 })
        .toContain('Actioned');
      await page.screenshot({ path: join(SHOTS, `${target.name}-exception-review.png`), fullPage: true });
    });

    it('edits a KPI trigger in the settings; the breach goes and comes back', async () => {
      await page.getByRole('button', { name: /KPI and engine settings/ }).click();
      const service = page.locator('form.kpi-def[data-kpi="service_level"]');
      await service.getByLabel('Threshold').fill('');
      await service.getByRole('button', { name: /^Save/ }).click();
      await expect(service.getByRole('alert').textContent()).resolves.toMatch(/triggers\.0\.value/);
      await service.getByLabel('Threshold').fill('0.5');
      await service.getByRole('button', { name: /^Save/ }).click();
      await expect(service.getByRole('status').or(service.getByRole('alert')).textContent()).resolves.toMatch(
        /recomputed/,
      );
      await expect
        .poll(() => page.locator('.kpi[data-kpi="service_level"].breached').count(), { timeout: 15_000 })
        .toBe(0);
      await page.screenshot({ path: join(SHOTS, `${target.name}-kpi-settings.png`), fullPage: true });
      await service.getByLabel('Threshold').fill('0.95');
      await service.getByRole('button', { name: /^Save/ }).click();
      await expect
        .poll(() => page.locator('.kpi[data-kpi="service_level"].breached').count(), { timeout: 15_000 })
        .toBe(1);
    });

    it('ran every page so far, from the first load, under the Content-Security-Policy without a violation', () => {
      expect(blocked).toEqual([]);
    });
  });
}
