// What a browser makes of the host's guards: a foreign page cannot show Planroom in a frame, and a
// browser that did not sign in gets the app's page but no data, with what to do.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { findChromium, writeLaunchPage } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');

describe.skipIf(!findChromium())('host guards (browser)', () => {
  const dir = tempDir('planroom-guard-e2e-', 'all');
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    served = await startServe(join(dir, 'guard.db'));
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

  it("refuses to be framed by another page, even a signed-in browser's", async () => {
    const page = await browser.newPage();
    await page.goto(served.loginUrl);
    await page.locator('.frame[data-ready="true"]').waitFor();
    // Another site's page (another origin: localhost, not 127.0.0.1) framing the app.
    const foreign = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<iframe id="victim" src="${served.url}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((r) => foreign.listen(0, 'localhost', r));
    await page.goto(`http://localhost:${(foreign.address() as AddressInfo).port}/`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // Chromium replaces a refused frame with its error page; the app never runs in it.
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    await expect(frame.locator('#root').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, 'browser-framed-refused.png') });
    await new Promise((r) => foreign.close(r));
    await page.close();
  });

  it('signs a browser in through the launch page `--open` gives it (the code off its command line)', async () => {
    const own = await startServe(join(dir, 'launch.db'));
    try {
      const launch = writeLaunchPage(own.loginUrl, join(dir, 'launch'));
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(launch).href);
      await page.locator('.frame[data-ready="true"]').waitFor();
      await expect(page.locator('h1').textContent()).resolves.toBe('2026-12 S&OP (demo company)');
      expect(page.url()).toBe(own.url);
      await context.close();
      // The code is spent.
      expect((await fetch(own.loginUrl, { redirect: 'manual' })).status).toBe(403);
    } finally {
      await own.stop();
    }
  });

  it('shows a browser that did not sign in that it must open the printed address, and no data', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(served.url);
    await expect(page.locator('body').textContent()).resolves.toBeDefined();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/not signed in/);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/2026-12 S&OP/);
    await page.screenshot({ path: join(SHOTS, 'browser-not-signed-in.png') });
    await context.close();
  });
});
