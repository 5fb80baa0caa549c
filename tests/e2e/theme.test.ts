// The dark theme in Chromium: a browser whose OS asks for dark (Playwright's colorScheme) gets
// the app dark from the first paint; the "Theme" select at the foot of the navigation switches it
// to light and back and the choice survives a reload; presenter mode follows it; a chart is drawn
// again in the new theme. Screenshots of the agenda, the exceptions and a detail with its chart,
// the scenarios' charts, decisions, the capture dialog, data, sync, presenter mode, the room view
// and the top-bar navigation, in both themes: test-output/screenshots/theme-<scheme>-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first exception list computes the cycle. */
const WAIT = { timeout: 30_000 };
const SCENARIOS = ['Overtime P1', 'Promo +15%'];
const DECISION = 'Run a night shift on P1 for four weeks';

/** WCAG relative luminance of a computed `rgb(r, g, b)` colour; null when it is not one. */
function luminanceOf(css: string): number | null {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(css.trim());
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(Number(m[1])) + 0.7152 * lin(Number(m[2])) + 0.0722 * lin(Number(m[3]));
}

describe.skipIf(!findChromium())('light and dark theme (browser)', () => {
  const dir = tempDir('planroom-theme-e2e-', 'all');
  let served: Served;
  let browser: Browser;

  /** A signed-in page in a context whose OS colour scheme is `scheme`. */
  async function openPage(scheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: scheme });
    const [name, value] = (await served.cookie()).split('=') as [string, string];
    await context.addCookies([{ name, value, url: served.url, httpOnly: true, sameSite: 'Strict' }]);
    return { context, page: await context.newPage() };
  }
  const background = (page: Page, selector: string) =>
    page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).backgroundColor`);
  const dataTheme = (page: Page) => page.evaluate<string | null>("document.documentElement.getAttribute('data-theme')");
  const isDark = async (page: Page, selector: string): Promise<boolean> =>
    (luminanceOf(await background(page, selector)) ?? 1) < 0.05;
  const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

  async function ready(page: Page, hash = '#/agenda'): Promise<void> {
    await page.goto(`${served.url}${hash}`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
  }

  /** Every page the review looks at, in `scheme`, shot at 1366x768. */
  async function shootAll(page: Page, scheme: string): Promise<void> {
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `theme-${scheme}-${name}.png`) });
    await ready(page);
    await page.getByRole('region', { name: 'Meeting run' }).waitFor(WAIT);
    await shot('agenda');
    await page.keyboard.press('2');
    const grid = page.getByRole('grid', { name: 'Ranked exceptions' });
    await page.locator('section[aria-label="Exceptions"][data-loading="false"]').waitFor(WAIT);
    await grid.locator('[role="row"][data-key]').first().waitFor(WAIT);
    await shot('exceptions');
    await page.getByRole('combobox', { name: /^Type/ }).selectOption('below_safety_stock');
    const first = grid.locator('[role="row"][data-key^="below_safety_stock"]').first();
    await first.waitFor(WAIT);
    await first.click();
    const detail = page.getByRole('group', { name: 'Exception detail' });
    await detail.locator('.echart canvas').first().waitFor(WAIT);
    await detail.locator('section.exc-chart').scrollIntoViewIfNeeded();
    await shot('exception-detail');
    await page.keyboard.press('Escape');
    await page.keyboard.press('3');
    await page.locator('.echart canvas').first().waitFor(WAIT);
    await shot('scenarios');
    // The trade-off charts: the two scenarios compared with the baseline.
    for (const name of SCENARIOS) await page.getByLabel(`Compare ${name}`).check();
    const tradeoffs = page.getByTestId('tradeoff-charts');
    await tradeoffs.locator('canvas').first().waitFor(WAIT);
    await tradeoffs.scrollIntoViewIfNeeded();
    await shot('scenarios-tradeoffs');
    await page.keyboard.press('4');
    await page.getByRole('heading', { level: 1, name: /Decisions/ }).waitFor(WAIT);
    await page.getByText(DECISION).first().waitFor(WAIT);
    await shot('decisions');
    // The capture dialog over the page (n), then closed.
    await page.keyboard.press('n');
    await page.getByRole('dialog').waitFor(WAIT);
    await shot('capture');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('5');
    await page.getByRole('heading', { level: 1, name: /Data/ }).waitFor(WAIT);
    await shot('data');
    await page.keyboard.press('6');
    await page.getByRole('heading', { level: 1, name: /Sync/ }).waitFor(WAIT);
    await shot('sync');
    await page.keyboard.press('1');
    await page.getByRole('region', { name: 'Meeting run' }).waitFor(WAIT);
    await page.keyboard.press('f');
    await page.getByRole('banner', { name: 'Facilitator' }).waitFor(WAIT);
    await shot('presenter');
    await page.keyboard.press('Escape');
    // The room view (the projector's window) and the navigation as a top bar at 1000 px.
    await page.goto(`${served.url}#/room`);
    await page.reload(); // a hash change alone keeps the app: the room view is chosen at start
    await page.locator('.room-view').waitFor(WAIT);
    await shot('room');
    await page.setViewportSize({ width: 1000, height: 768 });
    await page.goto(`${served.url}#/exceptions`);
    await page.reload();
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    await page.locator('section[aria-label="Exceptions"][data-loading="false"]').waitFor(WAIT);
    await shot('exceptions-1000');
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  beforeAll(async () => {
    served = await startServe(join(dir, 'theme.db'));
    // Something on every page: two scenarios to compare, a decision in the log.
    const post = async (name: string, body: unknown): Promise<void> => {
      const out = (await (await served.post(name, body)).json()) as { ok: boolean; error?: unknown };
      if (!out.ok) throw new Error(`${name}: ${JSON.stringify(out.error)}`);
    };
    for (const name of SCENARIOS) await post('scenario.create', { name, owner: 'COO', by: 'Facilitator' });
    await post('decision.add', { title: DECISION, owner: 'COO', due: '+2w', by: 'Facilitator' });
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('light screenshots: every page in the light theme', async () => {
    const { context, page } = await openPage('light');
    await shootAll(page, 'light');
    await context.close();
  });

  it('comes up dark when the OS asks for dark, before any choice is made', async () => {
    const { context, page } = await openPage('dark');
    await ready(page);
    expect(await dataTheme(page)).toBe('system');
    expect(await isDark(page, 'body')).toBe(true);
    expect(await isDark(page, '.card')).toBe(true);
    await context.close();
  });

  it('the Theme select switches to light and back, and the choice survives a reload', async () => {
    const { context, page } = await openPage('dark');
    await ready(page);
    const select = themeSelect(page);
    expect(await select.inputValue()).toBe('system');
    await select.focus();
    await select.selectOption('light');
    await expect.poll(() => dataTheme(page)).toBe('light');
    expect(await isDark(page, 'body')).toBe(false);
    expect(await isDark(page, '.card')).toBe(false);
    await page.reload();
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    expect(await dataTheme(page)).toBe('light');
    expect(await isDark(page, 'body')).toBe(false);
    expect(await themeSelect(page).inputValue()).toBe('light');
    await themeSelect(page).selectOption('dark');
    await expect.poll(() => isDark(page, 'body')).toBe(true);
    await themeSelect(page).selectOption('system');
    await expect.poll(() => dataTheme(page)).toBe('system');
    expect(await isDark(page, 'body')).toBe(true);
    await context.close();
  });

  it('a chosen Dark wins over a light OS, presenter mode included', async () => {
    const { context, page } = await openPage('light');
    await ready(page);
    expect(await isDark(page, 'body')).toBe(false);
    await themeSelect(page).selectOption('dark');
    await expect.poll(() => isDark(page, 'body')).toBe(true);
    await page.getByRole('region', { name: 'Meeting run' }).waitFor(WAIT);
    await page.keyboard.press('f');
    await page.getByRole('banner', { name: 'Facilitator' }).waitFor(WAIT);
    expect(await isDark(page, 'body')).toBe(true);
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('redraws a chart in the new theme when the choice changes', async () => {
    const { context, page } = await openPage('dark');
    await ready(page, '#/scenarios');
    const chart = page.locator('.echart').first();
    await chart.locator('canvas').waitFor(WAIT);
    expect(await chart.getAttribute('data-theme-drawn')).toBe('dark');
    await themeSelect(page).selectOption('light');
    await expect.poll(() => chart.getAttribute('data-theme-drawn')).toBe('light');
    await themeSelect(page).selectOption('system');
    await expect.poll(() => chart.getAttribute('data-theme-drawn')).toBe('dark');
    await context.close();
  });

  it('dark screenshots: every page, presenter mode dark too', async () => {
    const { context, page } = await openPage('dark');
    await shootAll(page, 'dark');
    await ready(page);
    await page.keyboard.press('f');
    await page.getByRole('banner', { name: 'Facilitator' }).waitFor(WAIT);
    expect(await isDark(page, 'body')).toBe(true);
    await context.close();
  });
});
