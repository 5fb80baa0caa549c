// One full recompute: projection, the five exception types, the KPIs and their breaches, ranked
// by value at risk. Arrays in, plain results out; the worker host and the tests call this.
import { raiseExceptions, type RaisedException } from './exceptions';
import { computeKpis, kpiBreaches, type KpiValue } from './kpis';
import type { PlanningModel } from './model';
import { project, type Projection, type Workspace } from './projection';
import type { KpiDefinitionT, PlanningSettingsT } from './settings';

export interface Recompute {
  projection: Projection;
  exceptions: RaisedException[];
  kpis: KpiValue[];
}

export function recompute(
  model: PlanningModel,
  settings: PlanningSettingsT,
  definitions: readonly KpiDefinitionT[],
  workspace?: Workspace,
): Recompute {
  const projection = project(model, settings, workspace);
  const kpis = computeKpis(model, projection, settings, definitions);
  const exceptions = [...raiseExceptions(model, projection, settings), ...kpiBreaches(kpis, definitions)];
  exceptions.sort(byValueAtRisk);
  return { projection, exceptions, kpis };
}

/** Highest value at risk first; the key breaks ties so the order is stable. */
export function byValueAtRisk(a: RaisedException, b: RaisedException): number {
  return b.valueAtRisk - a.valueAtRisk || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
