// The desktop menu's commands and folder dialogs in the real renderer, without Electron: a fake
// window.planroom (injected before the page's scripts, as the preload would be) forwards calls to
// the HTTP host, records onCommand's listener so the test can "choose" a menu item, and answers
// the folder dialog with a fixed path. Each command lands where a user would go by hand; browser
// mode (no bridge) shows no "Choose folder…" button. Screenshots are saved for review.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const PICKED = '/srv/exports/erp-picked';

// Runs in the page before the app: the bridge the preload would expose, over HTTP.
const FAKE_BRIDGE = `
  window.__desktop = { listener: null, picks: [], fullScreen: [] };
  window.planroom = {
    call: (name, input) =>
      fetch('api/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
        .then((r) => r.json()),
    setFullScreen: async (on) => { window.__desktop.fullScreen.push(on); },
    onCommand: (listener) => {
      window.__desktop.listener = listener;
      return () => { window.__desktop.listener = null; };
    },
    pickFolder: async (pick) => { window.__desktop.picks.push(pick); return ${JSON.stringify(PICKED)}; },
  };
`;

describe.skipIf(!findChromium())('desktop menu commands and folder dialogs (fake bridge)', () => {
  const dir = tempDir('planroom-desktop-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  /** What the main process does for a menu item: the command to the page's listener. */
  const choose = (command: string) =>
    page.evaluate(`window.__desktop.listener(${JSON.stringify(command)})`) as Promise<void>;
  const focusedId = () => page.evaluate<string>("document.activeElement?.id ?? ''");
  const hash = () => page.evaluate<string>('window.location.hash');

  beforeAll(async () => {
    served = await startServe(join(dir, 'desktop.db'));
    ({ browser, page } = await openSignedInPage(served));
    await page.addInitScript(FAKE_BRIDGE);
    await page.goto(`${served.url}#/agenda`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('subscribes once to the menu commands', async () => {
    expect(await page.evaluate<boolean>('typeof window.__desktop.listener === "function"')).toBe(true);
  });

  it('File > Import goes to the Data page and focuses the export folder', async () => {
    await choose('import');
    await page.waitForFunction(`document.activeElement?.id === 'import-folder'`, undefined, WAIT);
    expect(await hash()).toBe('#/data');
  });

  it('Choose folder… fills the field from the folder dialog', async () => {
    const form = page.getByRole('form', { name: 'Import exports' });
    await form.getByRole('button', { name: 'Choose folder… for ERP export folder' }).click();
    await expect.poll(() => form.getByRole('textbox', { name: 'Export folder' }).inputValue()).toBe(PICKED);
    expect(await page.evaluate('window.__desktop.picks')).toEqual([{ title: 'ERP export folder' }]);
    // Asked again, the dialog opens where the field points.
    await form.getByRole('button', { name: /^Choose folder…/ }).click();
    await expect
      .poll(() => page.evaluate('window.__desktop.picks[1]'))
      .toEqual({ title: 'ERP export folder', defaultPath: PICKED });
    await page.locator('#import-folder').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'desktop-choose-folder.png') });
  });

  it('shows Choose folder… beside the onboarding, source and file drop folders too', async () => {
    // The import form's and the ERP source connection's, and the onboarding's.
    expect(await page.getByRole('button', { name: 'Choose folder… for ERP export folder' }).count()).toBe(2);
    await page.getByRole('button', { name: 'Choose folder… for Folder of the ERP exports' }).waitFor(WAIT);
    await page.keyboard.press('Escape');
    await page.locator('#main').focus();
    await page.keyboard.press('6');
    const drop = page.getByRole('button', { name: 'Choose folder… for Folder the other system reads' });
    await drop.waitFor(WAIT);
    await drop.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'desktop-choose-folder-file-drop.png') });
  });

  it('File > New cycle focuses the new cycle form', async () => {
    await choose('new-cycle');
    await page.waitForFunction(`document.activeElement?.id === 'new-cycle-name'`, undefined, WAIT);
    expect(await hash()).toBe('#/data');
  });

  it('View > Presenter mode toggles presenter mode as f does', async () => {
    await choose('presenter');
    await page.waitForFunction(`document.documentElement.classList.contains('presenting')`, undefined, WAIT);
    await choose('presenter');
    await page.waitForFunction(`!document.documentElement.classList.contains('presenting')`, undefined, WAIT);
    expect(await page.evaluate('window.__desktop.fullScreen')).toEqual([true, false]);
  });

  it('Help > Keyboard shortcuts opens the ? dialog', async () => {
    await choose('shortcuts');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor(WAIT);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
  });

  it('File > Export minutes saves the minutes from the Decisions page', async () => {
    const download = page.waitForEvent('download', WAIT);
    await choose('export-minutes');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await hash()).toBe('#/decisions');
    expect(await focusedId()).toBe('export-minutes-pdf');
    await page.getByRole('group', { name: 'Export' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor(WAIT);
  });

  it('in browser mode (no bridge) has no Choose folder… button', async () => {
    const plain = await browser.newPage();
    await plain.context().addCookies(await page.context().cookies());
    await plain.goto(`${served.url}#/data`);
    await plain.locator('.frame[data-ready="true"]').waitFor(WAIT);
    await plain.getByRole('form', { name: 'Import exports' }).waitFor(WAIT);
    expect(await plain.getByRole('button', { name: /Choose folder/ }).count()).toBe(0);
    await plain.close();
  });
});
