// The five exception types of DOMAIN.md, raised from a projection, each with its value at risk.
// Keys are type + subject (never a row number), so an exception keeps its identity across
// recomputes and is recognised in the next cycle.
import {
  groupIndexes,
  isKnownIl,
  isKnownLine,
  isWatched,
  leadPeriods,
  lineMargin,
  lineValue,
  NO_INDEX,
  unitMargin,
  type Grouped,
  type PlanningModel,
} from './model';
import { addPeriods } from '../domain/period';
import { LS, lineReason, type Projection } from './projection';
import type { PlanningSettingsT } from './settings';

export const EXCEPTION_TYPES = [
  'below_safety_stock',
  'capacity_shortfall',
  'otif_risk',
  'demand_shift',
  'logistics_cost_guardrail',
  'kpi_breach',
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export interface RaisedException {
  key: string;
  type: ExceptionType;
  sku: string | null;
  location: string | null;
  family: string | null;
  resource: string | null;
  lane: string | null;
  orderId: string | null;
  kpiId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  peakPeriod: string | null;
  peakValue: number | null;
  valueAtRisk: number;
  detail: Record<string, unknown>;
}

export interface Interval {
  from: number;
  to: number;
  /** Period of the largest value, and that value. */
  peak: number;
  peakValue: number;
  total: number;
}

/** Runs of consecutive periods where gap(t) > 0, merged, with their peak and sum. */
export function breachIntervals(periods: number, gap: (t: number) => number): Interval[] {
  const out: Interval[] = [];
  let open: Interval | null = null;
  for (let t = 0; t < periods; t++) {
    const g = gap(t);
    if (g > 0) {
      if (!open) open = { from: t, to: t, peak: t, peakValue: g, total: 0 };
      open.to = t;
      open.total += g;
      if (g > open.peakValue) {
        open.peak = t;
        open.peakValue = g;
      }
    } else if (open) {
      out.push(open);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}

/** What an exception is about; each field may be absent. */
interface Subject {
  sku?: string | null;
  location?: string | null;
  family?: string | null;
  resource?: string | null;
  lane?: string | null;
}
/** A breach span: first and last period, and the peak. */
interface Span {
  periodFrom: string;
  periodTo: string;
  peakPeriod: string;
  peakValue: number;
}
const NO_SUBJECT: Subject = {};

/**
 * An exception with every field set in one order: one object shape for thousands of them. The
 * subject and span come as their own objects, read field by field: spreading them into a literal
 * per exception was most of the recompute's time on size L.
 */
export function exception(
  f: Partial<RaisedException> & Pick<RaisedException, 'key' | 'type' | 'valueAtRisk' | 'detail'>,
  subject: Subject = NO_SUBJECT,
  span: Span | null = null,
): RaisedException {
  return {
    key: f.key,
    type: f.type,
    sku: f.sku ?? subject.sku ?? null,
    location: f.location ?? subject.location ?? null,
    family: f.family ?? subject.family ?? null,
    resource: f.resource ?? subject.resource ?? null,
    lane: f.lane ?? subject.lane ?? null,
    orderId: f.orderId ?? null,
    kpiId: f.kpiId ?? null,
    periodFrom: f.periodFrom ?? span?.periodFrom ?? null,
    periodTo: f.periodTo ?? span?.periodTo ?? null,
    peakPeriod: f.peakPeriod ?? span?.peakPeriod ?? null,
    peakValue: f.peakValue ?? span?.peakValue ?? null,
    valueAtRisk: f.valueAtRisk,
    detail: f.detail,
  };
}

/** Highest value at risk first; the key breaks ties so the order is stable. */
export function byValueAtRisk(a: RaisedException, b: RaisedException): number {
  return b.valueAtRisk - a.valueAtRisk || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The resource that makes each sku (its first routing), for roll-ups by resource; once per routing table. */
const homeCache = new WeakMap<object, Int32Array>();
export function homeResources(m: PlanningModel): Int32Array {
  let out = homeCache.get(m.routing);
  if (out) return out;
  out = new Int32Array(m.skus.size).fill(NO_INDEX);
  for (let k = 0; k < m.routing.count; k++) {
    const sku = m.routing.sku[k]!;
    if (out[sku] === NO_INDEX) out[sku] = m.routing.resource[k]!;
  }
  homeCache.set(m.routing, out);
  return out;
}

function itemSubject(m: PlanningModel, il: number, home: Int32Array) {
  const sku = m.il.sku[il]!;
  const family = m.item.family[sku]!;
  const resource = home[sku]!;
  return {
    sku: m.skus.values[sku]!,
    location: m.locations.values[m.il.location[il]!]!,
    family: family === NO_INDEX ? null : m.families.values[family]!,
    resource: resource === NO_INDEX ? null : m.resources.values[resource]!,
  };
}

function intervalDetail(m: PlanningModel, list: Interval[]) {
  return list.map((iv) => ({
    from: m.horizon[iv.from],
    to: m.horizon[iv.to],
    peak: m.horizon[iv.peak],
    peakValue: round(iv.peakValue),
    total: round(iv.total),
  }));
}

/** The interval holding the largest value (the first of equals). */
const peakOf = (list: Interval[]): Interval => list.reduce((a, b) => (b.peakValue > a.peakValue ? b : a));

function spanOf(m: PlanningModel, list: Interval[]) {
  const peak = peakOf(list);
  return {
    periodFrom: m.horizon[list[0]!.from]!,
    periodTo: m.horizon[list[list.length - 1]!.to]!,
    peakPeriod: m.horizon[peak.peak]!,
    peakValue: round(peak.peakValue),
  };
}

/** A key or class-A item-location whose PAB falls below safety stock: shortage x unit margin. */
export function belowSafetyStock(
  m: PlanningModel,
  p: Projection,
  home: Int32Array,
  il: number,
): RaisedException | null {
  const P = m.periods;
  const sku = m.il.sku[il]!;
  // A site the location master does not know has no margin to put at risk: a data issue.
  if (!isWatched(m, sku) || !isKnownIl(m, il)) return null;
  const ss = m.il.safetyStock[il]!;
  const row = il * P;
  const list = breachIntervals(P, (t) => ss - p.pab[row + t]!);
  if (list.length === 0) return null;
  const subject = itemSubject(m, il, home);
  const shortage = list.reduce((n, iv) => n + iv.total, 0);
  return exception(
    {
      key: `below_safety_stock:${subject.sku}@${subject.location}`,
      type: 'below_safety_stock',
      valueAtRisk: round(shortage * Math.max(0, unitMargin(m, sku))),
      detail: {
        safetyStock: ss,
        shortageQty: round(shortage),
        unitMargin: round(unitMargin(m, sku)),
        intervals: intervalDetail(m, list),
      },
    },
    subject,
    spanOf(m, list),
  );
}

/** Overloaded resources that feed committed orders: the value of the orders it breaks. */
export function capacityShortfall(m: PlanningModel, p: Projection): RaisedException[] {
  const P = m.periods;
  const value = new Float64Array(m.resource.count);
  const lines = new Int32Array(m.resource.count);
  for (let i = 0; i < m.line.count; i++) {
    if (p.lineStatus[i] !== LS.capacity) continue;
    const r = p.lineCause[i]!;
    if (r === NO_INDEX) continue;
    value[r]! += lineValue(m, i);
    lines[r]! += 1;
  }
  const out: RaisedException[] = [];
  for (let r = 0; r < m.resource.count; r++) {
    if (value[r]! <= 0) continue;
    const row = r * P;
    const list = breachIntervals(P, (t) => p.load[row + t]! - m.resource.capacity[row + t]!);
    if (list.length === 0) continue;
    const resource = m.resources.values[r]!;
    const loc = m.resource.location[r]!;
    const peak = peakOf(list);
    out.push(
      exception(
        {
          key: `capacity_shortfall:${resource}`,
          type: 'capacity_shortfall',
          resource,
          location: loc === NO_INDEX ? null : m.locations.values[loc]!,
          valueAtRisk: round(value[r]!),
          detail: {
            overloadHours: round(list.reduce((n, iv) => n + iv.total, 0)),
            peakUtilization: round(p.load[row + peak.peak]! / Math.max(1e-9, m.resource.capacity[row + peak.peak]!), 3),
            ordersBroken: lines[r],
            intervals: intervalDetail(m, list),
          },
        },
        NO_SUBJECT,
        spanOf(m, list),
      ),
    );
  }
  return out;
}

/** Per order: otif_risk (transport or warehouse risk) and logistics_cost_guardrail (freight). */
export class OrderExceptions {
  readonly lines: Grouped;
  private readonly days = new Map<number, string>();
  constructor(
    private readonly m: PlanningModel,
    private readonly s: PlanningSettingsT,
  ) {
    this.lines = linesOfOrders(m);
  }

  private day(d: number): string {
    let label = this.days.get(d);
    if (label === undefined) this.days.set(d, (label = dayLabel(d)));
    return label;
  }

  /** The order's otif_risk and logistics_cost_guardrail exceptions, each null when not raised. */
  of(p: Projection, o: number): [RaisedException | null, RaisedException | null] {
    const { m, s } = this;
    const L = m.line;
    const { start, index } = this.lines;
    let value = 0;
    let margin = 0;
    let freight = 0;
    let first = NO_INDEX;
    let firstRisky = NO_INDEX;
    let risky = 0;
    let due = Infinity;
    for (let k = start[o]!; k < start[o + 1]!; k++) {
      const i = index[k]!;
      if (L.status[i]! > 1) continue; // delivered, cancelled and unknown lines are not at risk
      // A line whose sku or site the masters do not know has no cost: it stays out of the order's
      // value, margin and freight (reconciliation reports it), but its risk still counts.
      if (isKnownLine(m, i)) {
        value += lineValue(m, i);
        margin += lineMargin(m, i);
        freight += L.freight[i]!;
      }
      if (first === NO_INDEX) first = i;
      if (p.lineLogisticsRisk[i]) {
        if (firstRisky === NO_INDEX) firstRisky = i;
        risky++;
        due = Math.min(due, L.committedPeriod[i]!);
      }
    }
    if (first === NO_INDEX) return [null, null];
    const guardrail = s.freightGuardrail * Math.max(0, margin);
    const overFreight = freight > 0 && freight > guardrail;
    if (risky === 0 && !overFreight) return [null, null];
    const orderId = m.orders.values[o]!;
    const subject = orderSubject(m, firstRisky === NO_INDEX ? first : firstRisky);
    let otif: RaisedException | null = null;
    if (risky > 0) {
      const lines = [];
      for (let k = start[o]!; k < start[o + 1]!; k++) {
        const i = index[k]!;
        if (L.status[i]! > 1 || !p.lineLogisticsRisk[i]) continue;
        lines.push({
          line: L.line[i],
          sku: m.skus.values[L.sku[i]!],
          committed: this.day(L.committedDay[i]!),
          eta: Number.isNaN(L.etaDay[i]!) ? null : this.day(L.etaDay[i]!),
          reason: riskReason(m, p, i),
        });
      }
      otif = exception(
        {
          key: `otif_risk:${orderId}`,
          type: 'otif_risk',
          orderId,
          periodFrom: periodLabel(m, due),
          periodTo: periodLabel(m, due),
          valueAtRisk: round(value),
          detail: { lines },
        },
        subject,
      );
    }
    const cost = !overFreight
      ? null
      : exception(
          {
            key: `logistics_cost_guardrail:${orderId}`,
            type: 'logistics_cost_guardrail',
            orderId,
            valueAtRisk: round(freight - guardrail),
            detail: {
              freight: round(freight),
              orderMargin: round(margin),
              guardrail: round(guardrail),
              guardrailShare: s.freightGuardrail,
            },
          },
          subject,
        );
    return [otif, cost];
  }
}

/** Order lines by order, once per line table. */
const orderLinesCache = new WeakMap<object, Grouped>();
export function linesOfOrders(m: PlanningModel): Grouped {
  let g = orderLinesCache.get(m.line.order);
  if (!g) {
    g = groupIndexes(m.orders.size, m.line.count, (i) => m.line.order[i]!);
    orderLinesCache.set(m.line.order, g);
  }
  return g;
}

function orderSubject(m: PlanningModel, i: number) {
  const L = m.line;
  const sku = L.sku[i]!;
  const family = m.item.family[sku]!;
  return {
    sku: m.skus.values[sku]!,
    location: m.locations.values[m.il.location[L.il[i]!]!]!,
    family: family === NO_INDEX ? null : m.families.values[family]!,
    lane: L.lane[i] === NO_INDEX ? null : m.lanes.values[L.lane[i]!]!,
  };
}

/** Why a line is at OTIF risk: the projection's reason when it judged one, else the logistics cause. */
function riskReason(m: PlanningModel, p: Projection, i: number): string {
  const L = m.line;
  const judged = lineReason(m, p, i);
  if (judged && (p.lineStatus[i] === LS.transport || p.lineStatus[i] === LS.warehouse)) return judged;
  if (L.shipmentCode[i] !== NO_INDEX) return m.codes.values[L.shipmentCode[i]!]!;
  if (L.etaDay[i]! > L.committedDay[i]!) return 'LATE_ETA';
  if (L.pickCode[i] !== NO_INDEX) return m.codes.values[L.pickCode[i]!]!;
  return 'LANE_OVER_CAPACITY';
}

/** Demand moving by more than the threshold inside the replenishment lead time. */
export function demandShift(
  m: PlanningModel,
  s: PlanningSettingsT,
  home: Int32Array,
  il: number,
): RaisedException | null {
  const P = m.periods;
  const H = m.historyPeriods;
  const counts = (base: number, shift: number): boolean =>
    base > 0 && Math.abs(shift) >= s.demandShiftMinQty && Math.abs(shift) / base > s.demandShiftThreshold;
  const sku = m.il.sku[il]!;
  if (!isKnownIl(m, il)) return null;
  const w = Math.min(leadPeriods(m, il), P, H);
  // The current forecast against the prior version over the first w periods.
  let current = 0;
  let prior = 0;
  for (let t = 0, c = il * P; t < w; t++, c++) {
    const before = m.il.priorForecast[c]!;
    if (Number.isNaN(before)) continue;
    prior += before;
    current += m.il.forecast[c]!;
  }
  // Actual sales against what was forecast for the last w periods.
  let actual = 0;
  let forecast = 0;
  for (let h = 0, c = il * H; h < w; h++, c++) {
    const f = m.il.forecastHistory[c]!;
    if (Number.isNaN(f)) continue;
    forecast += f;
    actual += m.il.actualSales[c]!;
  }
  const revised = counts(prior, current - prior);
  const sold = counts(forecast, actual - forecast);
  if (!revised && !sold) return null;
  // The larger relative move wins; the forecast revision on a tie.
  const byRevision = revised && (!sold || Math.abs(current - prior) / prior >= Math.abs(actual - forecast) / forecast);
  const move: Move = byRevision
    ? { basis: 'forecast_revision', base: prior, shift: current - prior, from: m.horizon[0]!, to: m.horizon[w - 1]! }
    : {
        basis: 'actuals_vs_forecast',
        base: forecast,
        shift: actual - forecast,
        from: m.history[w - 1]!,
        to: m.history[0]!,
      };
  const subject = itemSubject(m, il, home);
  return exception(
    {
      key: `demand_shift:${subject.sku}@${subject.location}`,
      type: 'demand_shift',
      periodFrom: move.from,
      periodTo: move.to,
      peakValue: round(move.shift),
      valueAtRisk: round(Math.abs(move.shift) * Math.max(0, unitMargin(m, sku))),
      detail: {
        basis: move.basis,
        leadPeriods: w,
        before: round(move.base),
        after: round(move.base + move.shift),
        relative: round(move.shift / move.base, 3),
      },
    },
    subject,
  );
}

interface Move {
  basis: 'forecast_revision' | 'actuals_vs_forecast';
  base: number;
  shift: number;
  from: string;
  to: string;
}

/** Label of period index t: in the horizon, the history kept, or the weeks between them. */
export function periodLabel(m: PlanningModel, t: number): string | null {
  if (t >= 0 && t < m.periods) return m.horizon[t]!;
  const h = -1 - t - m.asOf.historyGap;
  if (h >= 0 && h < m.historyPeriods) return m.history[h]!;
  if (t < 0 && h < 0) return addPeriods(m.startPeriod, t);
  return null;
}

export const dayLabel = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
