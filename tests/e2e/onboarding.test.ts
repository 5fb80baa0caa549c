// Onboarding a foreign export folder on the Data page, in Chromium against the HTTP host: look at
// the folder, map headers (suggested, and chosen by hand), set the number and date format,
// validate with a dry run, then save the profile and import. Screenshots for review.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');

function foreignWms(dir: string): string {
  const out = join(dir, 'lager');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'Bestand_20261130.csv'),
    [
      'Artikel;Werk;Bestand;Reserviert;Gesperrt;Stand',
      'SKU-00001;P1;91,5;8;0;30.11.2026',
      'SKU-00002;P1;12;0;1;30.11.2026',
      'SKU-00003;D1;7;0;0;30.11.2026',
    ].join('\n') + '\n',
  );
  writeFileSync(join(out, 'Kommissionierung.csv'), 'Auftrag;Pos;Status;Sperre\nSO00000001;1;kommissioniert;\n');
  return out;
}

describe('onboarding a foreign export folder (browser)', () => {
  const dir = tempDir('planroom-test-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await startServe(join(dir, 'p.db'));
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set PLANROOM_BROWSER.');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    // A projector's resolution.
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(served.loginUrl);
    await page.locator('.frame[data-ready="true"]').waitFor();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('maps, validates and imports a folder with other headers, semicolons, decimal commas and day-first dates', async () => {
    await page.keyboard.press('5');
    await page.getByLabel('Your name').first().fill('Dana');
    const flow = page.locator('section[aria-label="Onboard an export folder"]');
    await flow.getByLabel('Source', { exact: true }).selectOption('WMS');
    await flow.getByLabel("Folder of this source's exports").fill(foreignWms(dir));
    await flow.getByLabel("Folder of this source's exports").press('Enter');

    // The default patterns find nothing: each mapping says so.
    const stock = flow.locator('section[aria-label="Mapping for stock"]');
    await expect.poll(() => stock.locator('.badge').textContent(), { timeout: 15_000 }).toBe('no file matches');
    await flow.getByLabel('File pattern for stock').fill('Bestand*.csv');
    await flow.getByLabel('File pattern for pick_status').fill('Kommissionierung*.csv');
    await flow.getByLabel('Delimiter').selectOption(';');
    await expect
      .poll(() => stock.locator('table[aria-label^="First rows"] th').allTextContents(), { timeout: 15_000 })
      .toEqual(['Artikel', 'Werk', 'Bestand', 'Reserviert', 'Gesperrt', 'Stand']);

    await stock.getByRole('button', { name: 'Use suggested headers' }).click();
    await expect.poll(() => flow.getByLabel('Header for stock.sku').inputValue()).toBe('Artikel');
    await expect.poll(() => flow.getByLabel('Header for stock.location').inputValue()).toBe('Werk');
    await expect.poll(() => flow.getByLabel('Header for stock.on_hand').inputValue()).toBe('Bestand');
    await expect.poll(() => flow.getByLabel('Header for stock.allocated').inputValue()).toBe('Reserviert');
    await expect.poll(() => flow.getByLabel('Header for stock.blocked').inputValue()).toBe('Gesperrt');
    await expect.poll(() => flow.getByLabel('Header for stock.as_of').inputValue()).toBe('Stand');
    const picks = flow.locator('section[aria-label="Mapping for pick_status"]');
    await picks.getByRole('button', { name: 'Use suggested headers' }).click();
    await expect.poll(() => flow.getByLabel('Header for pick_status.order_id').inputValue()).toBe('Auftrag');
    await expect.poll(() => flow.getByLabel('Header for pick_status.line').inputValue()).toBe('Pos');
    // A header no suggestion found, chosen by hand from the keyboard.
    await flow.getByLabel('Header for pick_status.constraint_code').focus();
    await flow.getByLabel('Header for pick_status.constraint_code').selectOption('Sperre');
    // The export's own status code is not a canonical one: mapped in place.
    await expect.poll(() => picks.textContent()).toContain('not allowed: kommissioniert');
    await picks.getByRole('button', { name: 'Map a value of pick_status.status' }).click();
    await picks.getByLabel('Export value 1 for pick_status.status').fill('kommissioniert');
    await picks.getByLabel('Canonical value 1 for pick_status.status').selectOption('picked');
    await expect.poll(() => picks.textContent()).not.toContain('not allowed');
    await expect.poll(() => stock.locator('.badge').textContent()).toBe('ready');
    await page.screenshot({ path: join(SHOTS, 'onboarding-mapped.png'), fullPage: true });

    // Validate as ISO first: the day-first dates and decimal commas are refused, every row listed.
    await flow.getByRole('button', { name: 'Validate (dry run)' }).click();
    const result = flow.locator('[aria-label="Validation result"]');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('Would not import');
    await expect.poll(() => result.locator('table[aria-label="Problems found"] tbody tr').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'onboarding-problems.png'), fullPage: true });
    expect(await flow.getByRole('button', { name: 'Save profile and import' }).isDisabled()).toBe(true);

    await flow.getByLabel('Decimal separator').selectOption(',');
    await flow.getByLabel('Date format').selectOption('dd.MM.yyyy');
    await flow.getByRole('button', { name: 'Validate (dry run)' }).click();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('Would import 4 rows');
    await flow.getByRole('button', { name: 'Save profile and import' }).click();
    await expect
      .poll(() => flow.locator('.ok-line').last().textContent(), { timeout: 30_000 })
      .toMatch(/WMS profile saved; snapshot #\d+ with 4 rows/);
    await page.screenshot({ path: join(SHOTS, 'onboarding-imported.png'), fullPage: true });
  }, 120_000);
});
