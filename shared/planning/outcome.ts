// A plan's outcome in the figures scenarios are compared on (figures.ts): the KPI totals, money,
// capacity and lead time, and its exceptions against the baseline's (resolved, remaining, new).
// The baseline is a scenario with no levers, so it goes through the same function.
import type { PlanState } from './state';
import type { ExceptionType, RaisedException } from './exceptions';
import { figureDeltas, type Figures } from './figures';
import { LS, REASON } from './projection';

export interface ExceptionBrief {
  key: string;
  type: ExceptionType;
  subject: string;
  valueAtRisk: number;
}

export interface Outcome {
  figures: Figures;
  deltas: Figures;
  exceptionsByType: Record<string, number>;
  /** The largest baseline exceptions resolved, and the largest new ones (TOP of each). */
  resolved: ExceptionBrief[];
  added: ExceptionBrief[];
  /** Every baseline exception the plan resolves, largest first (a decision links them). */
  resolvedKeys: string[];
}

const TOP = 20;
const DAYS_PER_PERIOD = 7;

export function outcome(s: PlanState, baseline: PlanState, baselineFigures?: Figures): Outcome {
  const figures = {
    ...kpiFigures(s),
    ...moneyFigures(s),
    ...capacityFigures(s),
    ...leadTimeFigures(s),
  } as Figures;
  const ex = compareExceptions(s, baseline);
  Object.assign(figures, ex.figures);
  const base = baselineFigures ?? (s === baseline ? figures : outcome(baseline, baseline).figures);
  return {
    figures,
    deltas: figureDeltas(figures, base),
    exceptionsByType: ex.byType,
    resolved: ex.resolved.slice(0, TOP).map(brief),
    added: ex.added.slice(0, TOP).map(brief),
    resolvedKeys: ex.resolved.map((e) => e.key),
  };
}

function total(s: PlanState, kpiId: string, metric: string): number | null {
  const v = s.kpis.find((k) => k.kpiId === kpiId && k.dimension === 'total');
  return v?.metrics[metric] ?? null;
}

function kpiFigures(s: PlanState) {
  const inventory = s.kpis.find((k) => k.kpiId === 'inventory_turnover' && k.dimension === 'total');
  return {
    projected_otif: total(s, 'service_level', 'projected_otif'),
    otif: total(s, 'service_level', 'otif'),
    fill_rate: total(s, 'service_level', 'fill_rate'),
    forecast_accuracy: total(s, 'forecast_accuracy', 'accuracy'),
    turns: total(s, 'inventory_turnover', 'turns'),
    plan_adherence: total(s, 'plan_adherence', 'adherence'),
    deviation_rate: total(s, 'logistics_deviations', 'deviation_rate'),
    // The turnover KPI's own average inventory value: one definition of the cash tied up.
    inventory_value: inventory ? inventory.basis : null,
    freight_cost: total(s, 'logistics_deviations', 'freight_cost'),
  };
}

/**
 * Revenue: the demand the capacity-constrained plan serves inside the horizon (demand less the
 * backlog left at its end) at list price; margin after cost of goods, expedite and capacity cost.
 */
function moneyFigures(s: PlanState) {
  let revenue = 0;
  let cogs = 0;
  for (let i = 0; i < s.model.il.count; i++) {
    revenue += s.sums.revenue[i]!;
    cogs += s.sums.servedCost[i]!;
  }
  const capacityCost = capacitySpend(s);
  return {
    revenue,
    margin: revenue - cogs - s.expediteCost - capacityCost,
    expedite_cost: s.expediteCost,
    capacity_cost: capacityCost,
  };
}

/** Extra shifts are paid in full; overtime only for the hours the load uses above the rest. */
function capacitySpend(s: PlanState): number {
  const levers = s.levers.capacity;
  if (levers.length === 0) return 0;
  const m = s.model;
  const P = m.periods;
  let cost = 0;
  const overtime = new Map<number, { hours: number; cost: number }>();
  for (const l of levers) {
    for (let t = l.from; t <= l.to; t++) {
      if (l.shift) cost += l.hours * l.rate;
      else {
        const c = l.resource * P + t;
        const o = overtime.get(c) ?? { hours: 0, cost: 0 };
        o.hours += l.hours;
        o.cost += l.hours * l.rate;
        overtime.set(c, o);
      }
    }
  }
  for (const [c, o] of overtime) {
    const regular = m.resource.capacity[c]! - o.hours;
    const used = Math.min(o.hours, Math.max(0, s.projection.load[c]! - regular));
    cost += (used / o.hours) * o.cost;
  }
  return cost;
}

function capacityFigures(s: PlanState) {
  const m = s.model;
  const { load } = s.projection;
  let loaded = 0;
  let available = 0;
  let peak: number | null = null;
  let overload = 0;
  for (let c = 0; c < load.length; c++) {
    const cap = m.resource.capacity[c]!;
    loaded += load[c]!;
    available += cap;
    if (cap > 0 && (peak === null || load[c]! / cap > peak)) peak = load[c]! / cap;
    overload += Math.max(0, load[c]! - cap);
  }
  return { utilization: available > 0 ? loaded / available : null, peak_utilization: peak, overload_hours: overload };
}

/**
 * Lead time as the average delay of the open committed lines the projection judges: a stock or
 * capacity break waits for the first period its balance is back at zero or above (the horizon's end
 * if never), a late ETA for the ETA, a lane over capacity for the next period. On time, a TMS or
 * WMS constraint code with no late ETA: 0 (no delay known; the line still counts as at risk).
 */
function leadTimeFigures(s: PlanState) {
  const m = s.model;
  const p = s.projection;
  const P = m.periods;
  const L = m.line;
  let judged = 0;
  let late = 0;
  let days = 0;
  for (let i = 0; i < L.count; i++) {
    const status = p.lineStatus[i]!;
    if (status === LS.none) continue;
    judged++;
    if (status === LS.ok) continue;
    late++;
    const t = Math.max(0, L.committedPeriod[i]!);
    if (status === LS.stock || status === LS.capacity) {
      const balance = status === LS.stock ? p.pab : p.constrainedPab;
      const row = L.il[i]! * P;
      let back = t;
      while (back < P && balance[row + back]! < 0) back++;
      days += (back - t) * DAYS_PER_PERIOD;
    } else if (status === LS.transport) {
      const eta = L.etaDay[i]!;
      if (eta > L.committedDay[i]!) days += eta - L.committedDay[i]!;
      if (p.lineCause[i] === REASON.laneOverCapacity) days += DAYS_PER_PERIOD;
    }
  }
  return { lead_time_days: judged > 0 ? days / judged : null, late_lines: late };
}

function compareExceptions(s: PlanState, baseline: PlanState) {
  const resolved: RaisedException[] = [];
  const added: RaisedException[] = [];
  const byType: Record<string, number> = {};
  let count = 0;
  let value = 0;
  let remaining = 0;
  const mine = (e: RaisedException) => {
    count++;
    value += e.valueAtRisk;
    byType[e.type] = (byType[e.type] ?? 0) + 1;
  };
  // Slots line up with the baseline's: the same index is the same subject, so the same key.
  const pairs: [(RaisedException | null)[], (RaisedException | null)[]][] = [
    [s.belowSafety, baseline.belowSafety],
    [s.demandShift, baseline.demandShift],
    [s.otifRisk, baseline.otifRisk],
    [s.freightCost, baseline.freightCost],
  ];
  for (const [now, before] of pairs) {
    for (let k = 0; k < now.length; k++) {
      const e = now[k];
      const was = before[k];
      if (e) mine(e);
      if (e && was) remaining++;
      else if (e) added.push(e);
      else if (was) resolved.push(was);
    }
  }
  const keyed = (now: RaisedException[], before: RaisedException[]) => {
    const was = new Set(before.map((e) => e.key));
    const is = new Set(now.map((e) => e.key));
    for (const e of now) {
      mine(e);
      if (was.has(e.key)) remaining++;
      else added.push(e);
    }
    for (const e of before) if (!is.has(e.key)) resolved.push(e);
  };
  keyed(s.capacity, baseline.capacity);
  keyed(s.kpiBreaches, baseline.kpiBreaches);
  resolved.sort((a, b) => b.valueAtRisk - a.valueAtRisk);
  added.sort((a, b) => b.valueAtRisk - a.valueAtRisk);
  return {
    byType,
    resolved,
    added,
    figures: {
      exceptions: count,
      value_at_risk: value,
      resolved: resolved.length,
      resolved_value: resolved.reduce((n, e) => n + e.valueAtRisk, 0),
      remaining,
      new: added.length,
    },
  };
}

type SubjectFields = Pick<RaisedException, 'key' | 'sku' | 'location' | 'family' | 'resource' | 'lane' | 'kpiId'> & {
  orderId: string | null;
};

/** What an exception is about, in a few words: its order, item-location, resource, lane or KPI group. */
export const exceptionSubject = (e: SubjectFields): string =>
  e.orderId ??
  (e.sku ? `${e.sku}@${e.location}` : null) ??
  e.resource ??
  e.lane ??
  (e.kpiId ? `${e.kpiId} ${e.family ?? e.resource ?? e.lane ?? 'total'}` : e.key);

function brief(e: RaisedException): ExceptionBrief {
  return { key: e.key, type: e.type, subject: exceptionSubject(e), valueAtRisk: e.valueAtRisk };
}

/** The item-location's, resource's or lane's projection rows (what the comparison charts draw). */
export function subjectSeries(
  s: PlanState,
  subject: { kind: 'item'; il: number } | { kind: 'resource'; resource: number } | { kind: 'lane'; lane: number },
): Record<string, number[]> {
  const m = s.model;
  const p = s.projection;
  const P = m.periods;
  const row = (a: Float64Array, r: number) => Array.from(a.subarray(r * P, r * P + P));
  if (subject.kind === 'item') {
    const i = subject.il;
    return {
      demand: row(p.demand, i),
      pab: row(p.pab, i),
      constrained_pab: row(p.constrainedPab, i),
      safety_stock: new Array<number>(P).fill(m.il.safetyStock[i]!),
    };
  }
  if (subject.kind === 'resource') {
    return { load: row(p.load, subject.resource), capacity: row(m.resource.capacity, subject.resource) };
  }
  return { booked: row(m.lane.bookedLoads, subject.lane), capacity: row(m.lane.capacityLoads, subject.lane) };
}
