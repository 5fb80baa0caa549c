// `npm run bench -- --size M`: each figure beside a peer measured in the same run, printed as
// `figure  value  peer  ratio  target  PASS|MISS` and written to bench/results.json.
// `--only push` runs the one figure that needs no demo company (and no --size); `--only pull` the
// pull figures with the file import they are measured beside; `--only cold` the cold start with
// S and L (and --size).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { workerData } from 'node:worker_threads';
import { canonicalTable, SOURCE_SYSTEMS } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { openDatabase } from '../../electron/db/open';
import { DEMO_SIZES, type DemoSize } from '../../electron/demo/company';
import { generateDemo } from '../../electron/demo/generate';
import { importSource } from '../../electron/snapshots/importSource';
import { createCycle } from '../../electron/services/cycles';
import type { WriteDb } from '../../electron/db/types';
import type { Manifest } from '../../electron/demo/generate';
import { benchColdStart } from './coldStartBench';
import { benchLongList } from './longListBench';
import { benchPull } from './pullBench';
import { isFeedWorker, runFeedWorker } from './pullFeedWorker';
import { benchPush } from './pushBench';
import { benchRecompute } from './recomputeBench';
import type { Figure } from './figure';


const { values } = parseArgs({ options: { size: { type: 'string', default: 'M' }, only: { type: 'string' } } });
const size = String(values.size).toUpperCase() as DemoSize;
if (!DEMO_SIZES.includes(size)) {
  console.error(`bench: --size must be one of ${DEMO_SIZES.join(', ')}`);
  process.exit(2);
}

const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, (performance.now() - t0) / 1000];
};

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'planroom-bench-'));
  const figures: Figure[] = [];
  try {
    if (values.only === 'push') figures.push(...(await benchPush(work)));
    else if (values.only === 'pull') figures.push(...(await pullFigures(work)));
    else if (values.only === 'cold') figures.push(...(await benchColdStart(work, ['S', 'L', size])));
    else figures.push(...(await allFigures(work)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  print(figures);
  mkdirSync('bench', { recursive: true });
  writeFileSync(join('bench', 'results.json'), JSON.stringify({ size, at: new Date().toISOString(), figures }, null, 2));
}

/** `--only pull`: the demo's files imported (the peer), then the same company pulled. */
async function pullFigures(work: string): Promise<Figure[]> {
  const dir = join(work, 'demo');
  await generateDemo({ size, out: dir });
  const db = openDatabase(join(work, 'planroom.db'));
  const [, importSecs] = await time(async () => {
    for (const s of SOURCE_SYSTEMS) await importSource(db, s, join(dir, s.toLowerCase()));
  });
  db.close();
  return benchPull(work, size, importSecs);
}

async function allFigures(work: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = join(work, 'demo');
    const [files, genSecs] = await time(() => generateDemo({ size, out: dir }));
    const genRows = files.reduce((n, f) => n + f.rows, 0);
    // The peer reads the CSV files only (sqlite3 cannot read workbooks).
    const csvRows = files.filter((f) => f.path.endsWith('.csv')).reduce((n, f) => n + f.rows, 0);

    // Import: Planroom's parse + map + validate + commit, beside sqlite3's bare `.import`.
    const db = openDatabase(join(work, 'planroom.db'));
    let rss = process.memoryUsage().rss;
    const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 50);
    const [, importSecs] = await time(async () => {
      for (const s of SOURCE_SYSTEMS) await importSource(db, s, join(dir, s.toLowerCase()));
    });
    clearInterval(timer);
    figures.push(...(await recomputeFigures(db, dir)));
    db.close();
    const importRate = genRows / importSecs;
    const peerSecs = sqliteCliImport(work, dir);
    const ratio = peerSecs === null ? null : importSecs / peerSecs;
    figures.push({
      figure: `import ${size}`,
      value: `${importSecs.toFixed(2)} s (${Math.round(importRate).toLocaleString('en')} rows/s, peak RSS ${Math.round(rss / 2 ** 20)} MB)`,
      // The peer's own rate says what one core of this machine reaches at all, parsing in C.
      peer:
        peerSecs === null
          ? 'sqlite3 CLI not installed'
          : `sqlite3 .import ${peerSecs.toFixed(2)} s (${Math.round(csvRows / peerSecs).toLocaleString('en')} rows/s)`,
      ratio,
      target: '<= 1.5x, >= 500k rows/s',
      pass: ratio === null ? null : ratio <= 1.5 && importRate >= 500_000,
    });
    figures.push({
      figure: `demo ${size} generation`,
      value: `${genSecs.toFixed(2)} s (${genRows.toLocaleString('en')} rows)`,
      peer: `import of the same files ${importSecs.toFixed(2)} s`,
      ratio: genSecs / importSecs,
      target: '-',
      pass: null,
    });
    // The demo company's exceptions brought to 10k, whatever --size: no size has as many.
    figures.push(await benchLongList(work));
    // 10k decision events to a PostgreSQL hub started for it, whatever --size.
    figures.push(...(await benchPush(work)));
    // The same company pulled from an OData service and from PostgreSQL, beside the file import.
    figures.push(...(await benchPull(work, size, importSecs)));
    // Process start to the agenda interactive, S and L (BENCHMARKS.md) and this run's size.
    figures.push(...(await benchColdStart(work, ['S', 'L', size], (s) => (s === size ? dir : undefined))));
  return figures;
}

/** The peer: the Debian sqlite3 CLI importing the same CSV files into the same tables. */
/** Recompute and memory: the engine on the imported company's cycle beside DuckDB and SQLite. */
async function recomputeFigures(db: WriteDb, dir: string): Promise<Figure[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'erp', 'manifest.json'), 'utf8')) as Manifest;
  const cycle = await createCycle(db, {
    name: 'bench',
    meetingAt: manifest.company.meeting_at,
    startPeriod: manifest.company.start_period,
    horizon: manifest.company.horizon,
  });
  const r = await benchRecompute(db, cycle.id);
  const speedup = r.duckdbMs / r.engineMs;
  const memoryTarget = size === 'XL' ? 2048 : size === 'L' ? 600 : null;
  return [
    {
      figure: `recompute ${size}`,
      value: `${r.engineMs.toFixed(1)} ms (${r.exceptions.toLocaleString('en')} exceptions; arrays loaded in ${Math.round(r.loadMs)} ms)`,
      peer: `DuckDB ${r.duckdbMs.toFixed(1)} ms, SQLite ${r.sqliteMs.toFixed(1)} ms${r.agree ? '' : ' (DISAGREE on breaches)'}`,
      ratio: r.engineMs / r.duckdbMs,
      target: '<= 250 ms, >= 5x faster than DuckDB',
      pass: r.agree && r.engineMs <= 250 && speedup >= 5,
    },
    {
      figure: `lever ${size}`,
      value: `${Math.max(...r.levers.changes.map((c) => c.ms)).toFixed(1)} ms worst of: ${r.levers.changes
        .map((c) => `${c.lever} ${c.ms.toFixed(1)} ms (${c.itemLocations.toLocaleString('en')} item-locations, ${c.lines.toLocaleString('en')} lines)`)
        .join('; ')}`,
      peer: `full recompute ${r.levers.fullMs.toFixed(1)} ms${r.levers.agree ? '' : ' (DISAGREE with the incremental result)'}`,
      ratio: Math.max(...r.levers.changes.map((c) => c.ms)) / r.levers.fullMs,
      target: '<= 100 ms',
      pass: r.levers.agree && Math.max(...r.levers.changes.map((c) => c.ms)) <= 100,
    },
    {
      figure: `memory ${size}`,
      value: `${Math.round(r.rssMb)} MB RSS with the cycle loaded and computed`,
      peer: '-',
      ratio: null,
      target: memoryTarget === null ? '-' : `<= ${memoryTarget} MB`,
      pass: memoryTarget === null ? null : r.rssMb <= memoryTarget,
    },
  ];
}

function sqliteCliImport(work: string, dir: string): number | null {
  if (spawnSync('sqlite3', ['-version']).status !== 0) return null;
  const db = join(work, 'peer.db');
  const script = ['.mode csv'];
  for (const s of SOURCE_SYSTEMS) {
    for (const f of DEFAULT_PROFILES[s].files) {
      if (!f.file.endsWith('.csv')) continue;
      // The same columns, types and key as the canonical table, in the file's column order.
      const table = canonicalTable(f.table);
      const cols = Object.keys(f.columns).map((name) => {
        const c = table.columns.find((x) => x.name === name)!;
        const type = c.type === 'real' ? 'REAL' : c.type === 'int' || c.type === 'bool' ? 'INTEGER' : 'TEXT';
        return `${name} ${type}${c.optional ? '' : ' NOT NULL'}`;
      });
      script.push(`CREATE TABLE peer_${f.table} (${cols.join(', ')}, PRIMARY KEY (${table.key.join(', ')})) WITHOUT ROWID;`);
      script.push(`.import --skip 1 ${join(dir, s.toLowerCase(), f.file.replace('*', ''))} peer_${f.table}`);
    }
  }
  const [, secs] = timeSync(() => spawnSync('sqlite3', [db], { input: script.join('\n'), stdio: ['pipe', 'ignore', 'inherit'] }));
  return secs;
}

function timeSync<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, (performance.now() - t0) / 1000];
}

function print(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.figure,
    f.value,
    f.peer,
    f.ratio === null ? '-' : `${f.ratio.toFixed(2)}x`,
    f.target,
    f.pass === null ? '-' : f.pass ? 'PASS' : 'MISS',
  ]);
  const head = ['figure', 'value', 'peer', 'ratio', 'target', 'PASS|MISS'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

// The pull bench runs its OData service as a worker of this same file (pullFeedWorker.ts).
if (isFeedWorker(workerData)) void runFeedWorker();
else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
