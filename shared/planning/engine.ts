// One full recompute: projection, the five exception types, the KPIs and their breaches, ranked
// by value at risk. Arrays in, plain results out; the worker host and the tests call this.
import type { RaisedException } from './exceptions';
import type { KpiValue } from './kpis';
import type { PlanningModel } from './model';
import type { Projection, Workspace } from './projection';
import type { KpiDefinitionT, PlanningSettingsT } from './settings';
import { PlanState } from './state';

export { byValueAtRisk } from './exceptions';

export interface Recompute {
  projection: Projection;
  exceptions: RaisedException[];
  kpis: KpiValue[];
  /** The computed plan, from which scenarios start. */
  state: PlanState;
}

export function recompute(
  model: PlanningModel,
  settings: PlanningSettingsT,
  definitions: readonly KpiDefinitionT[],
  workspace?: Workspace,
): Recompute {
  const state = new PlanState(model, settings, definitions, { workspace });
  return { projection: state.projection, exceptions: state.exceptions(), kpis: state.kpis, state };
}
