// A headless Chromium page signed in to a served Planroom: the one-time code went to the test's
// own session (served.cookie), and the browser gets the same cookie.
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../electron/openBrowser';
import type { Served } from './server';

export async function openSignedInPage(
  served: Served,
  viewport = { width: 1366, height: 768 },
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport });
  const [name, value] = (await served.cookie()).split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: served.url, httpOnly: true, sameSite: 'Strict' }]);
  return { browser, page };
}

/** Goes to the Sync page the way a user does: the app opens on the agenda, then key 6. */
export async function goToSyncPage(served: Served, page: Page, wait = { timeout: 60_000 }): Promise<void> {
  await page.goto(`${served.url}#/agenda`);
  await page.locator('.frame[data-ready="true"]').waitFor(wait);
  await page.keyboard.press('6');
}
