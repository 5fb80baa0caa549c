// Accessibility and polish (issue 16 item 7) in Chromium against the HTTP host on the demo
// company: the skip link, a title per page, the focus on the page's heading after a page change,
// an accessible name on every control (Chromium's own accessibility tree decides), no layout shift
// on load (CLS from 'layout-shift' entries, observed from before the first paint), no sideways
// scroll at 150% zoom of 1366x768, and the main column filling a 1920 px screen.
// Screenshots at 150% zoom and at 1920x1080 of each page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first exception list computes the cycle. */
const WAIT = { timeout: 30_000 };

/** Each page and what says it has loaded its data (the marker its own e2e tests wait on). */
const PAGES = [
  { id: 'agenda', label: 'Agenda', ready: 'section[aria-label="Current cycle"]' },
  {
    id: 'exceptions',
    label: 'Exceptions',
    ready: 'section[aria-label="Exceptions"][data-loading="false"] [role="row"][data-key]',
  },
  { id: 'scenarios', label: 'Scenarios', ready: 'section[aria-label="Scenarios"][data-loading="false"]' },
  { id: 'decisions', label: 'Decisions', ready: 'section[aria-label="Decisions"][data-loading="false"]' },
  { id: 'data', label: 'Data', ready: 'section[aria-label="Data"] table' },
] as const;

/**
 * Collects layout shifts from before the first paint (buffered), as the CLS of the page's life:
 * each shift's value summed, as Chromium reports them (shifts right after input excluded).
 */
const CLS_OBSERVER = `
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls += e.value;
      window.__shifts.push({ value: e.value, nodes: (e.sources || []).map((s) => s.node && s.node.outerHTML ? s.node.outerHTML.slice(0, 160) : String(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Controls (by Chromium's computed role) with no accessible name, described by their HTML. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
    };
    const roles = new Set([
      'button',
      'textbox',
      'searchbox',
      'combobox',
      'listbox',
      'checkbox',
      'radio',
      'spinbutton',
      'slider',
      'switch',
    ]);
    const bad: string[] = [];
    for (const n of nodes) {
      if (n.ignored || !roles.has(n.role?.value ?? '') || (n.name?.value ?? '').trim() !== '') continue;
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId })) as {
        object: { objectId: string };
      };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return this.outerHTML.slice(0, 200); }',
        returnByValue: true,
      })) as { result: { value: string } };
      bad.push(`${n.role!.value}: ${result.value}`);
    }
    return bad;
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(!findChromium())('accessibility and polish (browser)', () => {
  const dir = tempDir('planroom-polish-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    served = await startServe(join(dir, 'polish.db'));
    ({ browser, page } = await openSignedInPage(served));
    context = page.context();
    mkdirSync(SHOTS, { recursive: true });
    // The first exception list computes the cycle: done once here, not inside a page's CLS.
    await served.post('exception.list', { limit: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  /** A fresh page of its own viewport on the signed-in session, loaded and settled. */
  async function openPage(
    route: string,
    ready: string,
    viewport: { width: number; height: number },
    deviceScaleFactor = 1,
  ): Promise<{ p: Page; ctx: BrowserContext }> {
    const ctx = await browser.newContext({ viewport, deviceScaleFactor });
    await ctx.addCookies(await context.cookies());
    await ctx.addInitScript(CLS_OBSERVER);
    const p = await ctx.newPage();
    await p.goto(`${served.url}#/${route}`);
    await p.locator(ready).first().waitFor(WAIT);
    await p.waitForLoadState('networkidle');
    // Two frames: layout after the last response is done and its shifts are reported.
    await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    return { p, ctx };
  }

  it('starts with a skip link that shows on focus and moves the focus to the main content', async () => {
    await page.goto(`${served.url}#/exceptions`);
    await page.locator(PAGES[1].ready).first().waitFor(WAIT);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect.poll(() => skip.evaluate((el) => el.matches(':focus'))).toBe(true);
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'polish-skip-link.png'), clip: { x: 0, y: 0, width: 400, height: 80 } });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate("document.activeElement?.id ?? ''")).toBe('main');
    expect(page.url()).toMatch(/#\/exceptions$/);
    // The next Tab goes on inside the page, not back to the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>("!!document.activeElement?.closest('main')")).toBe(true);
  });

  it('titles each page with the page and the cycle, and focuses its heading after a page change', async () => {
    const cycle = ((await (await served.post('cycle.overview', {})).json()) as { data: { cycle: { name: string } } })
      .data.cycle.name;
    // From another page, so the first key is a page change too.
    await page.goto(`${served.url}#/sync`);
    await page.locator('main h1').waitFor(WAIT);
    for (const [i, p] of PAGES.entries()) {
      // The page keys work from anywhere but a text field (the last page's focus may be one).
      await page.evaluate('document.activeElement?.blur()');
      await page.keyboard.press(String(i === 4 ? 5 : i + 1));
      await page.locator(p.ready).first().waitFor(WAIT);
      await expect.poll(() => page.title()).toBe(`${p.label} · ${cycle} · Planroom`);
      await expect.poll(() => page.evaluate("document.activeElement?.tagName ?? ''")).toBe('H1');
    }
  });

  it('names every control on every page', async () => {
    const found: string[] = [];
    for (const p of PAGES) {
      await page.goto(`${served.url}#/${p.id}`);
      await page.locator(p.ready).first().waitFor(WAIT);
      await page.waitForLoadState('networkidle');
      found.push(...(await unnamedControls(page)).map((c) => `${p.id} ${c}`));
    }
    // The onboarding's mapping controls appear once a folder is looked at.
    const flow = page.locator('section[aria-label="Onboard an export folder"]');
    await flow.getByLabel('Source', { exact: true }).selectOption('WMS');
    await flow.getByLabel("Folder of this source's exports").fill(join(ROOT, 'assets', 'demo', 'wms'));
    await flow.getByLabel("Folder of this source's exports").press('Enter');
    await flow.locator('section[aria-label^="Mapping for"]').first().waitFor(WAIT);
    await page.waitForLoadState('networkidle');
    found.push(...(await unnamedControls(page)).map((c) => `data onboarding ${c}`));
    expect(found).toEqual([]);
  });

  it('finds a control without a name (the check above is not blind)', async () => {
    await page.goto(`${served.url}#/sync`);
    await page.locator('main h1').waitFor(WAIT);
    await page.evaluate(
      `document.querySelector('main').append(Object.assign(document.createElement('button'), { id: 'unnamed' }))`,
    );
    expect(await unnamedControls(page)).toEqual([expect.stringContaining('id="unnamed"')]);
    await page.evaluate(`document.getElementById('unnamed').remove()`);
  });

  it('keeps the focus in the attendance list when a name is added or removed', async () => {
    await page.goto(`${served.url}#/agenda`);
    const card = page.getByRole('region', { name: 'Attendance' });
    const add = card.getByRole('form', { name: 'Add an attendee' });
    await add.waitFor(WAIT);
    await card.getByLabel('Your name').fill('Dana');
    const name = add.getByLabel('Name', { exact: true });
    for (const n of ['Ana Lima', 'Ben Cho']) {
      await name.fill(n);
      await name.press('Enter');
      await expect.poll(() => card.getByRole('status').textContent(), WAIT).toBe(`${n} added, present.`);
      // Back in the Name field for the next arrival.
      await expect.poll(() => name.evaluate((el) => el.matches(':focus'))).toBe(true);
    }
    await card.getByRole('button', { name: 'Remove Ana Lima' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('status').textContent(), WAIT).toBe('Ana Lima removed.');
    // The row now in its place has the focus, not the page's body.
    await expect.poll(() => card.getByLabel('Ben Cho present').evaluate((el) => el.matches(':focus'))).toBe(true);
    await card.getByRole('button', { name: 'Remove Ben Cho' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => name.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
  });

  for (const p of PAGES) {
    it(`loads ${p.label} without layout shift (CLS < 0.1)`, async () => {
      const { p: tab, ctx } = await openPage(p.id, p.ready, { width: 1366, height: 768 });
      try {
        const cls = await tab.evaluate<{ cls: number; shifts: unknown[] }>(
          '({ cls: window.__cls, shifts: window.__shifts })',
        );
        expect(cls.cls, JSON.stringify(cls.shifts, null, 1)).toBeLessThan(0.1);
      } finally {
        await ctx.close();
      }
    });
  }

  for (const p of PAGES) {
    it(`does not scroll ${p.label} sideways at 150% zoom of 1366x768`, async () => {
      // 150% zoom of 1366x768: a 911x512 CSS px viewport drawn at 1.5 device pixels per px.
      const { p: tab, ctx } = await openPage(p.id, p.ready, { width: 911, height: 512 }, 1.5);
      try {
        const w = await tab.evaluate<{ scroll: number; client: number; wide: string[] }>(`(() => {
          const root = document.documentElement;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
            .slice(0, 5)
            .map((el) => el.outerHTML.slice(0, 120));
          return { scroll: root.scrollWidth, client: root.clientWidth, wide };
        })()`);
        expect(w.scroll, w.wide.join('\n')).toBeLessThanOrEqual(w.client);
        await tab.screenshot({ path: join(SHOTS, `polish-${p.id}-150.png`) });
      } finally {
        await ctx.close();
      }
    });
  }

  for (const p of PAGES) {
    it(`uses the width of a 1920x1080 screen on ${p.label}`, async () => {
      const { p: tab, ctx } = await openPage(p.id, p.ready, { width: 1920, height: 1080 });
      try {
        const width = await tab.evaluate<number>("document.querySelector('main').getBoundingClientRect().width");
        expect(width).toBeGreaterThanOrEqual(1700);
        await tab.screenshot({ path: join(SHOTS, `polish-${p.id}-1920.png`) });
      } finally {
        await ctx.close();
      }
    });
  }
});
