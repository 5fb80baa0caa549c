// The projection of DOMAIN.md over the horizon: demand consumption, projected available balance,
// resource load and utilization, and each committed order line's status with the first
// constraint that breaks it, row by row: a plan state (state.ts) runs these on every row for the
// baseline and on the rows a lever touched for a scenario. Nothing here allocates per cell.
import { groupIndexes, NO_INDEX, type Grouped, type PlanningModel } from './model';
import type { PlanningSettingsT } from './settings';

/** A line's status: not judged (not open, or beyond the horizon), ok, or what breaks it first. */
export const LINE_STATUS = ['none', 'ok', 'stock', 'capacity', 'transport', 'warehouse'] as const;
export type LineStatus = (typeof LINE_STATUS)[number];
export const LS = { none: 0, ok: 1, stock: 2, capacity: 3, transport: 4, warehouse: 5 } as const;

/** Reason codes that are not a source system's own constraint code. */
export const REASON = { stockShort: -2, lateEta: -3, laneOverCapacity: -4 } as const;

export interface Projection {
  /** il x periods */
  demand: Float64Array;
  pab: Float64Array;
  /** PAB when production is cut to what the resources can make. */
  constrainedPab: Float64Array;
  /** resource x periods: hours loaded, and the share of it the capacity can make (<= 1). */
  load: Float64Array;
  feasible: Float64Array;
  /** Per order line: LINE_STATUS index. */
  lineStatus: Uint8Array;
  /**
   * Per order line, why: a resource index (capacity), a constraint code index (transport,
   * warehouse from TMS/WMS), or one of REASON.
   */
  lineCause: Int32Array;
  /** Per order line: a transport or warehouse risk, whatever broke the line first. */
  lineLogisticsRisk: Uint8Array;
}

/** Demand consumption (a setting): the larger of forecast and open orders, one of them, or both. */
const RULE_CODE = { max: 0, forecast: 1, orders: 2, sum: 3 } as const;

/**
 * A projection's buffers, reusable: the worker recomputes into the same arrays instead of leaving
 * tens of MB per recompute to the garbage collector. A projection made in a workspace is valid
 * until the next one made in it.
 */
export type Workspace = Projection;

export function createWorkspace(m: PlanningModel): Workspace {
  const cells = m.il.count * m.periods;
  const rp = m.resource.count * m.periods;
  return {
    demand: new Float64Array(cells),
    pab: new Float64Array(cells),
    constrainedPab: new Float64Array(cells),
    load: new Float64Array(rp),
    feasible: new Float64Array(rp),
    lineStatus: new Uint8Array(m.line.count),
    lineCause: new Int32Array(m.line.count),
    lineLogisticsRisk: new Uint8Array(m.line.count),
  };
}

/** A copy with its own buffers (a scenario starts from the baseline's projection). */
export function copyProjection(p: Projection): Projection {
  return {
    demand: p.demand.slice(),
    pab: p.pab.slice(),
    constrainedPab: p.constrainedPab.slice(),
    load: p.load.slice(),
    feasible: p.feasible.slice(),
    lineStatus: p.lineStatus.slice(),
    lineCause: p.lineCause.slice(),
    lineLogisticsRisk: p.lineLogisticsRisk.slice(),
  };
}

/** Routings by the item-location they produce into, and by resource; built once per routing table. */
const ilRoutingCache = new WeakMap<object, Grouped>();
const resourceRoutingCache = new WeakMap<object, Grouped>();
export function routingsOfIl(m: PlanningModel): Grouped {
  let routes = ilRoutingCache.get(m.routing);
  if (!routes) {
    routes = groupIndexes(m.il.count, m.routing.count, (k) => m.routing.il[k]!);
    ilRoutingCache.set(m.routing, routes);
  }
  return routes;
}
export function routingsOfResource(m: PlanningModel): Grouped {
  let routes = resourceRoutingCache.get(m.routing);
  if (!routes) {
    routes = groupIndexes(m.resource.count, m.routing.count, (k) =>
      m.routing.il[k] === NO_INDEX ? NO_INDEX : m.routing.resource[k]!,
    );
    resourceRoutingCache.set(m.routing, routes);
  }
  return routes;
}

/**
 * load(r, t) = sum over the items routed on r of production(t) x hours per unit, and the share
 * of it the capacity can make (feasible <= 1). Returns whether the feasible row changed.
 */
export function loadRow(m: PlanningModel, p: Projection, byResource: Grouped, r: number): boolean {
  const P = m.periods;
  const row = r * P;
  const { load, feasible } = p;
  load.fill(0, row, row + P);
  for (let k = byResource.start[r]!; k < byResource.start[r + 1]!; k++) {
    const routing = byResource.index[k]!;
    const from = m.routing.il[routing]! * P;
    const hpu = m.routing.hoursPerUnit[routing]!;
    for (let t = 0; t < P; t++) load[row + t]! += m.il.production[from + t]! * hpu;
  }
  let changed = false;
  for (let c = row; c < row + P; c++) {
    const l = load[c]!;
    const cap = m.resource.capacity[c]!;
    const f = l <= cap || l === 0 ? 1 : cap / l;
    if (f !== feasible[c]) changed = true;
    feasible[c] = f;
  }
  return changed;
}

/** One item-location's demand, PAB and constrained PAB (production cut to its tightest resource). */
export class RowProjector {
  readonly routes: Grouped;
  private readonly factor: Float64Array;
  private readonly rule: number;
  constructor(
    private readonly m: PlanningModel,
    settings: PlanningSettingsT,
  ) {
    this.routes = routingsOfIl(m);
    this.factor = new Float64Array(m.periods);
    this.rule = RULE_CODE[settings.consumption];
  }

  project(p: Projection, i: number): void {
    const { m, factor, rule, routes } = this;
    const P = m.periods;
    const { forecast, orders, receipts, production, available } = m.il;
    const { demand, pab, constrainedPab, feasible } = p;
    factor.fill(1);
    for (let k = routes.start[i]!; k < routes.start[i + 1]!; k++) {
      const r = m.routing.resource[routes.index[k]!]! * P;
      for (let t = 0; t < P; t++) if (feasible[r + t]! < factor[t]!) factor[t] = feasible[r + t]!;
    }
    let balance = available[i]!;
    let constrained = balance;
    for (let t = 0, c = i * P; t < P; t++, c++) {
      const f = forecast[c]!;
      const o = orders[c]!;
      const d = rule === 0 ? (f > o ? f : o) : rule === 1 ? f : rule === 2 ? o : f + o;
      demand[c] = d;
      const inflow = receipts[c]! - d;
      balance += inflow + production[c]!;
      constrained += inflow + production[c]! * factor[t]!;
      pab[c] = balance;
      constrainedPab[c] = constrained;
    }
  }
}

/** One order line's status and cause: the first constraint that breaks it, read from the projection. */
export function judgeLine(m: PlanningModel, p: Projection, routes: Grouped, i: number): void {
  const P = m.periods;
  const L = m.line;
  p.lineStatus[i] = LS.none;
  p.lineCause[i] = NO_INDEX;
  p.lineLogisticsRisk[i] = 0;
  const status = L.status[i]!;
  if (status !== 0 && status !== 1) return; // delivered, cancelled and unknown lines
  // A transport or warehouse risk counts for OTIF whatever breaks the line first.
  const transport = transportCause(m, i);
  if (transport !== null || L.pickCode[i] !== NO_INDEX) p.lineLogisticsRisk[i] = 1;
  // Only open lines due inside the horizon are judged against the projection.
  if (status !== 0 || L.committedPeriod[i]! >= P) return;
  const il = L.il[i]!;
  const t = Math.max(0, L.committedPeriod[i]!);
  let verdict: number = LS.ok;
  let cause: number = NO_INDEX;
  if (p.pab[il * P + t]! < 0) {
    verdict = LS.stock;
    cause = REASON.stockShort;
  } else if (p.constrainedPab[il * P + t]! < 0) {
    verdict = LS.capacity;
    cause = tightestResource(m, routes.index.subarray(routes.start[il]!, routes.start[il + 1]!), t, p.feasible);
  } else if (transport !== null) {
    verdict = LS.transport;
    cause = transport;
  } else if (L.pickCode[i] !== NO_INDEX) {
    verdict = LS.warehouse;
    cause = L.pickCode[i]!;
  }
  p.lineStatus[i] = verdict;
  p.lineCause[i] = cause;
}

/** TMS's constraint code, a late ETA, or a lane booked over capacity in the ship week. */
export function transportCause(m: PlanningModel, i: number): number | null {
  const L = m.line;
  if (L.shipmentCode[i] !== NO_INDEX) return L.shipmentCode[i]!;
  if (L.etaDay[i]! > L.committedDay[i]!) return REASON.lateEta;
  const lane = L.lane[i]!;
  const t = L.shipPeriod[i]!;
  if (lane !== NO_INDEX && t >= 0 && t < m.periods) {
    const c = lane * m.periods + t;
    if (m.lane.bookedLoads[c]! > m.lane.capacityLoads[c]!) return REASON.laneOverCapacity;
  }
  return null;
}

/** The resource among the routings with the smallest feasible share up to period t. */
function tightestResource(m: PlanningModel, routings: Int32Array, t: number, feasible: Float64Array): number {
  let best = NO_INDEX;
  let lowest = Infinity;
  for (const k of routings) {
    const r = m.routing.resource[k]!;
    for (let s = 0; s <= t; s++) {
      const f = feasible[r * m.periods + s]!;
      if (f < lowest) {
        lowest = f;
        best = r;
      }
    }
  }
  return best;
}

/** The reason code of a line as text (what the order list and the CLI show). */
export function lineReason(m: PlanningModel, p: Projection, i: number): string | null {
  const status = p.lineStatus[i]!;
  const cause = p.lineCause[i]!;
  if (status === LS.none || status === LS.ok) return null;
  if (cause === REASON.stockShort) return 'STOCK_SHORT';
  if (cause === REASON.lateEta) return 'LATE_ETA';
  if (cause === REASON.laneOverCapacity) return 'LANE_OVER_CAPACITY';
  if (status === LS.capacity) return cause === NO_INDEX ? 'CAPACITY' : `OVERLOAD ${m.resources.values[cause]}`;
  return m.codes.values[cause] ?? null;
}
