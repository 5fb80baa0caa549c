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
