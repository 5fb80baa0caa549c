// The Data page's "Pull from" cards (issue 18 item 4), in Chromium against `planroom serve`: an
// HTTP connection set with the keyboard only and kept over a reload; a refusal shown beside the
// field it names; the token set and forgotten, its state shown and never its value; a secret the
// environment supplies; a schedule and its next pull; Test connection and Pull now with their
// answers (the feed set here cannot be reached from the test: every table fails, the pull fails), and how
// a test's tables and a failed last pull are drawn. Screenshots at 1280x800.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const TOKEN = 'erp-token-7f3a9c';
const TMS_PASSWORD = 'tms-db-password-41b2';

describe.skipIf(!findChromium())('source connections on the Data page (browser)', () => {
  const dir = tempDir('planroom-source-e2e-', 'all');
  const dbPath = join(dir, 'sources.db');
  let served: Served;
  let browser: Browser;
  let page: Page;
  const card = (source: string): Locator => page.locator('.source-card', { has: page.locator(`#src-${source}-title`) });

  /** The Data page the way a user gets there: the app opens on the agenda, then key 5. */
  async function goToData(): Promise<void> {
    await page.goto(`${served.url}#/agenda`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    await page.keyboard.press('5');
    await card('ERP').getByRole('radio', { name: 'Folder' }).waitFor(WAIT);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await startServe(dbPath, [], {
      PLANROOM_LOG: join(dir, 'planroom.log'),
      PLANROOM_SOURCE_TMS_SECRET: TMS_PASSWORD,
    });
    ({ browser, page } = await openSignedInPage(served, { width: 1280, height: 800 }));
    await goToData();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('sets an HTTP connection with the keyboard only and keeps it over a reload', async () => {
    const erp = card('ERP');
    await expect.poll(() => erp.getByRole('heading', { level: 2 }).textContent(), WAIT).toBe('Pull ERP from not set ');
    // Into the card's first control, then keys only.
    await erp.getByRole('radio', { name: 'Folder' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await erp.getByRole('radio', { name: 'HTTP API' }).isChecked()).toBe(true);
    const url = erp.getByLabel('URL of items');
    await url.waitFor(WAIT);
    await page.keyboard.press('Tab'); // OData v4
    await page.keyboard.press('Space');
    expect(await erp.getByLabel('OData v4 service').isChecked()).toBe(true);
    // Auth (bearer), timeout, retries, largest page, "Add a header", then the first table's URL.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await url.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('https://erp.example.com/odata/Items');
    await page.keyboard.press('Tab');
    await page.keyboard.type('value');
    await page.keyboard.press('Tab'); // paging: none -> next link -> OData
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await erp.getByLabel('Paging of items').inputValue()).toBe('odata');
    await page.keyboard.press('Tab');
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => erp.getByRole('status').first().textContent(), WAIT)
      .toBe('ERP: connection saved. Type its token below, or set PLANROOM_SOURCE_ERP_SECRET.');
    expect(await erp.locator('h2 .badge').first().textContent()).toBe('HTTP API');

    await page.reload();
    await goToData();
    expect(await erp.getByRole('radio', { name: 'HTTP API' }).isChecked()).toBe(true);
    expect(await erp.getByLabel('OData v4 service').isChecked()).toBe(true);
    expect(await erp.getByLabel('URL of items').inputValue()).toBe('https://erp.example.com/odata/Items');
    expect(await erp.getByLabel('Rows path of items').inputValue()).toBe('value');
    expect(await erp.getByLabel('Paging of items').inputValue()).toBe('odata');
    expect(await erp.getByLabel('Page size ($top, optional)').first().inputValue()).toBe('500');
    expect(await erp.getByLabel('URL of locations').inputValue()).toBe('');
    await erp.screenshot({ path: join(SHOTS, 'source-http-form.png') });
  });

  it('shows a refusal beside the field it names, and a header carrying a secret is refused here too', async () => {
    const erp = card('ERP');
    const url = erp.getByLabel('URL of items');
    await url.fill('https://planner:secret@erp.example.com/odata/Items');
    await url.press('Enter');
    const beside = erp.locator('#src-ERP-items-url-err');
    await expect.poll(() => beside.textContent(), WAIT).toMatch(/without a user name or password in it/);
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await url.getAttribute('aria-describedby')).toBe('src-ERP-items-url-err');
    expect(await erp.getByRole('note').filter({ hasText: 'Not saved' }).count()).toBe(1);
    await url.fill('https://erp.example.com/odata/Items');

    await erp.getByRole('button', { name: 'Add a header' }).click();
    await erp.getByLabel('Header name 1').fill('Authorization');
    await erp.getByLabel('Value 1').fill('Bearer abc');
    await erp.getByLabel('Value 1').press('Enter');
    await expect
      .poll(() => erp.locator('#src-ERP-headers-err').textContent(), WAIT)
      .toBe('The header Authorization would carry a secret in the settings.');
    await erp.getByRole('button', { name: 'Remove header 1' }).click();
    await url.press('Enter');
    await expect
      .poll(() => erp.getByRole('status').first().textContent(), WAIT)
      .toBe('ERP: connection saved. Type its token below, or set PLANROOM_SOURCE_ERP_SECRET.');
    expect(await erp.locator('#src-ERP-headers-err').count()).toBe(0);
  });

  it('sets and forgets the token, showing its state and never its value', async () => {
    const form = card('ERP').getByRole('form', { name: 'Token of ERP' });
    await expect
      .poll(() => form.getByRole('note').textContent(), WAIT)
      .toMatch(/^No token of ERP is set for this Planroom\. Type it below, or set PLANROOM_SOURCE_ERP_SECRET/);
    const field = form.getByLabel('ERP token');
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill(TOKEN);
    await field.press('Enter');
    await expect
      .poll(() => form.getByRole('note').textContent(), WAIT)
      .toMatch(/^Token set \(kept in .*sources\.db\.secrets\/source-.*, a file only you can read\)$/);
    expect(await field.inputValue()).toBe('');
    expect(await page.content()).not.toContain(TOKEN);
    const list = (await (await served.post('source.list', {})).text()) as string;
    expect(list).not.toContain(TOKEN);
    await form.getByRole('button', { name: 'Forget' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('.ok-line').textContent(), WAIT).toBe('Token forgotten.');
    await expect.poll(() => form.getByRole('note').textContent(), WAIT).toMatch(/^No token of ERP is set/);
    await expect.poll(() => field.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    // Set again, for the pull below; still never on the page.
    await field.fill(TOKEN);
    await field.press('Enter');
    await expect.poll(() => form.getByRole('note').textContent(), WAIT).toMatch(/^Token set/);
    expect(await page.content()).not.toContain(TOKEN);
  });

  it('says the environment supplies a secret, with no field to type it', async () => {
    const res = await served.post('source.set', {
      source: 'TMS',
      connection: {
        kind: 'postgres',
        url: 'postgres://planroom@tms-db:5432/tms',
        tls: 'require',
        statementTimeoutSeconds: 120,
        queries: { lanes: 'SELECT lane_id, origin, destination, mode, transit_days, cost_per_load FROM lanes' },
      },
      schedule: null,
    });
    expect(res.ok).toBe(true);
    await page.reload();
    await goToData();
    const tms = card('TMS');
    expect(await tms.getByRole('radio', { name: 'PostgreSQL' }).isChecked()).toBe(true);
    expect(await tms.getByLabel(/^Query for lanes/).inputValue()).toMatch(/^SELECT lane_id/);
    await expect
      .poll(() => tms.locator('#src-TMS-pg-q-lanes-help').textContent(), WAIT)
      .toBe('Columns it must return: lane_id, origin, destination, mode, transit_days, cost_per_load');
    const form = tms.getByRole('form', { name: 'Password of TMS' });
    expect(await form.getByRole('note').textContent()).toBe(
      'Password set (kept in the environment variable PLANROOM_SOURCE_TMS_SECRET): change it there and restart Planroom.',
    );
    expect(await form.locator('input').count()).toBe(0);
    expect(await page.content()).not.toContain(TMS_PASSWORD);
    await tms.screenshot({ path: join(SHOTS, 'source-postgres-form.png') });
    // A source with no connection: the folder form, nothing to pull yet.
    const wms = card('WMS');
    expect(await wms.getByRole('radio', { name: 'Folder' }).isChecked()).toBe(true);
    expect(await wms.getByRole('button', { name: 'Pull now' }).isDisabled()).toBe(true);
    await wms.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'source-unset.png') });
  });

  it('refuses a schedule that is not cron beside its field, and shows the next pull of a good one', async () => {
    const erp = card('ERP');
    const schedule = erp.getByLabel('Schedule (cron)');
    expect(await erp.locator('.source-next').textContent()).toBe('Next pull: none scheduled');
    await schedule.fill('0 6 * * 1-5 2026');
    await schedule.press('Enter');
    await expect
      .poll(() => erp.locator('#src-ERP-schedule-err').textContent(), WAIT)
      .toMatch(/is not a five-field cron expression/);
    expect(await schedule.getAttribute('aria-invalid')).toBe('true');
    await schedule.fill('0 6 * * 1-5');
    await schedule.press('Enter');
    await expect.poll(() => erp.getByRole('status').first().textContent(), WAIT).toBe('ERP: connection saved.');
    await expect
      .poll(() => erp.locator('.source-next').textContent(), WAIT)
      .toMatch(/^Next pull: \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    await page.reload();
    await goToData();
    expect(await erp.getByLabel('Schedule (cron)').inputValue()).toBe('0 6 * * 1-5');
    expect(await erp.locator('.source-next').textContent()).toMatch(/^Next pull: \d{4}-/);
  });

  it('shows what Test connection found, and that it found nothing', async () => {
    const erp = card('ERP');
    const test = erp.getByRole('button', { name: 'Test connection' });
    // Where the button sits in its card (both move alike when the page scrolls).
    const top = async () => (await test.boundingBox())!.y - (await erp.boundingBox())!.y;
    const before = await top();
    await test.click();
    await expect
      .poll(
        () => erp.locator('.source-probes[role="status"], .source-probes [role="status"]').first().textContent(),
        WAIT,
      )
      // The feed at erp.example.com cannot be reached from the test: every table fails.
      .toMatch(/^Test failed: (\d+) of \1 tables could not be read as the profile expects\.$/);
    // Everything above the result area stays where it was.
    expect(await top()).toBe(before);
    expect(await erp.getByRole('button', { name: 'Test connection' }).isEnabled()).toBe(true);

    // How found tables are drawn: the answer as the back end will give it (same contract shape).
    await page.route('**/api/source.test', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: true,
          data: {
            source: 'ERP',
            ok: false,
            tables: [
              {
                table: 'items',
                from: 'GET https://erp.example.com/odata/Items',
                ok: false,
                columns: ['Material', 'Description', 'Product Family', 'Standard Cost'],
                missing: ['List Price', 'ABC', 'Key Item', 'Base UoM'],
                sample: [
                  ['FG-1001', 'Trail jacket <b>M</b>', 'Outdoor', '41.5'],
                  ['FG-1002', 'Trail jacket L', 'Outdoor', '42'],
                ],
                error: null,
              },
              {
                table: 'locations',
                from: 'GET https://erp.example.com/odata/Plants',
                ok: false,
                columns: [],
                missing: [],
                sample: [],
                error: {
                  code: 'import_failed',
                  message: 'HTTP 401: credentials refused.',
                  where: { file: 'GET https://erp.example.com/odata/Plants' },
                  hint: 'Check the token of ERP on its card, or PLANROOM_SOURCE_ERP_SECRET.',
                },
              },
            ],
          },
        }),
      }),
    );
    await erp.getByRole('button', { name: 'Test connection' }).click();
    const items = erp.getByRole('region', { name: 'Test of items' });
    await expect
      .poll(() => items.locator('.probe-missing').textContent(), WAIT)
      .toBe('Missing columns the profile reads: List Price, ABC, Key Item, Base UoM');
    expect(await items.getByRole('columnheader').allTextContents()).toEqual([
      'Material',
      'Description',
      'Product Family',
      'Standard Cost',
    ]);
    expect(await items.getByRole('cell').nth(1).textContent()).toBe('Trail jacket <b>M</b>');
    const locations = erp.getByRole('region', { name: 'Test of locations' });
    expect(await locations.getByRole('note').textContent()).toMatch(
      /^HTTP 401: credentials refused\. .*— Check the token of ERP on its card/,
    );
    await erp.getByRole('button', { name: 'Test connection' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'source-test-result.png') });
    await page.unroute('**/api/source.test');
  });

  it('shows a failed pull with its message, and a failed last pull on the card', async () => {
    const erp = card('ERP');
    await erp.getByRole('button', { name: 'Pull now' }).click();
    await expect
      .poll(() => erp.locator('.source-result [role="alert"]').textContent(), WAIT)
      // The pull recorded its failure (the feed cannot be reached): the card's last pull says it.
      .toBe('Pull failed: the last pull above says why and what to do.');
    expect(await erp.getByRole('button', { name: 'Pull now' }).isEnabled()).toBe(true);
    expect(await erp.locator('h2').textContent()).not.toContain('pulling');

    // A failure the pull recorded, as the back end will store it (same contract shape).
    await page.route('**/api/source.list', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { ok: true; data: { source: string; lastPull: unknown }[] };
      for (const s of body.data) {
        if (s.source !== 'ERP') continue;
        s.lastPull = {
          at: '2026-12-01T06:00:04Z',
          ok: false,
          snapshotId: null,
          unchanged: false,
          rows: 12_500,
          rowsPerSecond: 48_200,
          durationMs: 2_600,
          error: {
            code: 'import_failed',
            message: 'HTTP 503 after 3 retries.',
            where: { file: 'GET https://erp.example.com/odata/Items' },
            hint: 'The previous snapshot stays pinned; try again later or ask the ERP team.',
          },
        };
      }
      await route.fulfill({ response: res, json: body });
    });
    await page.reload();
    await goToData();
    const last = erp.getByRole('group', { name: 'Last pull of ERP' });
    await expect
      .poll(() => last.locator('dd').allTextContents(), WAIT)
      .toEqual(['2026-12-01 06:00 UTC', 'failed', '12,500', '48,200', '2.6 s']);
    expect(await last.getByRole('note').textContent()).toMatch(
      /^Last pull failed: HTTP 503 after 3 retries\. .*— The previous snapshot stays pinned/,
    );
    await erp.screenshot({ path: join(SHOTS, 'source-pull-failed.png') });
    await page.unroute('**/api/source.list');
  });

  it("shows the pull's progress with rows and rows/s while it runs, then the snapshot it made", async () => {
    // The pull's progress and answer as the back end gives them (same contract shapes); the pull
    // answers only once the test has seen the progress, so nothing depends on timing.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const progress = {
      label: 'ERP GET https://erp.example.com/odata/Items',
      rows: 12_000,
      fraction: null,
      rowsPerSecond: 40_000,
      elapsedMs: 300,
    };
    await page.route('**/api/progress.get', (route) => route.fulfill({ json: { ok: true, data: progress } }));
    await page.route('**/api/source.pull', async (route) => {
      await released;
      await route.fulfill({
        json: {
          ok: true,
          data: {
            source: 'ERP',
            snapshotId: 7,
            unchanged: false,
            rowCount: 12_000,
            rowCounts: { items: 12_000 },
            rejectedCount: 0,
            extractedAt: '2026-12-01T06:00:00Z',
            files: [],
          },
        },
      });
    });
    const erp = card('ERP');
    const pullNow = erp.getByRole('button', { name: 'Pull now' });
    await pullNow.click();
    await erp.getByRole('progressbar', { name: 'Pull progress of ERP' }).waitFor(WAIT);
    await expect
      .poll(() => erp.locator('.import-progress').textContent(), WAIT)
      .toBe('ERP GET https://erp.example.com/odata/Items: 12,000 rows · 40,000 rows/s');
    expect(await pullNow.isDisabled()).toBe(true);
    expect(await erp.locator('h2').textContent()).toContain('pulling…');
    await erp.locator('.source-actions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'source-pull-progress.png') });
    release();
    await expect
      .poll(() => erp.getByRole('status').first().textContent(), WAIT)
      .toBe('ERP: snapshot #7 with 12,000 rows.');
    expect(await erp.getByRole('progressbar').count()).toBe(0);
    expect(await pullNow.isEnabled()).toBe(true);
    await page.unroute('**/api/progress.get');
    await page.unroute('**/api/source.pull');
  });

  it('removes a connection after a confirmation, by keyboard', async () => {
    const tms = card('TMS');
    await tms.getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    const yes = tms.getByRole('button', { name: 'Yes, remove' });
    await expect.poll(() => yes.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    // "Keep it" keeps it and gives the focus back to Remove.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const remove = tms.getByRole('button', { name: 'Remove' });
    await expect.poll(() => remove.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => yes.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => tms.getByRole('status').first().textContent(), WAIT)
      .toBe('TMS: connection removed; its snapshots stay.');
    expect(await tms.locator('h2').textContent()).toContain('not set');
    // The form starts again from a folder, and the focus lands on that choice, not on the page.
    const kind = tms.getByRole('radio', { name: 'Folder' });
    expect(await kind.isChecked()).toBe(true);
    await expect.poll(() => kind.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    const list = (await (await served.post('source.list', {})).json()) as { data: { source: string }[] };
    expect(list.data.map((s) => s.source)).toEqual(['ERP']);
  });

  it('says "pulled" for a pulled snapshot and "exported" for a file import in the snapshot list', async () => {
    // Snapshots as snapshot.list gives them (same contract shape): a pull's origin is its reader's.
    const snapshot = (id: number, origin: string, extractedAt: string) => ({
      id,
      source: 'ERP',
      extractedAt,
      importedAt: extractedAt,
      origin,
      checksum: 'c0ffee'.repeat(4),
      rowCount: 10,
      rowCounts: { items: 10 },
      rejectedCount: 0,
    });
    await page.route('**/api/snapshot.list', (route) =>
      route.fulfill({
        json: {
          ok: true,
          data: [
            snapshot(2, 'GET https://erp.example.com/odata/Items', '2026-12-01T06:00:00Z'),
            snapshot(1, '/srv/exports/erp', '2026-11-30T22:00:00Z'),
          ],
        },
      }),
    );
    await page.reload();
    await goToData();
    const list = page.getByRole('table', { name: 'Snapshot list' });
    await list.waitFor(WAIT);
    expect(await list.getByRole('columnheader').nth(2).textContent()).toBe('Data as of');
    expect(await list.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual([
      'pulled 2026-12-01 06:00 UTC',
      'exported 2026-11-30 22:00 UTC',
    ]);
    await page.unroute('**/api/snapshot.list');
  });

  it('leaves the secrets in no log and no SQLite file', () => {
    const logFile = join(dir, 'planroom.log');
    for (const secret of [TOKEN, TMS_PASSWORD]) {
      if (existsSync(logFile)) expect(readFileSync(logFile, 'utf8')).not.toContain(secret);
      for (const f of [dbPath, `${dbPath}-wal`]) {
        if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(secret))).toBe(false);
      }
    }
  });
});
