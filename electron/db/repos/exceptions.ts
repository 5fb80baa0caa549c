// A cycle's computed exceptions and KPI values. A recompute upserts by the stable key, so review
// status and notes survive; an exception no longer raised is marked resolved, not deleted, and
// one seen in an earlier cycle keeps the cycle it was first seen in.
import { EXCEPTION_KPI } from '../../../shared/planning/decisionAim';
import type { RaisedException } from '../../../shared/planning/exceptions';
import type { KpiValue } from '../../../shared/planning/kpis';
import { nowIso, type ReadDb, type WriteDb } from '../types';
import { writeTxAsync } from '../writeTx';
import { writeTx } from '../writeTx';
import { enqueue } from './outbox';

export interface ExceptionRow {
  cycle_id: number;
  key: string;
  type: string;
  sku: string | null;
  location: string | null;
  family: string | null;
  resource: string | null;
  lane: string | null;
  order_id: string | null;
  kpi_id: string | null;
  owner_role: string | null;
  period_from: string | null;
  period_to: string | null;
  peak_period: string | null;
  peak_value: number | null;
  value_at_risk: number;
  detail: string;
  review_status: string;
  note: string | null;
  reviewed_by: string | null;
  first_seen_cycle_id: number;
  first_seen_name: string;
  first_seen_meeting_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface Computation {
  input_key: string;
  computed_at: string;
  load_ms: number;
  compute_ms: number;
  exception_count: number;
}

export function getComputation(db: ReadDb, cycleId: number): Computation | undefined {
  return db.prepare('SELECT * FROM cycle_computations WHERE cycle_id = ?').get(cycleId) as Computation | undefined;
}

/** Rows written between two turns of the event loop while a recompute is stored. */
const ROWS_PER_TURN = 2_000;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Stores one recompute: exceptions upserted by key, the rest resolved, KPI values replaced, all
 * in one transaction. Size XL raises tens of thousands of exceptions: the transaction yields to
 * the event loop every ROWS_PER_TURN rows, so the window and the HTTP host stay responsive (the
 * caller runs it in the write queue, so no other write can slip in).
 */
export async function saveComputation(
  db: WriteDb,
  cycleId: number,
  inputKey: string,
  exceptions: readonly RaisedException[],
  kpis: readonly KpiValue[],
  timing: { loadMs: number; computeMs: number },
): Promise<void> {
  const at = nowIso();
  const previous = db.prepare(
    `SELECT first_seen_cycle_id FROM exceptions WHERE key = ? AND cycle_id < ? AND resolved_at IS NULL
     ORDER BY cycle_id DESC LIMIT 1`,
  );
  const upsert = db.prepare(
    `INSERT INTO exceptions (cycle_id, key, type, sku, location, family, resource, lane, order_id, kpi_id,
       period_from, period_to, peak_period, peak_value, value_at_risk, detail, first_seen_cycle_id, updated_at)
     VALUES (@cycle, @key, @type, @sku, @location, @family, @resource, @lane, @orderId, @kpiId,
       @periodFrom, @periodTo, @peakPeriod, @peakValue, @valueAtRisk, @detail, @firstSeen, @at)
     ON CONFLICT(cycle_id, key) DO UPDATE SET type = excluded.type, sku = excluded.sku,
       location = excluded.location, family = excluded.family, resource = excluded.resource,
       lane = excluded.lane, order_id = excluded.order_id, kpi_id = excluded.kpi_id,
       period_from = excluded.period_from, period_to = excluded.period_to,
       peak_period = excluded.peak_period, peak_value = excluded.peak_value,
       value_at_risk = excluded.value_at_risk, detail = excluded.detail,
       updated_at = excluded.updated_at, resolved_at = NULL`,
  );
  const resolve = db.prepare('UPDATE exceptions SET resolved_at = ? WHERE cycle_id = ? AND key = ?');
  const insertKpi = db.prepare(
    `INSERT INTO kpi_values (cycle_id, kpi_id, dimension, grp, metrics, basis, at_stake, breached, window_json, no_data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  await writeTxAsync(db, 'engine', async () => {
    const existing = db
      .prepare('SELECT key FROM exceptions WHERE cycle_id = ? AND scenario_id IS NULL AND resolved_at IS NULL')
      .pluck()
      .all(cycleId) as string[];
    const raised = new Set<string>();
    for (const [i, e] of exceptions.entries()) {
      if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
      raised.add(e.key);
      const seen = previous.get(e.key, cycleId) as { first_seen_cycle_id: number } | undefined;
      upsert.run({
        ...e,
        cycle: cycleId,
        detail: JSON.stringify(e.detail),
        firstSeen: seen?.first_seen_cycle_id ?? cycleId,
        at,
      });
    }
    for (const key of existing) if (!raised.has(key)) resolve.run(at, cycleId, key);
    db.prepare('DELETE FROM kpi_values WHERE cycle_id = ?').run(cycleId);
    for (const v of kpis) {
      insertKpi.run(
        cycleId,
        v.kpiId,
        v.dimension,
        v.group,
        JSON.stringify(v.metrics),
        v.basis,
        v.atStake,
        JSON.stringify(v.breached),
        JSON.stringify(v.window),
        JSON.stringify(v.noData),
      );
    }
    db.prepare(
      `INSERT INTO cycle_computations (cycle_id, input_key, computed_at, load_ms, compute_ms, exception_count)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(cycle_id) DO UPDATE SET input_key = excluded.input_key, computed_at = excluded.computed_at,
       load_ms = excluded.load_ms, compute_ms = excluded.compute_ms, exception_count = excluded.exception_count`,
    ).run(cycleId, inputKey, at, timing.loadMs, timing.computeMs, exceptions.length);
  });
}

export interface ExceptionFilter {
  type?: string;
  sku?: string;
  location?: string;
  family?: string;
  resource?: string;
  lane?: string;
  ownerRole?: string;
  reviewStatus?: string;
  /** Also list exceptions the latest recompute no longer raises. */
  includeResolved?: boolean;
}

/**
 * An exception's owner role: the one of its own KPI (a KPI breach), else of the KPI its type
 * moves (EXCEPTION_KPI). Built from constants, never from input.
 */
const OWNER_ROLE_SQL = `(SELECT d.owner_role FROM kpi_definitions d WHERE d.id = coalesce(e.kpi_id, CASE e.type ${Object.entries(
  EXCEPTION_KPI,
)
  .flatMap(([type, kpi]) => (kpi ? [`WHEN '${type}' THEN '${kpi}'`] : []))
  .join(' ')} END))`;

/** WHERE clause and parameters of a filter (columns are fixed names, values are bound). */
function where(cycleId: number, f: ExceptionFilter): { sql: string; params: unknown[] } {
  const parts = ['e.cycle_id = ?', 'e.scenario_id IS NULL'];
  const params: unknown[] = [cycleId];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    parts.push(`e.${column} = ?`);
    params.push(value);
  };
  eq('type', f.type);
  eq('sku', f.sku);
  eq('location', f.location);
  eq('family', f.family);
  eq('resource', f.resource);
  eq('lane', f.lane);
  eq('review_status', f.reviewStatus);
  if (f.ownerRole) {
    parts.push(`${OWNER_ROLE_SQL} = ?`);
    params.push(f.ownerRole);
  }
  if (!f.includeResolved) parts.push('e.resolved_at IS NULL');
  return { sql: parts.join(' AND '), params };
}

/** Exception rows with the name and meeting of the cycle each was first seen in. */
const SELECT_EXCEPTIONS = `SELECT e.*, ${OWNER_ROLE_SQL} owner_role, c.name first_seen_name, c.meeting_at first_seen_meeting_at
  FROM exceptions e
  JOIN cycles c ON c.id = e.first_seen_cycle_id`;

export function listExceptions(
  db: ReadDb,
  cycleId: number,
  f: ExceptionFilter,
  offset: number,
  limit: number,
): { total: number; totalValue: number; rows: ExceptionRow[] } {
  const w = where(cycleId, f);
  const sum = db
    .prepare(`SELECT count(*) n, coalesce(sum(value_at_risk), 0) v FROM exceptions e WHERE ${w.sql}`)
    .get(...w.params) as { n: number; v: number };
  const rows = db
    .prepare(
      `${SELECT_EXCEPTIONS}
       WHERE ${w.sql} ORDER BY e.resolved_at IS NOT NULL, e.value_at_risk DESC, e.key LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, offset) as ExceptionRow[];
  return { total: sum.n, totalValue: sum.v, rows };
}

export function getException(db: ReadDb, cycleId: number, key: string): ExceptionRow | undefined {
  return db.prepare(`${SELECT_EXCEPTIONS} WHERE e.cycle_id = ? AND e.key = ?`).get(cycleId, key) as
    ExceptionRow | undefined;
}

export const ROLLUP_COLUMNS = { item: 'sku', family: 'family', resource: 'resource', lane: 'lane' } as const;
export type RollupBy = keyof typeof ROLLUP_COLUMNS;

export interface RollupRow {
  grp: string;
  count: number;
  value: number;
  by_type: string;
}

/** Exceptions grouped by item, family, resource or lane: count, value and count per type. */
export function rollupExceptions(
  db: ReadDb,
  cycleId: number,
  by: RollupBy,
  f: ExceptionFilter,
  offset: number,
  limit: number,
): { total: number; rows: RollupRow[] } {
  const column = ROLLUP_COLUMNS[by];
  const w = where(cycleId, f);
  const base = `FROM exceptions e WHERE ${w.sql} AND e.${column} IS NOT NULL`;
  const total = (db.prepare(`SELECT count(DISTINCT e.${column}) n ${base}`).get(...w.params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT grp, sum(n) count, sum(v) value, json_group_object(type, n) by_type FROM (
         SELECT e.${column} grp, e.type, count(*) n, sum(e.value_at_risk) v ${base} GROUP BY 1, 2)
       GROUP BY grp ORDER BY value DESC, grp LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, offset) as RollupRow[];
  return { total, rows };
}

export function reviewException(
  db: WriteDb,
  cycleId: number,
  key: string,
  status: string,
  note: string | null,
  by: string,
): void {
  const at = nowIso();
  writeTx(db, 'review', () => {
    db.prepare(
      'UPDATE exceptions SET review_status = ?, note = ?, reviewed_by = ?, updated_at = ? WHERE cycle_id = ? AND key = ?',
    ).run(status, note, by, at, cycleId, key);
    const review = db
      .prepare(
        `INSERT INTO exception_reviews (cycle_id, key, review_status, note, reviewed_by, reviewed_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(cycleId, key, status, note, by, at);
    // The review's outbox entry, in the same transaction (the hub and the other laptops see it).
    const cycle = db.prepare('SELECT name FROM cycles WHERE id = ?').get(cycleId) as { name: string };
    enqueue(db, 'exception_review', [Number(review.lastInsertRowid)], {
      cycle: cycle.name,
      key,
      status,
      note,
      by,
      at,
    });
  });
}

export function listReviews(db: ReadDb, cycleId: number, key: string) {
  return db
    .prepare(
      `SELECT review_status status, note, reviewed_by "by", reviewed_at "at" FROM exception_reviews
       WHERE cycle_id = ? AND key = ? ORDER BY id DESC`,
    )
    .all(cycleId, key) as { status: string; note: string | null; by: string; at: string }[];
}

export interface KpiValueRow {
  kpi_id: string;
  dimension: string;
  grp: string;
  metrics: string;
  basis: number;
  at_stake: number;
  breached: string;
  /** JSON: the KPI's window (what it is computed over, as of which source). */
  window_json: string;
  /** JSON: metric -> why it has no data. */
  no_data: string;
}

export function listKpiValues(db: ReadDb, cycleId: number): KpiValueRow[] {
  return db.prepare('SELECT * FROM kpi_values WHERE cycle_id = ? ORDER BY rowid').all(cycleId) as KpiValueRow[];
}
