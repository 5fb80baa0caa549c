// The "long lists" figure (BENCHMARKS.md): the Exceptions page with 10k exceptions, scrolled from
// top to bottom in headless Chromium. Measured in the page: the most rows the list holds in the
// DOM, and the time between animation frames while a requestAnimationFrame loop moves scrollTop
// by half a list height each frame (a fast fling; each frame brings a new set of rows).
// Headless Chromium paces frames at 60 Hz, which would make every delta 16.7 ms whatever the
// work: it runs with --disable-frame-rate-limit and --disable-gpu-vsync, so a delta is the
// frame's own cost (script, style, layout, paint) plus the browser's overhead, not the vsync.
// BENCHMARKS.md names no peer; the same rows as one plain list of <li> in the same page are one,
// to show what the virtual list saves.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../../electron/openBrowser';
import { longListDatabase } from './longListFixture';
import type { Figure } from './figure';


const COUNT = 10_000;
const FIGURE = 'long lists (10k exceptions)';
const TARGET = '< 500 DOM rows, p95 frame < 16 ms';

interface Scrolled {
  maxRows: number;
  frames: number;
  p95: number;
  median: number;
}

/** Runs in the page (called with its arguments written in): scrolls `box` to its end, one step a frame, counting rows and frame deltas. */
const SCROLL = `async ([box, rowSelector]) => {
  const el = document.querySelector(box);
  const step = Math.max(1, Math.floor(el.clientHeight / 2));
  const deltas = [];
  let maxRows = 0;
  let last = 0;
  el.scrollTop = 0;
  await new Promise((done) => {
    const tick = (t) => {
      deltas.push(t - last);
      last = t;
      maxRows = Math.max(maxRows, el.querySelectorAll(rowSelector).length);
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return done();
      el.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  });
  const sorted = deltas.slice().sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { maxRows, frames: deltas.length, p95: at(0.95), median: at(0.5) };
}`;

/** Runs in the page: the same rows from the API as one plain list of <li>, over the page. */
const PLAIN_LIST = `async (total) => {
  const rows = [];
  for (let offset = 0; offset < total; offset += 1000) {
    const res = await fetch('/api/exception.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 1000, offset }),
    });
    rows.push(...(await res.json()).data.rows);
  }
  const body = document.querySelector('.exc-body').getBoundingClientRect();
  const box = document.createElement('div');
  box.id = 'plain-list';
  box.style.cssText = 'position:fixed;overflow:auto;background:#fff;z-index:1000;left:' + body.left + 'px;top:' +
    body.top + 'px;width:' + body.width + 'px;height:' + body.height + 'px';
  const ul = document.createElement('ul');
  for (const [i, r] of rows.entries()) {
    const li = document.createElement('li');
    li.textContent = (i + 1) + '  ' + Math.round(r.valueAtRisk).toLocaleString() + '  ' + r.type + '  ' +
      (r.sku ?? r.resource ?? r.lane ?? r.kpiId ?? '') + (r.location ? ' @ ' + r.location : '') + '  ' + r.reviewStatus;
    ul.append(li);
  }
  box.append(ul);
  document.body.append(box);
  return rows.length;
}`;

export async function benchLongList(work: string): Promise<Figure> {
  const executablePath = findChromium();
  if (!executablePath) return missing('Chromium not found (apt-get install chromium, or PLANROOM_BROWSER)');
  const dbPath = join(work, 'long-list.db');
  const total = await longListDatabase(dbPath, COUNT);
  const server = await serve(dbPath);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // The one-time sign-in address sets the session cookie and goes on to the app.
    await page.goto(server.loginUrl);
    await page.goto(`${new URL('/', server.loginUrl).href}#/exceptions`);
    await page.locator('.exc-body [role="row"][data-key]').first().waitFor({ timeout: 60_000 });
    await page.locator(`[role="grid"][aria-rowcount="${total + 1}"]`).waitFor({ timeout: 60_000 });
    // The first pass fetches each window of rows as it scrolls in (what the room sees); the
    // second finds them all fetched, which separates the list's own rendering from the fetching.
    const virtual = await scroll(page, '.exc-body', '[role="row"]');
    const warm = await scroll(page, '.exc-body', '[role="row"]');
    const plainRows = await page.evaluate<number>(`(${PLAIN_LIST})(${total})`);
    const plain = await scroll(page, '#plain-list', 'li');
    return {
      figure: FIGURE,
      value:
        `${virtual.maxRows} DOM rows at most, p95 frame ${virtual.p95.toFixed(1)} ms (median ${virtual.median.toFixed(1)} ms, ` +
        `${virtual.frames} frames, ${total.toLocaleString('en')} rows; again with every row fetched: p95 ${warm.p95.toFixed(1)} ms, median ${warm.median.toFixed(1)} ms)`,
      peer: `plain list of ${plainRows.toLocaleString('en')} <li>: ${plain.maxRows.toLocaleString('en')} DOM rows, p95 frame ${plain.p95.toFixed(1)} ms (median ${plain.median.toFixed(1)} ms)`,
      ratio: plain.p95 > 0 ? virtual.p95 / plain.p95 : null,
      target: TARGET,
      pass: virtual.maxRows < 500 && virtual.p95 < 16,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function scroll(page: Page, box: string, rowSelector: string): Promise<Scrolled> {
  return page.evaluate<Scrolled>(`(${SCROLL})(${JSON.stringify([box, rowSelector])})`);
}

function missing(why: string): Figure {
  return { figure: FIGURE, value: why, peer: '-', ratio: null, target: TARGET, pass: null };
}

/** `planroom serve` on the scratch database (from the repository root, as `npm run bench` runs). */
function serve(dbPath: string): Promise<{ loginUrl: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(process.cwd(), 'bin', 'planroom.cjs'), 'serve', '--port', '0', '--db', dbPath],
    { env: { ...process.env, PLANROOM_DB: '', PLANROOM_LOG: join(dbPath, '..', 'planroom.log') } },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Planroom ready at (\S+)/.exec(out);
      if (m)
        resolve({
          loginUrl: m[1]!,
          stop: () =>
            new Promise((r) => {
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`planroom serve exited with ${code}: ${out}`)));
  });
}
