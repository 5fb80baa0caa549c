// Planning services: keep a cycle's exceptions and KPIs current, and serve them. A read first
// checks that the stored recompute was made from the cycle's current snapshot set, settings and
// KPI definitions; if not, the engine worker recomputes and the result is stored in one
// transaction. Reads of the same cycle share one recompute.
import { createHash } from 'node:crypto';
import {
  KpiWindow,
  type ApiInput,
  type ApiOutput,
  type ComputationT,
  type ExceptionInfoT,
  type KpiInfoT,
} from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { type KpiId } from '../../shared/planning/settings';
import { getCycle } from '../db/repos/cycles';
import {
  getComputation,
  getException,
  listExceptions,
  listKpiValues,
  listReviews,
  reviewException,
  rollupExceptions,
  saveComputation,
  type ExceptionRow,
} from '../db/repos/exceptions';
import { getPlanningSettings, listKpiDefinitions } from '../db/repos/planningSettings';
import type { ReadDb, WriteDb } from '../db/types';
import type { EngineHost } from '../engine/engineHost';
import { cycleFrame, frameKey } from '../engine/loadModel';
import type { WriteQueue } from './writeQueue';
import { cycleIdOrCurrent } from './cycles';

export interface PlanningContext {
  /** The writing connection: only inside the write queue. */
  db: WriteDb;
  /** The reading connection: committed state only. */
  read: ReadDb;
  engine: EngineHost;
  /** The write queue of `db`; a stale result is stored through it (reentrant inside a write call). */
  writes: WriteQueue;
}

const inFlight = new WeakMap<EngineHost, Map<number, Promise<ComputationT>>>();

/** The connection to read on here: the writing one inside a write call (it sees its own rows). */
export const readHere = (ctx: PlanningContext): ReadDb => (ctx.writes.inJob() ? ctx.db : ctx.read);

/** What a cycle's results are computed from. */
export function inputs(ctx: PlanningContext, cycleId: number, db: ReadDb = readHere(ctx)) {
  const frame = cycleFrame(db, cycleId);
  const settings = getPlanningSettings(db).settings;
  const definitions = listKpiDefinitions(db).map(({ updatedBy: _b, updatedAt: _a, ...d }) => d);
  const key = createHash('sha256')
    .update(JSON.stringify([frameKey(frame), settings, definitions]))
    .digest('hex');
  return { frame, settings, definitions, key };
}

const toComputation = (c: NonNullable<ReturnType<typeof getComputation>>): ComputationT => ({
  computedAt: c.computed_at,
  loadMs: Math.round(c.load_ms),
  computeMs: Math.round(c.compute_ms),
  exceptions: c.exception_count,
});

/** The cycle's stored recompute, made now if its inputs changed since (or `force`). */
export async function ensureComputed(ctx: PlanningContext, cycleId: number, force = false): Promise<ComputationT> {
  const stored = getComputation(readHere(ctx), cycleId);
  if (!force && stored && stored.input_key === inputs(ctx, cycleId).key) return toComputation(stored);
  let running = inFlight.get(ctx.engine);
  if (!running) inFlight.set(ctx.engine, (running = new Map()));
  // Inside a write call (a decision first brings the results up to date), the queue is this
  // call's: a recompute queued behind it by a reader would never start, so do not wait for it.
  const pending = ctx.writes.inJob() ? undefined : running.get(cycleId);
  if (pending) return pending;
  const job = ctx.writes
    .run(async () => {
      const { frame, settings, definitions, key } = inputs(ctx, cycleId);
      // A write queued before this one may have stored these very results.
      const now = getComputation(ctx.db, cycleId);
      if (!force && now && now.input_key === key) return toComputation(now);
      const result = await ctx.engine.compute({ frame, settings, definitions });
      await saveComputation(ctx.db, cycleId, key, result.exceptions, result.kpis, result);
      return toComputation(getComputation(ctx.db, cycleId)!);
    })
    .finally(() => running.get(cycleId) === job && running.delete(cycleId));
  if (!ctx.writes.inJob()) running.set(cycleId, job);
  return job;
}

function toInfo(r: ExceptionRow): ExceptionInfoT {
  return {
    key: r.key,
    type: r.type as ExceptionInfoT['type'],
    sku: r.sku,
    location: r.location,
    family: r.family,
    resource: r.resource,
    lane: r.lane,
    orderId: r.order_id,
    kpiId: r.kpi_id,
    ownerRole: r.owner_role,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    peakPeriod: r.peak_period,
    peakValue: r.peak_value,
    valueAtRisk: r.value_at_risk,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    reviewStatus: r.review_status as ExceptionInfoT['reviewStatus'],
    note: r.note,
    reviewedBy: r.reviewed_by,
    firstSeen: { cycleId: r.first_seen_cycle_id, name: r.first_seen_name, meetingAt: r.first_seen_meeting_at },
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
  };
}

export async function exceptionList(
  ctx: PlanningContext,
  input: ApiInput<'exception.list'> & { offset: number; limit: number },
): Promise<ApiOutput<'exception.list'>> {
  const cycleId = cycleIdOrCurrent(ctx.read, input.cycleId);
  const computation = await ensureComputed(ctx, cycleId);
  const page = listExceptions(ctx.read, cycleId, input, input.offset, input.limit);
  return { cycleId, total: page.total, totalValue: page.totalValue, computation, rows: page.rows.map(toInfo) };
}

export async function exceptionRollup(
  ctx: PlanningContext,
  input: ApiInput<'exception.rollup'> & { offset: number; limit: number },
): Promise<ApiOutput<'exception.rollup'>> {
  const cycleId = cycleIdOrCurrent(ctx.read, input.cycleId);
  await ensureComputed(ctx, cycleId);
  const page = rollupExceptions(ctx.read, cycleId, input.by, input, input.offset, input.limit);
  return {
    total: page.total,
    groups: page.rows.map((r) => ({
      group: r.grp,
      count: r.count,
      valueAtRisk: r.value,
      byType: JSON.parse(r.by_type) as Record<string, number>,
    })),
  };
}

export function exceptionOrThrow(ctx: PlanningContext, cycleId: number, key: string): ExceptionRow {
  const row = getException(ctx.read, cycleId, key);
  if (!row) {
    throw new AppError('not_found', `No exception "${key}" in this cycle.`, {
      hint: 'List them with planroom exceptions.',
    });
  }
  return row;
}

export async function exceptionGet(ctx: PlanningContext, input: ApiInput<'exception.get'>) {
  const cycleId = cycleIdOrCurrent(ctx.read, input.cycleId);
  await ensureComputed(ctx, cycleId);
  return { ...toInfo(exceptionOrThrow(ctx, cycleId, input.key)), reviews: listReviews(ctx.read, cycleId, input.key) };
}

export async function exceptionReview(ctx: PlanningContext, input: ApiInput<'exception.review'>) {
  const cycleId = cycleIdOrCurrent(ctx.db, input.cycleId);
  await ensureComputed(ctx, cycleId);
  exceptionOrThrow(ctx, cycleId, input.key);
  reviewException(ctx.db, cycleId, input.key, input.status, input.note || null, input.by);
  return toInfo(exceptionOrThrow(ctx, cycleId, input.key));
}

/** A stored window; one computed before windows were stored (migration 0006) says so. */
function windowOf(json: string): KpiInfoT['window'] {
  const parsed = KpiWindow.safeParse(JSON.parse(json));
  if (parsed.success) return parsed.data;
  return {
    label: 'window not recorded (computed before 0006)',
    from: null,
    to: null,
    periods: null,
    source: null,
    asOf: null,
  };
}

export async function kpiList(ctx: PlanningContext, input: ApiInput<'kpi.list'>): Promise<ApiOutput<'kpi.list'>> {
  const cycleId = cycleIdOrCurrent(ctx.read, input.cycleId);
  const computation = await ensureComputed(ctx, cycleId);
  const previousId = getCycle(ctx.read, cycleId)!.previous_cycle_id;
  // The trend needs the previous cycle's values: computed once, from its own snapshot set.
  let before = previousId === null ? [] : listKpiValues(ctx.read, previousId);
  if (previousId !== null && before.length === 0) {
    await ensureComputed(ctx, previousId);
    before = listKpiValues(ctx.read, previousId);
  }
  const previous = new Map(before.map((v) => [`${v.kpi_id}|${v.dimension}|${v.grp}`, v]));
  const defs = new Map(listKpiDefinitions(ctx.read).map((d) => [d.id, d]));
  const rows: KpiInfoT[] = listKpiValues(ctx.read, cycleId)
    .filter(
      (v) =>
        (!input.kpi || v.kpi_id === input.kpi) &&
        (!input.dimension || v.dimension === input.dimension) &&
        (!input.breached || v.breached !== '[]'),
    )
    .map((v) => {
      const def = defs.get(v.kpi_id as KpiId)!;
      const was = previous.get(`${v.kpi_id}|${v.dimension}|${v.grp}`);
      return {
        kpiId: def.id,
        name: def.name,
        ownerRole: def.ownerRole,
        dimension: v.dimension as KpiInfoT['dimension'],
        group: v.grp,
        metrics: JSON.parse(v.metrics) as KpiInfoT['metrics'],
        previous: was ? (JSON.parse(was.metrics) as KpiInfoT['metrics']) : null,
        basis: v.basis,
        atStake: v.at_stake,
        breached: JSON.parse(v.breached) as string[],
        playbook: def.playbook,
        window: windowOf(v.window_json),
        noData: JSON.parse(v.no_data) as Record<string, string>,
      };
    });
  const previousCycle = previousId === null ? null : (getCycle(ctx.read, previousId)?.name ?? null);
  const offset = input.offset ?? 0;
  return { computation, previousCycle, total: rows.length, rows: rows.slice(offset, offset + (input.limit ?? 1000)) };
}
