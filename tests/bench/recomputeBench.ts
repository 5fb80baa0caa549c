// The "recompute" figure: projection + KPIs + exceptions from SQLite-loaded arrays, beside the
// same projection as one SQL window query in DuckDB and in SQLite, in the same run. Both peers
// get the snapshot set's rows with periods already numbered (the engine's load does the same),
// and only compute demand, PAB with its safety-stock breaches and resource load: less than the
// engine does, which is fair to them.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import { cycleFrame, loadModel } from '../../electron/engine/loadModel';
import { listKpiDefinitions } from '../../electron/db/repos/planningSettings';
import type { ReadDb } from '../../electron/db/types';
import { recompute } from '../../shared/planning/engine';
import { createWorkspace } from '../../shared/planning/projection';
import { DEFAULT_SETTINGS } from '../../shared/planning/settings';
import { periodOfDate, periodsBetween } from '../../shared/domain/period';
import { isWatched } from '../../shared/planning/model';
import { benchLevers, type LeverFigures } from './leverBench';

export interface RecomputeFigures {
  loadMs: number;
  engineMs: number;
  exceptions: number;
  duckdbMs: number;
  sqliteMs: number;
  /** RSS after the arrays are loaded and computed (the worker's share of the app). */
  rssMb: number;
  /** Both peers and the engine agree on the safety-stock breach cells. */
  agree: boolean;
  levers: LeverFigures;
}

const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The peer tables: the rows the projection needs, periods as integers from the cycle start. */
const PEER_TABLES: Record<string, string> = {
  p_il: `SELECT il.sku, il.location, il.safety_stock ss,
           coalesce((SELECT sum(on_hand - allocated - blocked) FROM stock s
             WHERE s.snapshot_id = $WMS AND s.sku = il.sku AND s.location = il.location), 0) avail,
           coalesce(i.unit_price - i.unit_cost, 0) margin,
           coalesce(i.is_key = 1 OR i.abc_class = 'A', 0) watched
         FROM item_locations il LEFT JOIN items i ON i.snapshot_id = $ERP AND i.sku = il.sku
         WHERE il.snapshot_id = $ERP`,
  p_forecast: `SELECT sku, location, period, qty FROM forecasts WHERE snapshot_id = $CRM AND version = 'current'`,
  p_supply: `SELECT sku, location, period, kind, qty FROM supply WHERE snapshot_id = $ERP`,
  p_orders: `SELECT sku, location, committed_date period, qty FROM sales_orders WHERE snapshot_id = $ERP AND status = 'open'`,
  p_routing: `SELECT r.sku, r.resource, r.hours_per_unit hpu, c.location FROM routings r
              JOIN (SELECT DISTINCT resource, location FROM resources WHERE snapshot_id = $ERP) c ON c.resource = r.resource
              WHERE r.snapshot_id = $ERP`,
  p_capacity: `SELECT resource, period, capacity_hours cap FROM resources WHERE snapshot_id = $ERP`,
};

/** The projection as one query: demand, PAB by window sum, breaches, and overloaded resource-weeks. */
const projectionSql = (greatest: string) => `
WITH grid AS (
  SELECT il.sku, il.location, il.ss, il.avail, il.margin, il.watched, t.t FROM p_il il CROSS JOIN p_periods t
), f AS (SELECT sku, location, t, sum(qty) q FROM p_forecast GROUP BY sku, location, t),
o AS (SELECT sku, location, CASE WHEN t < 0 THEN 0 ELSE t END t, sum(qty) q FROM p_orders GROUP BY 1, 2, 3),
s AS (SELECT sku, location, t, sum(qty) q FROM p_supply GROUP BY sku, location, t),
cells AS (
  SELECT g.sku, g.location, g.t, g.ss, g.avail, g.margin, g.watched,
    ${greatest}(coalesce(f.q, 0), coalesce(o.q, 0)) demand, coalesce(s.q, 0) supply
  FROM grid g
  LEFT JOIN f ON f.sku = g.sku AND f.location = g.location AND f.t = g.t
  LEFT JOIN o ON o.sku = g.sku AND o.location = g.location AND o.t = g.t
  LEFT JOIN s ON s.sku = g.sku AND s.location = g.location AND s.t = g.t
), pab AS (
  SELECT *, avail + sum(supply - demand) OVER (PARTITION BY sku, location ORDER BY t ROWS UNBOUNDED PRECEDING) pab
  FROM cells
), load AS (
  SELECT r.resource, pr.t, sum(pr.qty * r.hpu) AS load_hours FROM p_supply pr
  JOIN p_routing r ON r.sku = pr.sku AND r.location = pr.location
  WHERE pr.kind = 'production' GROUP BY 1, 2
)
SELECT
  (SELECT count(*) FROM pab WHERE watched = 1 AND pab < ss) AS breaches,
  (SELECT sum((ss - pab) * margin) FROM pab WHERE watched = 1 AND pab < ss) AS at_risk,
  (SELECT count(*) FROM load JOIN p_capacity c ON c.resource = load.resource AND c.t = load.t WHERE load.load_hours > c.cap) AS overloads`;

export async function benchRecompute(db: Database.Database, cycleId: number): Promise<RecomputeFigures> {
  const frame = cycleFrame(db, cycleId);
  const definitions = listKpiDefinitions(db as ReadDb).map(({ updatedBy: _b, updatedAt: _a, ...d }) => d);
  const t0 = performance.now();
  const model = loadModel(db, frame);
  const loadMs = performance.now() - t0;
  const times: number[] = [];
  // As the engine worker does: the grids are reused from one recompute to the next.
  const workspace = createWorkspace(model);
  let result = recompute(model, DEFAULT_SETTINGS, definitions, workspace);
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = recompute(model, DEFAULT_SETTINGS, definitions, workspace);
    times.push(performance.now() - t);
  }
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  let engineBreaches = 0;
  const P = model.periods;
  for (let il = 0; il < model.il.count; il++) {
    const sku = model.il.sku[il]!;
    if (!isWatched(model, sku)) continue;
    for (let t = 0; t < P; t++) if (result.projection.pab[il * P + t]! < model.il.safetyStock[il]!) engineBreaches++;
  }

  const levers = benchLevers(model, definitions);
  const rows = peerRows(db, frame.pins, frame.startPeriod, P);
  const sqlite = sqlitePeer(db, rows);
  const duck = await duckPeer(rows);
  return {
    loadMs,
    engineMs: median(times),
    exceptions: result.exceptions.length,
    duckdbMs: duck.ms,
    sqliteMs: sqlite.ms,
    rssMb,
    agree: duck.breaches === engineBreaches && sqlite.breaches === engineBreaches,
    levers,
  };
}

type PeerRows = Record<string, Record<string, unknown>[]>;

/** The peer tables' rows, read once from the snapshot set, periods numbered from the start. */
function peerRows(db: Database.Database, pins: Record<string, number>, start: string, periods: number): PeerRows {
  const weekIndex = new Map<string, number>();
  const toT = (label: string): number => {
    let t = weekIndex.get(label);
    if (t === undefined) {
      // Sales orders carry a date, the other tables an ISO week.
      t = periodsBetween(start, label.includes('-W') ? label : periodOfDate(label));
      weekIndex.set(label, t);
    }
    return t;
  };
  const out: PeerRows = {};
  for (const [table, sql] of Object.entries(PEER_TABLES)) {
    const list = db.prepare(sql).all({ ERP: pins.ERP, WMS: pins.WMS, CRM: pins.CRM }) as Record<string, unknown>[];
    for (const r of list) if ('period' in r) r.t = toT(String(r.period));
    out[table] = list.filter((r) => !('t' in r) || (r.t as number) < periods);
  }
  out.p_periods = Array.from({ length: periods }, (_, t) => ({ t }));
  return out;
}

const COLUMNS: Record<string, [string, 'text' | 'int' | 'real'][]> = {
  p_il: [
    ['sku', 'text'],
    ['location', 'text'],
    ['ss', 'real'],
    ['avail', 'real'],
    ['margin', 'real'],
    ['watched', 'int'],
  ],
  p_forecast: [
    ['sku', 'text'],
    ['location', 'text'],
    ['t', 'int'],
    ['qty', 'real'],
  ],
  p_supply: [
    ['sku', 'text'],
    ['location', 'text'],
    ['t', 'int'],
    ['kind', 'text'],
    ['qty', 'real'],
  ],
  p_orders: [
    ['sku', 'text'],
    ['location', 'text'],
    ['t', 'int'],
    ['qty', 'real'],
  ],
  p_routing: [
    ['sku', 'text'],
    ['resource', 'text'],
    ['hpu', 'real'],
    ['location', 'text'],
  ],
  p_capacity: [
    ['resource', 'text'],
    ['t', 'int'],
    ['cap', 'real'],
  ],
  p_periods: [['t', 'int']],
};

function sqlitePeer(db: Database.Database, rows: PeerRows) {
  for (const [table, cols] of Object.entries(COLUMNS)) {
    db.exec(`CREATE TEMP TABLE ${table} (${cols.map(([c, t]) => `${c} ${t === 'text' ? 'TEXT' : t === 'int' ? 'INTEGER' : 'REAL'}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${cols.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const r of rows[table]!) insert.run(...cols.map(([c]) => r[c] as number | string));
    })();
  }
  db.exec('CREATE INDEX temp.p_il_key ON p_il(sku, location)');
  const query = db.prepare(projectionSql('max'));
  const times: number[] = [];
  let out: { breaches: number } = { breaches: 0 };
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    out = query.get() as { breaches: number };
    times.push(performance.now() - t);
  }
  for (const table of Object.keys(COLUMNS)) db.exec(`DROP TABLE temp.${table}`);
  return { ms: median(times), breaches: Number(out.breaches) };
}

async function duckPeer(rows: PeerRows) {
  const instance = await DuckDBInstance.create(':memory:');
  const con: DuckDBConnection = await instance.connect();
  try {
    for (const [table, cols] of Object.entries(COLUMNS)) {
      await con.run(
        `CREATE TABLE ${table} (${cols.map(([c, t]) => `${c} ${t === 'text' ? 'VARCHAR' : t === 'int' ? 'INTEGER' : 'DOUBLE'}`).join(', ')})`,
      );
      const appender = await con.createAppender(table);
      for (const r of rows[table]!) {
        for (const [c, t] of cols) {
          const v = r[c];
          if (t === 'text') appender.appendVarchar(String(v));
          else if (t === 'int') appender.appendInteger(Number(v));
          else appender.appendDouble(Number(v));
        }
        appender.endRow();
      }
      appender.closeSync();
    }
    const times: number[] = [];
    let breaches = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const reader = await con.runAndReadAll(projectionSql('greatest'));
      times.push(performance.now() - t);
      breaches = Number(reader.getRows()[0]![0]);
    }
    return { ms: median(times), breaches };
  } finally {
    con.closeSync();
  }
}
