// Messages between the engine host (main thread) and the engine worker.
import type { AppErrorShape } from '../../shared/domain/errors';
import type { RaisedException } from '../../shared/planning/exceptions';
import type { KpiValue } from '../../shared/planning/kpis';
import type { LeverT } from '../../shared/planning/levers';
import type { Outcome } from '../../shared/planning/outcome';
import type { KpiDefinitionT, PlanningSettingsT } from '../../shared/planning/settings';
import type { UpdateStats } from '../../shared/planning/state';
import type { CycleFrame } from './loadModel';

/** What every request computes on: the cycle's snapshot set, settings and KPI definitions. */
export interface PlanInputs {
  frame: CycleFrame;
  settings: PlanningSettingsT;
  definitions: KpiDefinitionT[];
}

export interface ScenarioRef {
  id: number;
  levers: LeverT[];
}

export type SubjectRef =
  | { kind: 'item'; sku: string; location: string }
  | { kind: 'resource'; resource: string }
  | { kind: 'lane'; lane: string };

export type EngineRequest =
  | ({ id: number; kind: 'compute' } & PlanInputs)
  | ({ id: number; kind: 'validate'; levers: LeverT[] } & PlanInputs)
  | ({ id: number; kind: 'scenario'; scenario: ScenarioRef } & PlanInputs)
  | ({ id: number; kind: 'projection'; scenarios: ScenarioRef[]; subject: SubjectRef } & PlanInputs);

export interface ComputeResult {
  exceptions: RaisedException[];
  kpis: KpiValue[];
  /** 0 when the arrays of this snapshot set were already loaded. */
  loadMs: number;
  computeMs: number;
}

export interface ScenarioResult {
  outcome: Outcome;
  baseline: Outcome;
  loadMs: number;
  /** Time to bring the scenario up to date and compute its outcome. */
  computeMs: number;
  /** A cached state of this scenario was updated (else it started from a copy of the baseline). */
  incremental: boolean;
  stats: UpdateStats | null;
}

export interface ProjectionResult {
  periods: string[];
  /** Baseline first (id null), then each scenario. */
  series: { scenarioId: number | null; values: Record<string, number[]> }[];
}

export interface EngineResults {
  compute: ComputeResult;
  validate: null;
  scenario: ScenarioResult;
  projection: ProjectionResult;
}

export type EngineReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: AppErrorShape };
