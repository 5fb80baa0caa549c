// Reads a cycle's pinned snapshot set from SQLite into the engine's typed arrays, streaming each
// table through the builder (rows are never all held as objects at once).
import type Database from 'better-sqlite3';
import { CANONICAL_TABLES } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import { addPeriods, periodRange } from '../../shared/domain/period';
import { dateInZone } from '../../shared/domain/timeZone';
import {
  asOfFrame,
  DEFAULT_HISTORY_PERIODS,
  ENGINE_TABLES,
  GROUPED_TABLES,
  ModelBuilder,
  type CanonicalRows,
  type EngineTable,
  type GroupedTable,
  type ModelFrame,
} from '../../shared/planning/build';
import { PLANNING_SOURCES, type PlanningModel } from '../../shared/planning/model';

/** The columns the engine reads from each table fed row by row (the keys of CanonicalRows). */
const COLUMNS: { [T in Exclude<EngineTable, GroupedTable>]: readonly (keyof CanonicalRows[T])[] } = {
  locations: ['location', 'region'],
  items: ['sku', 'family', 'unit_cost', 'unit_price', 'abc_class', 'is_key'],
  item_locations: ['sku', 'location', 'safety_stock', 'lead_time_days'],
  stock: ['sku', 'location', 'on_hand', 'allocated', 'blocked'],
  resources: ['resource', 'location', 'period', 'capacity_hours'],
  routings: ['sku', 'resource', 'hours_per_unit'],
  production_actuals: ['resource', 'sku', 'period', 'qty'],
  sales_orders: ['order_id', 'line', 'sku', 'location', 'qty', 'committed_date', 'unit_price', 'status'],
  shipments: [
    'order_id',
    'line',
    'lane',
    'planned_ship_date',
    'eta',
    'delivered_date',
    'status',
    'constraint_code',
    'freight_cost',
  ],
  pick_status: ['order_id', 'line', 'constraint_code'],
  lanes: ['lane', 'transit_days', 'cost_per_load'],
  lane_capacity: ['lane', 'period', 'capacity_loads', 'booked_loads'],
};

export interface CycleFrame {
  cycleId: number;
  startPeriod: string;
  horizon: number;
  meetingAt: string;
  /** The cycle's IANA time zone: the meeting's and the extractions' calendar dates are read in it. */
  timeZone: string;
  /** Pinned snapshot per source. */
  pins: Record<string, number>;
  /** Extraction time (ISO) of each pinned source's snapshot: what its figures are as of. */
  extractedAt: Record<string, string>;
}

export function cycleFrame(db: Database.Database, cycleId: number): CycleFrame {
  const cycle = db
    .prepare('SELECT start_period, horizon_periods, meeting_at, time_zone FROM cycles WHERE id = ?')
    .get(cycleId) as
    { start_period: string; horizon_periods: number; meeting_at: string; time_zone: string } | undefined;
  if (!cycle) throw new AppError('not_found', `No cycle with id ${cycleId}.`);
  const pins = db
    .prepare(
      `SELECT cs.source_id, cs.snapshot_id, s.extracted_at FROM cycle_snapshots cs
       JOIN snapshots s ON s.id = cs.snapshot_id WHERE cs.cycle_id = ?`,
    )
    .all(cycleId) as { source_id: string; snapshot_id: number; extracted_at: string }[];
  return {
    cycleId,
    startPeriod: cycle.start_period,
    horizon: cycle.horizon_periods,
    meetingAt: cycle.meeting_at,
    timeZone: cycle.time_zone,
    pins: Object.fromEntries(pins.map((p) => [p.source_id, p.snapshot_id])),
    extractedAt: Object.fromEntries(pins.map((p) => [p.source_id, p.extracted_at])),
  };
}

/** The engine's frame of a cycle: the meeting and each pinned source's extraction as dates in the cycle's zone. */
export function modelFrame(frame: CycleFrame): ModelFrame {
  const extracted: ModelFrame['extracted'] = {};
  for (const source of PLANNING_SOURCES) {
    const at = frame.extractedAt[source];
    if (at !== undefined) extracted[source] = dateInZone(at, frame.timeZone);
  }
  return {
    startPeriod: frame.startPeriod,
    periods: frame.horizon,
    historyPeriods: DEFAULT_HISTORY_PERIODS,
    asOf: dateInZone(frame.meetingAt, frame.timeZone),
    extracted,
  };
}

const OWNER = new Map(CANONICAL_TABLES.map((t) => [t.name as string, t.owner]));

/** The snapshot the cycle pinned for the source that owns a canonical table, if any. */
export const pinnedSnapshot = (frame: CycleFrame, table: string): number | undefined => frame.pins[OWNER.get(table)!];

/** Identifies what a model was built from: the same key means the same arrays. */
export const frameKey = (f: CycleFrame): string => {
  const m = modelFrame(f);
  return JSON.stringify([m.startPeriod, m.periods, m.asOf, m.extracted, Object.entries(f.pins).sort()]);
};

/**
 * The big per-period tables, one row per item-location: its cells as a JSON array of
 * [period index, qty, code] (codes as in ModelBuilder.addGrouped). GROUP BY follows the primary
 * key, so SQLite streams the groups; a period outside the window keeps its item-location.
 */
const GROUPED_CODE: Record<GroupedTable, string> = {
  supply: `CASE x.kind WHEN 'production' THEN 1 WHEN 'receipt' THEN 0 ELSE 2 END`,
  actual_sales: '0',
  forecasts: `CASE x.version WHEN 'current' THEN 1 WHEN 'prior' THEN 0 ELSE 2 END`,
};
const OUTSIDE = -1_000_000;
const isGrouped = (t: EngineTable): t is GroupedTable => (GROUPED_TABLES as readonly string[]).includes(t);

export function loadModel(db: Database.Database, frame: CycleFrame): PlanningModel {
  const model = modelFrame(frame);
  const builder = new ModelBuilder(model);
  // The past periods the builder reads: the history (ending at the last complete ERP week) and
  // the weeks from the stock's as-of to the start.
  const at = asOfFrame(model);
  const historyPeriods = Math.max(model.historyPeriods + at.historyGap, -at.stockPeriod);
  // Period labels to indexes, in a temp table (allowed on a read-only connection).
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS planroom_periods (label TEXT PRIMARY KEY, t INTEGER NOT NULL) WITHOUT ROWID',
  );
  db.exec('DELETE FROM temp.planroom_periods');
  const insert = db.prepare('INSERT INTO temp.planroom_periods (label, t) VALUES (?, ?)');
  const first = addPeriods(frame.startPeriod, -historyPeriods);
  periodRange(first, historyPeriods + frame.horizon).forEach((label, i) => insert.run(label, i - historyPeriods));
  // One read transaction: every table comes from the same state of the database.
  db.transaction(() => {
    for (const table of ENGINE_TABLES) {
      const snapshot = pinnedSnapshot(frame, table);
      if (snapshot === undefined) continue;
      if (isGrouped(table)) {
        const rows = db
          .prepare(
            `SELECT x.sku, x.location, json_group_array(json_array(coalesce(p.t, ${OUTSIDE}), x.qty, ${GROUPED_CODE[table]}))
             FROM ${table} x LEFT JOIN temp.planroom_periods p ON p.label = x.period
             WHERE x.snapshot_id = ? GROUP BY x.sku, x.location`,
          )
          .raw(true)
          .iterate(snapshot) as IterableIterator<[string, string, string]>;
        for (const [sku, location, cells] of rows)
          builder.addGrouped(table, sku, location, JSON.parse(cells) as number[][]);
        continue;
      }
      const rows = db
        .prepare(`SELECT ${COLUMNS[table].join(', ')} FROM ${table} WHERE snapshot_id = ?`)
        .iterate(snapshot);
      for (const row of rows) builder.add(table, row as never);
    }
  })();
  return builder.finish();
}
