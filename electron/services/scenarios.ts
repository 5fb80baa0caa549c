// Scenario services: create, change, duplicate, delete, compare, project and choose. Levers are
// checked twice on the way in: their shape (zod) and their names against the cycle's snapshot set
// (the engine). A scenario's outcome is stored with the inputs it came from and recomputed, only
// where its levers reach, when they changed. Choosing one records a decision.
import { createHash } from 'node:crypto';
import type { ApiInput, ApiOutput, ScenarioInfoT, ScenarioOutcomeT } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { addPeriods } from '../../shared/domain/period';
import { parseOrThrow } from '../../shared/domain/validate';
import { KPI_AIM } from '../../shared/planning/decisionAim';
import { FIGURES } from '../../shared/planning/figures';
import { describeLever, Levers, type LeverT } from '../../shared/planning/levers';
import type { Outcome } from '../../shared/planning/outcome';
import { getCycle } from '../db/repos/cycles';
import { logScenario } from '../db/repos/scenarios';
import {
  deleteScenario,
  getOutcome,
  getScenario,
  insertScenario,
  listScenarios,
  saveOutcome,
  updateScenario,
  type ScenarioRow,
} from '../db/repos/scenarios';
import { nowIso } from '../db/types';
import { cycleFrame, pinnedSnapshot } from '../engine/loadModel';
import { cycleIdOrCurrent } from './cycles';
import { dueOrThrow, recordDecision } from './decisions';
import { ensureComputed, inputs, readHere, type PlanningContext } from './planning';

const levers = (row: ScenarioRow): LeverT[] => Levers.parse(JSON.parse(row.levers));

function toInfo(row: ScenarioRow): ScenarioInfoT {
  const list = levers(row);
  return {
    id: row.id,
    cycleId: row.cycle_id,
    name: row.name,
    owner: row.owner,
    assumptions: row.assumptions,
    levers: list,
    leverText: list.map(describeLever),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    chosen:
      row.decision_id === null
        ? null
        : {
            id: row.decision_id,
            uid: row.decision_uid!,
            title: row.decision_title!,
            status: row.decision_status!,
            owner: row.decision_owner!,
            recordedBy: row.decision_recorded_by!,
            recordedAt: row.decision_recorded_at!,
          },
  };
}

function scenarioOrThrow(ctx: PlanningContext, id: number): ScenarioRow {
  const row = getScenario(readHere(ctx), id);
  if (!row) {
    throw new AppError('not_found', `No scenario with id ${id}.`, { hint: 'List them with planroom scenario list.' });
  }
  return row;
}

/** A chosen scenario is the record of its decision: it is not changed or deleted afterwards. */
function notChosen(row: ScenarioRow, doing: string): void {
  if (row.decision_id !== null) {
    throw new AppError(
      'conflict',
      `Scenario "${row.name}" was chosen in decision "${row.decision_title}"; it cannot be ${doing}.`,
      {
        hint: 'Duplicate it to try a variation.',
      },
    );
  }
}

/** Levers in shape, and naming only what the cycle's snapshot set has, inside its horizon. */
async function checkedLevers(ctx: PlanningContext, cycleId: number, input: unknown): Promise<LeverT[]> {
  const list = parseOrThrow(Levers, input, 'The levers are', { fieldPrefix: 'levers' });
  const { frame, settings, definitions } = inputs(ctx, cycleId);
  await ctx.engine.validate({ frame, settings, definitions, levers: list });
  return list;
}

export function scenarioList(ctx: PlanningContext, input: ApiInput<'scenario.list'>): ApiOutput<'scenario.list'> {
  const cycleId = cycleIdOrCurrent(readHere(ctx), input.cycleId);
  const cycle = getCycle(readHere(ctx), cycleId)!;
  return {
    cycleId,
    horizon: {
      from: cycle.start_period,
      to: addPeriods(cycle.start_period, cycle.horizon_periods - 1),
      periods: cycle.horizon_periods,
    },
    scenarios: listScenarios(readHere(ctx), cycleId).map(toInfo),
  };
}

/** The names levers can use, read from the cycle's pinned snapshots. */
export function scenarioKeys(ctx: PlanningContext, input: ApiInput<'scenario.keys'>): ApiOutput<'scenario.keys'> {
  const cycleId = cycleIdOrCurrent(readHere(ctx), input.cycleId);
  const frame = cycleFrame(readHere(ctx), cycleId);
  const column = (sql: string, table: string): string[] => {
    const snapshot = pinnedSnapshot(frame, table);
    if (snapshot === undefined) return [];
    return readHere(ctx).prepare(sql).pluck().all(snapshot) as string[];
  };
  const query = input.itemQuery?.trim() ?? '';
  const itemLocations = pinnedSnapshot(frame, 'item_locations');
  return {
    families: column('SELECT DISTINCT family FROM items WHERE snapshot_id = ? ORDER BY family', 'items'),
    regions: column('SELECT DISTINCT region FROM locations WHERE snapshot_id = ? ORDER BY region', 'locations'),
    locations: column('SELECT location FROM locations WHERE snapshot_id = ? ORDER BY location', 'locations'),
    resources: column('SELECT DISTINCT resource FROM resources WHERE snapshot_id = ? ORDER BY resource', 'resources'),
    lanes: column('SELECT lane FROM lanes WHERE snapshot_id = ? ORDER BY lane', 'lanes'),
    items:
      itemLocations === undefined
        ? []
        : (readHere(ctx)
            .prepare(
              `SELECT sku, location FROM item_locations WHERE snapshot_id = ? AND substr(sku, 1, length(?)) = ?
               ORDER BY sku, location LIMIT 50`,
            )
            .all(itemLocations, query, query) as { sku: string; location: string }[]),
  };
}

export async function scenarioCreate(ctx: PlanningContext, input: ApiInput<'scenario.create'>) {
  const cycleId = cycleIdOrCurrent(readHere(ctx), input.cycleId);
  const list = await checkedLevers(ctx, cycleId, input.levers ?? []);
  const id = insertScenario(
    ctx.db,
    cycleId,
    { name: input.name, owner: input.owner, assumptions: input.assumptions ?? '', levers: list },
    input.by,
    'create',
  );
  return toInfo(getScenario(readHere(ctx), id)!);
}

export async function scenarioUpdate(ctx: PlanningContext, input: ApiInput<'scenario.update'>) {
  const row = scenarioOrThrow(ctx, input.id);
  notChosen(row, 'changed');
  const list = input.levers === undefined ? levers(row) : await checkedLevers(ctx, row.cycle_id, input.levers);
  updateScenario(
    ctx.db,
    row,
    {
      name: input.name ?? row.name,
      owner: input.owner ?? row.owner,
      assumptions: input.assumptions ?? row.assumptions,
      levers: list,
    },
    input.by,
  );
  // The outcome is brought up to date now: only what the changed levers touch is recomputed.
  if (input.levers !== undefined) await ensureOutcome(ctx, input.id);
  return toInfo(getScenario(readHere(ctx), input.id)!);
}

export async function scenarioDuplicate(ctx: PlanningContext, input: ApiInput<'scenario.duplicate'>) {
  const row = scenarioOrThrow(ctx, input.id);
  const taken = new Set(listScenarios(readHere(ctx), row.cycle_id).map((s) => s.name));
  let name = input.name ?? `${row.name} (copy)`;
  for (let n = 2; input.name === undefined && taken.has(name); n++) name = `${row.name} (copy ${n})`;
  const id = insertScenario(
    ctx.db,
    row.cycle_id,
    { name, owner: row.owner, assumptions: row.assumptions, levers: levers(row) },
    input.by,
    'duplicate',
  );
  // The same levers on the same baseline: the same outcome.
  const outcome = getOutcome(readHere(ctx), row.id);
  if (outcome) saveOutcome(ctx.db, { ...outcome, scenario_id: id });
  return toInfo(getScenario(readHere(ctx), id)!);
}

export async function scenarioDelete(ctx: PlanningContext, input: ApiInput<'scenario.delete'>) {
  const row = scenarioOrThrow(ctx, input.id);
  notChosen(row, 'deleted');
  deleteScenario(ctx.db, row, input.by);
  return { deleted: row.id };
}

/** What a stored outcome was computed from: the baseline's inputs and the levers. */
function outcomeKey(ctx: PlanningContext, row: ScenarioRow): string {
  return createHash('sha256')
    .update(JSON.stringify([inputs(ctx, row.cycle_id).key, levers(row)]))
    .digest('hex');
}

interface StoredOutcome {
  outcome: ScenarioOutcomeT;
  baseline: ScenarioOutcomeT;
  resolvedKeys: string[];
}

function toOutcome(o: Outcome, at: string, computeMs: number, incremental: boolean): ScenarioOutcomeT {
  const { resolvedKeys: _keys, ...rest } = o;
  return { ...rest, computedAt: at, computeMs: Math.round(computeMs * 10) / 10, incremental };
}

/** The scenario's outcome, recomputed (incrementally, in the engine's cached state) when stale. */
export async function ensureOutcome(ctx: PlanningContext, id: number): Promise<StoredOutcome> {
  const read = (): StoredOutcome | null => {
    const row = scenarioOrThrow(ctx, id);
    const stored = getOutcome(readHere(ctx), id);
    if (!stored || stored.input_key !== outcomeKey(ctx, row)) return null;
    return {
      outcome: JSON.parse(stored.outcome) as ScenarioOutcomeT,
      baseline: JSON.parse(stored.baseline_outcome) as ScenarioOutcomeT,
      resolvedKeys: JSON.parse(stored.resolved_keys) as string[],
    };
  };
  return (
    read() ??
    ctx.writes.run(async () => {
      const again = read();
      if (again) return again;
      const row = scenarioOrThrow(ctx, id);
      const { frame, settings, definitions } = inputs(ctx, row.cycle_id);
      const key = outcomeKey(ctx, row);
      let r;
      try {
        r = await ctx.engine.scenario({ frame, settings, definitions, scenario: { id, levers: levers(row) } });
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, `Scenario "${row.name}": ${e.message}`, e);
        throw e;
      }
      const at = nowIso();
      saveOutcome(ctx.db, {
        scenario_id: id,
        input_key: key,
        outcome: JSON.stringify(toOutcome(r.outcome, at, r.computeMs, r.incremental)),
        baseline_outcome: JSON.stringify(toOutcome(r.baseline, at, 0, false)),
        resolved_keys: JSON.stringify(r.outcome.resolvedKeys),
        compute_ms: r.computeMs,
        incremental: r.incremental ? 1 : 0,
        computed_at: at,
      });
      return read()!;
    })
  );
}

function scenariosOfCycle(ctx: PlanningContext, cycleId: number, ids: number[]): ScenarioRow[] {
  return ids.map((id) => {
    const row = scenarioOrThrow(ctx, id);
    if (row.cycle_id !== cycleId) {
      throw new AppError('invalid_input', `Scenario "${row.name}" belongs to another cycle.`, {
        where: { field: 'ids', value: String(id) },
        hint: 'Scenarios compare inside one cycle: they share its baseline, horizon and KPI set.',
      });
    }
    return row;
  });
}

export async function scenarioCompare(
  ctx: PlanningContext,
  input: ApiInput<'scenario.compare'>,
): Promise<ApiOutput<'scenario.compare'>> {
  const cycleId = input.cycleId ?? scenarioOrThrow(ctx, input.ids[0]!).cycle_id;
  const rows = scenariosOfCycle(ctx, cycleId, [...new Set(input.ids)]);
  const results = [];
  for (const row of rows) results.push({ row, stored: await ensureOutcome(ctx, row.id) });
  return {
    cycleId,
    baseline: results[0]!.stored.baseline,
    scenarios: results.map((r) => ({
      scenario: toInfo(getScenario(readHere(ctx), r.row.id)!),
      outcome: r.stored.outcome,
    })),
  };
}

export async function scenarioProjection(
  ctx: PlanningContext,
  input: ApiInput<'scenario.projection'>,
): Promise<ApiOutput<'scenario.projection'>> {
  const cycleId = cycleIdOrCurrent(
    readHere(ctx),
    input.cycleId ?? (input.ids[0] ? scenarioOrThrow(ctx, input.ids[0]).cycle_id : undefined),
  );
  const rows = scenariosOfCycle(ctx, cycleId, [...new Set(input.ids)]);
  const { frame, settings, definitions } = inputs(ctx, cycleId);
  const r = await ctx.engine.projection({
    frame,
    settings,
    definitions,
    scenarios: rows.map((row) => ({ id: row.id, levers: levers(row) })),
    subject: input.subject,
  });
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return {
    periods: r.periods,
    series: r.series.map((s) => ({
      scenarioId: s.scenarioId,
      name: s.scenarioId === null ? 'Baseline' : names.get(s.scenarioId)!,
      values: s.values,
    })),
  };
}

export async function scenarioChoose(
  ctx: PlanningContext,
  input: ApiInput<'scenario.choose'>,
): Promise<ApiOutput<'scenario.choose'>> {
  const row = scenarioOrThrow(ctx, input.id);
  notChosen(row, 'chosen again');
  // The baseline's exceptions are stored first: the decision links to them by key.
  await ensureComputed(ctx, row.cycle_id);
  const { outcome, baseline, resolvedKeys } = await ensureOutcome(ctx, row.id);
  const kpiId = input.kpiId ?? 'service_level';
  const figure = KPI_AIM[kpiId].figure;
  const expectations = FIGURES.filter((f) => f.group === 'kpi' || f.group === 'money').map((f) => ({
    figure: f.id,
    kpiId: 'kpiId' in f ? f.kpiId : null,
    baseline: baseline.figures[f.id] ?? null,
    expected: outcome.figures[f.id] ?? null,
  }));
  const cycle = getCycle(ctx.db, row.cycle_id)!;
  const title = input.title ?? `Adopt scenario "${row.name}"`;
  const owner = input.owner ?? row.owner;
  const dueDate = dueOrThrow(input.due, cycle);
  const d = recordDecision(
    ctx.db,
    {
      cycleId: row.cycle_id,
      title,
      rationale: input.rationale ?? row.assumptions,
      owner,
      dueDate,
      function: KPI_AIM[kpiId].fn,
      scenarioId: row.id,
      exceptionKeys: resolvedKeys,
      kpiId,
      expectedValue: outcome.figures[figure] ?? null,
      expectations,
      recordedBy: input.by,
    },
    {
      priority: input.priority,
      op: 'scenario-choose',
      also: (uid, at) => logScenario(ctx.db, row.id, row.cycle_id, 'choose', { decision: uid, title }, input.by, at),
    },
  );
  return {
    decision: {
      id: d.id,
      uid: d.uid,
      title,
      status: 'proposed',
      owner,
      recordedBy: input.by,
      recordedAt: d.recorded_at,
      priorityRank: d.priority_rank,
      kpiId,
      expectedValue: outcome.figures[figure] ?? null,
      dueDate,
      scenarioId: row.id,
      exceptionKey: resolvedKeys[0] ?? null,
    },
    expectations: expectations.map(({ figure: f, baseline: b, expected }) => ({ figure: f, baseline: b, expected })),
    exceptionKeys: resolvedKeys,
  };
}
