// The engine's results in the reference's shape (tests/unit/planningReference.ts), so the case
// and property tests compare the two implementations field by field.
import type { Recompute } from '../../shared/planning/engine';
import type { PlanningModel } from '../../shared/planning/model';
import { LINE_STATUS, lineReason } from '../../shared/planning/projection';
import type { PlanView } from './planningReference';

export function engineView(m: PlanningModel, r: Recompute): PlanView {
  const P = m.periods;
  const p = r.projection;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const slice = (a: Float64Array, row: number) => Array.from(a.subarray(row * P, (row + 1) * P));
  const ilKey = (i: number) => `${m.skus.values[m.il.sku[i]!]}@${m.locations.values[m.il.location[i]!]}`;
  const byIl = (a: Float64Array) => new Map(range(m.il.count).map((i) => [ilKey(i), slice(a, i)]));
  const byResource = (a: Float64Array) =>
    new Map(range(m.resource.count).map((i) => [m.resources.values[i]!, slice(a, i)]));
  return {
    demand: byIl(p.demand),
    pab: byIl(p.pab),
    constrainedPab: byIl(p.constrainedPab),
    load: byResource(p.load),
    feasible: byResource(p.feasible),
    lines: new Map(
      range(m.line.count).map((i) => [
        `${m.orders.values[m.line.order[i]!]}:${m.line.line[i]}`,
        { status: LINE_STATUS[p.lineStatus[i]!]!, reason: lineReason(m, p, i) },
      ]),
    ),
    exceptions: new Map(
      r.exceptions.map((e) => [
        e.key,
        {
          key: e.key,
          type: e.type,
          valueAtRisk: e.valueAtRisk,
          periodFrom: e.periodFrom,
          periodTo: e.periodTo,
          peakPeriod: e.peakPeriod,
          peakValue: e.peakValue,
        },
      ]),
    ),
    kpis: new Map(r.kpis.map((k) => [`${k.kpiId}:${k.dimension}:${k.group}`, k])),
  };
}
