// The "cold start" figure (BENCHMARKS.md): browser mode from process start to the agenda page
// interactive in headless Chromium, on a database made before (not a first run), beside the same
// process start to a static page served by the same host (dist/renderer/peer.html, a few bytes
// the build copies from renderer/public). Each of RUNS runs starts `planroom serve` on a fresh
// copy of the database, waits for its ready line, opens the sign-in address in a fresh browser
// context (the browser itself is launched before any timer) and stops the timer when the agenda's
// first item link is visible in a ready frame: the first thing a facilitator can act on.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../electron/openBrowser';
import { openDatabase, removeDatabaseFiles } from '../../electron/db/open';
import { openReadConnection } from '../../electron/db/readConnection';
import type { DemoSize } from '../../electron/demo/company';
import { generateDemo } from '../../electron/demo/generate';
import { EngineHost } from '../../electron/engine/engineHost';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { createHandlers } from '../../electron/services/handlers';
import { dispatch } from '../../shared/dispatch';
import type { Figure } from './figure';

const RUNS = 5;
/** BENCHMARKS.md: the limits a person feels; none is named for the other sizes. */
const TARGET_SECS: Partial<Record<DemoSize, number>> = { S: 1.5, L: 3 };
/** What a user can act on: an agenda item's link, in a frame that has its data. */
const AGENDA_READY = '.frame[data-ready="true"] ol.agenda-list > li a.agenda-open';
const PEER_PAGE = 'peer.html';
const PEER_READY = '#peer';

interface Run {
  /** Process start to the ready line. */
  readySecs: number;
  /** Process start to the page's selector visible. */
  totalSecs: number;
}

/**
 * One figure per size: `sizes` in order, without repeats. `demoDirOf` hands over a demo folder
 * of that size the caller generated already (the run's own --size), else one is generated.
 */
export async function benchColdStart(
  work: string,
  sizes: DemoSize[],
  demoDirOf: (size: DemoSize) => string | undefined = () => undefined,
): Promise<Figure[]> {
  const executablePath = findChromium();
  const unique = [...new Set(sizes)];
  if (!executablePath) {
    return unique.map((s) => missing(s, 'Chromium not found (apt-get install chromium, or PLANROOM_BROWSER)'));
  }
  const dir = join(work, 'cold');
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const figures: Figure[] = [];
  try {
    for (const size of unique) {
      const db = await coldDatabase(dir, size, demoDirOf(size));
      const app: Run[] = [];
      const peer: Run[] = [];
      // Interleaved, so a noisy moment of the machine falls on both sides alike.
      for (let i = 0; i < RUNS; i++) {
        app.push(await timedStart(browser, db, join(dir, `run-${size}.db`), '', AGENDA_READY));
        peer.push(await timedStart(browser, db, join(dir, `run-${size}.db`), PEER_PAGE, PEER_READY));
      }
      figures.push(figure(size, app, peer));
      removeDatabaseFiles(db);
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/** The demo company of `size` imported, its cycle created and computed, closed (WAL checkpointed). */
async function coldDatabase(dir: string, size: DemoSize, demoDir: string | undefined): Promise<string> {
  const path = join(dir, `cold-${size}.db`);
  let source = demoDir;
  if (!source && size !== 'S') {
    source = join(dir, `demo-${size}`);
    await generateDemo({ size, out: source });
  }
  const db = openDatabase(path);
  const read = openReadConnection(db);
  const engine = new EngineHost(path);
  try {
    await loadDemoCompany(db, source);
    // As a second start finds it: the results of the last start stored.
    const handlers = createHandlers({ db, read, dbPath: path, version: 'bench', engine });
    const r = await dispatch(handlers, 'exception.list', { limit: 1 });
    if (!r.ok) throw new Error(`cold start bench: computing the ${size} cycle failed: ${r.error.message}`);
  } finally {
    await engine.close();
    read.close();
    // Everything in the database file: each run copies that file alone.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  if (source && source !== demoDir) rmSync(source, { recursive: true, force: true });
  return path;
}

/** One start on a fresh copy of `db`: the ready line, then `page` (relative to the app) until `selector` shows. */
async function timedStart(browser: Browser, db: string, copy: string, page: string, selector: string): Promise<Run> {
  removeDatabaseFiles(copy);
  copyFileSync(db, copy);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  let child: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    child = spawn(process.execPath, [join(process.cwd(), 'bin', 'planroom.cjs'), 'serve', '--port', '0', '--db', copy], {
      env: { ...process.env, PLANROOM_DB: '', PLANROOM_LOG: join(copy, '..', 'planroom.log') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const loginUrl = await readyLine(child);
    const readySecs = (performance.now() - t0) / 1000;
    const tab = await context.newPage();
    // The sign-in address sets the session cookie and goes on to the app; the peer needs none.
    await tab.goto(page === '' ? loginUrl : new URL(page, loginUrl).href);
    await tab.locator(selector).first().waitFor({ state: 'visible', timeout: 120_000 });
    return { readySecs, totalSecs: (performance.now() - t0) / 1000 };
  } finally {
    await context.close();
    if (child) await stop(child);
    removeDatabaseFiles(copy);
  }
}

/** The address of `planroom serve`'s ready line; rejects with its output when it exits first. */
function readyLine(child: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Planroom ready at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`planroom serve exited with ${code}:\n${out}\n${err}`)));
  });
}

/** SIGTERM (serve closes its host and database on it), then waits for the exit. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)} s`;

function figure(size: DemoSize, app: Run[], peer: Run[]): Figure {
  const total = median(app.map((r) => r.totalSecs));
  const peerTotal = median(peer.map((r) => r.totalSecs));
  const target = TARGET_SECS[size];
  return {
    figure: `cold start ${size}`,
    value:
      `${total.toFixed(2)} s median to the agenda interactive (${spread(app.map((r) => r.totalSecs))}, ${app.length} runs; ` +
      `ready line at ${median(app.map((r) => r.readySecs)).toFixed(2)} s)`,
    peer: `static page ${peerTotal.toFixed(2)} s median (${spread(peer.map((r) => r.totalSecs))}; ready line at ${median(peer.map((r) => r.readySecs)).toFixed(2)} s)`,
    ratio: total / peerTotal,
    target: target === undefined ? '-' : `<= ${target} s`,
    pass: target === undefined ? null : total <= target,
  };
}

function missing(size: DemoSize, why: string): Figure {
  const target = TARGET_SECS[size];
  return {
    figure: `cold start ${size}`,
    value: why,
    peer: '-',
    ratio: null,
    target: target === undefined ? '-' : `<= ${target} s`,
    pass: null,
  };
}
