// Messages between the engine host (main thread) and the engine worker.
import type { AppErrorShape } from '../../shared/domain/errors';
import type { RaisedException } from '../../shared/planning/exceptions';
import type { KpiValue } from '../../shared/planning/kpis';
import type { KpiDefinitionT, PlanningSettingsT } from '../../shared/planning/settings';
import type { CycleFrame } from './loadModel';

export interface ComputeRequest {
  id: number;
  kind: 'compute';
  frame: CycleFrame;
  settings: PlanningSettingsT;
  definitions: KpiDefinitionT[];
}

export interface ComputeResult {
  exceptions: RaisedException[];
  kpis: KpiValue[];
  /** 0 when the arrays of this snapshot set were already loaded. */
  loadMs: number;
  computeMs: number;
}

export type EngineReply =
  { id: number; ok: true; result: ComputeResult } | { id: number; ok: false; error: AppErrorShape };
