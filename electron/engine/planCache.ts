// The engine worker's memory: the arrays of the snapshot set last loaded, the baseline computed
// on them, and the scenarios computed since, each kept as a PlanState so the next lever change
// recomputes only what it touches. Scenario states are dropped least recently used first once
// their arrays pass the budget; a dropped one is rebuilt from the baseline when asked again.
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/domain/errors';
import { NO_INDEX, type PlanningModel } from '../../shared/planning/model';
import { outcome, subjectSeries, type Outcome } from '../../shared/planning/outcome';
import { createWorkspace, type Workspace } from '../../shared/planning/projection';
import { PlanState } from '../../shared/planning/state';
import { frameKey, loadModel } from './loadModel';
import type { PlanInputs, ScenarioRef, SubjectRef } from './protocol';

interface Loaded {
  key: string;
  model: PlanningModel;
  workspace: Workspace;
  baseline: { key: string; state: PlanState; outcome: Outcome | null } | null;
  scenarios: Map<number, { key: string; levers: string; state: PlanState }>;
}

export class PlanCache {
  private loaded: Loaded | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly budgetBytes: number,
  ) {}

  /** The model of the frame, loaded when it is not the one in memory; with the ms it took. */
  model(inputs: PlanInputs): { loaded: Loaded; loadMs: number } {
    const key = frameKey(inputs.frame);
    if (this.loaded?.key === key) return { loaded: this.loaded, loadMs: 0 };
    this.loaded = null; // let the old arrays go before the new ones are built
    const t0 = performance.now();
    const model = loadModel(this.db, inputs.frame);
    this.loaded = { key, model, workspace: createWorkspace(model), baseline: null, scenarios: new Map() };
    return { loaded: this.loaded, loadMs: performance.now() - t0 };
  }

  /** A full recompute of the baseline, kept for the scenarios. */
  recompute(inputs: PlanInputs): { state: PlanState; loadMs: number } {
    const { loaded, loadMs } = this.model(inputs);
    const key = settingsKey(inputs);
    // Scenarios computed on other settings are stale; on the same ones they stay valid.
    if (loaded.baseline?.key !== key) loaded.scenarios.clear();
    loaded.baseline = null;
    const state = new PlanState(loaded.model, inputs.settings, inputs.definitions, { workspace: loaded.workspace });
    loaded.baseline = { key, state, outcome: null };
    return { state, loadMs };
  }

  baseline(inputs: PlanInputs): { state: PlanState; outcome: Outcome; loadMs: number } {
    const { loaded, loadMs } = this.model(inputs);
    let base = loaded.baseline;
    if (base?.key !== settingsKey(inputs)) {
      this.recompute(inputs);
      base = loaded.baseline!;
    }
    base.outcome ??= outcome(base.state, base.state);
    return { state: base.state, outcome: base.outcome, loadMs };
  }

  /** The scenario's state with these levers: its cached state updated, or a copy of the baseline. */
  scenario(inputs: PlanInputs, ref: ScenarioRef) {
    const base = this.baseline(inputs);
    const loaded = this.loaded!;
    const levers = JSON.stringify(ref.levers);
    let entry = loaded.scenarios.get(ref.id);
    const incremental = entry?.key === loaded.baseline!.key;
    if (!entry || !incremental) {
      const state = new PlanState(loaded.model, inputs.settings, inputs.definitions, { from: base.state });
      entry = { key: loaded.baseline!.key, levers: '[]', state };
    }
    loaded.scenarios.delete(ref.id); // re-inserted last: the map's order is least recently used first
    let stats = null;
    if (entry.levers !== levers) {
      try {
        stats = entry.state.update(ref.levers);
      } catch (e) {
        // Bad levers are refused before anything changes: the cached state stays as it was. Any
        // other failure may have left it half-updated, so it goes.
        if (e instanceof AppError && incremental) loaded.scenarios.set(ref.id, entry);
        throw e;
      }
      entry.levers = levers;
    }
    loaded.scenarios.set(ref.id, entry);
    return { state: entry.state, baseline: base, incremental, stats };
  }

  /** Drops the least recently used scenario states until their arrays fit the budget. */
  trim(): void {
    const scenarios = this.loaded?.scenarios;
    if (!scenarios) return;
    let bytes = 0;
    for (const e of scenarios.values()) bytes += e.state.bytes;
    for (const [id, e] of scenarios) {
      if (bytes <= this.budgetBytes || scenarios.size <= 1) break;
      bytes -= e.state.bytes;
      scenarios.delete(id);
    }
  }

  /** The projection rows of a subject under the baseline and each scenario. */
  projection(inputs: PlanInputs, scenarios: ScenarioRef[], subject: SubjectRef) {
    const base = this.baseline(inputs);
    const where = locate(base.state.model, subject);
    const series = [{ scenarioId: null as number | null, values: subjectSeries(base.state, where) }];
    for (const ref of scenarios) {
      series.push({ scenarioId: ref.id, values: subjectSeries(this.scenario(inputs, ref).state, where) });
    }
    return { periods: base.state.model.horizon, series };
  }
}

const settingsKey = (inputs: PlanInputs): string => JSON.stringify([inputs.settings, inputs.definitions]);

function locate(m: PlanningModel, s: SubjectRef) {
  const missing = (what: string, value: string) =>
    new AppError('not_found', `No ${what} "${value}" in this cycle's snapshot set.`, {
      where: { field: 'subject', value },
      hint: `Pick one the cycle's snapshot set has.`,
    });
  if (s.kind === 'resource') {
    const resource = m.resources.get(s.resource);
    if (resource === NO_INDEX) throw missing('resource', s.resource);
    return { kind: 'resource' as const, resource };
  }
  if (s.kind === 'lane') {
    const lane = m.lanes.get(s.lane);
    if (lane === NO_INDEX) throw missing('lane', s.lane);
    return { kind: 'lane' as const, lane };
  }
  const sku = m.skus.get(s.sku);
  const location = m.locations.get(s.location);
  for (let i = 0; i < m.il.count; i++) {
    if (m.il.sku[i] === sku && m.il.location[i] === location) return { kind: 'item' as const, il: i };
  }
  throw missing('item-location', `${s.sku}@${s.location}`);
}
