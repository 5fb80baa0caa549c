// The projection of DOMAIN.md over the horizon: demand consumption, projected available balance,
// resource load and utilization, and each committed order line's status with the first
// constraint that breaks it. Pure loops over typed arrays; nothing here allocates per cell.
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
 * One pass per item-location: demand, PAB, and the PAB with production cut to the share its
 * most overloaded resource can make (the load is known first: it depends on production only).
 */
export function project(m: PlanningModel, settings: PlanningSettingsT, workspace?: Workspace): Projection {
  const P = m.periods;
  const n = m.il.count;
  const { demand, pab, constrainedPab } = workspace ?? createWorkspace(m);
  const { forecast, orders, receipts, production, available } = m.il;
  const { load, feasible } = resourceLoad(m);
  const routes = routingsOfIl(m);
  const factor = new Float64Array(P);
  const rule = RULE_CODE[settings.consumption];
  for (let i = 0; i < n; i++) {
    const from = routes.start[i]!;
    const to = routes.start[i + 1]!;
    factor.fill(1);
    for (let k = from; k < to; k++) {
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
  const lines = lineStatuses(m, pab, constrainedPab, feasible, routes);
  return { demand, pab, constrainedPab, load, feasible, ...lines };
}

/**
 * The projection's big grids (il x periods), reusable: the worker recomputes into the same
 * buffers instead of leaving tens of MB per recompute to the garbage collector. A projection made
 * in a workspace is valid until the next one made in it.
 */
export interface Workspace {
  demand: Float64Array;
  pab: Float64Array;
  constrainedPab: Float64Array;
}

export function createWorkspace(m: PlanningModel): Workspace {
  const cells = m.il.count * m.periods;
  return { demand: new Float64Array(cells), pab: new Float64Array(cells), constrainedPab: new Float64Array(cells) };
}

/** Routings by the item-location they produce into, built once per model. */
const ilRoutingCache = new WeakMap<PlanningModel, Grouped>();
function routingsOfIl(m: PlanningModel): Grouped {
  let routes = ilRoutingCache.get(m);
  if (!routes) {
    routes = groupIndexes(m.il.count, m.routing.count, (k) => m.routing.il[k]!);
    ilRoutingCache.set(m, routes);
  }
  return routes;
}

/** load(r, t) = sum over the items routed on r of production(t) x hours per unit. */
export function resourceLoad(m: PlanningModel): { load: Float64Array; feasible: Float64Array } {
  const P = m.periods;
  const R = m.resource.count;
  const load = new Float64Array(R * P);
  const { il, resource, hoursPerUnit } = m.routing;
  for (let k = 0; k < m.routing.count; k++) {
    const from = il[k]!;
    if (from === NO_INDEX) continue;
    const to = resource[k]! * P;
    const hpu = hoursPerUnit[k]!;
    for (let t = 0; t < P; t++) load[to + t]! += m.il.production[from * P + t]! * hpu;
  }
  const feasible = new Float64Array(R * P);
  for (let c = 0; c < R * P; c++) {
    const l = load[c]!;
    const cap = m.resource.capacity[c]!;
    feasible[c] = l <= cap || l === 0 ? 1 : cap / l;
  }
  return { load, feasible };
}

function lineStatuses(
  m: PlanningModel,
  pab: Float64Array,
  constrainedPab: Float64Array,
  feasible: Float64Array,
  routes: Grouped,
) {
  const P = m.periods;
  const L = m.line;
  const lineStatus = new Uint8Array(L.count);
  const lineCause = new Int32Array(L.count).fill(NO_INDEX);
  const lineLogisticsRisk = new Uint8Array(L.count);
  for (let i = 0; i < L.count; i++) {
    const status = L.status[i]!;
    if (status !== 0 && status !== 1) continue; // delivered, cancelled and unknown lines
    // A transport or warehouse risk counts for OTIF whatever breaks the line first.
    const transport = transportCause(m, i);
    if (transport !== null || L.pickCode[i] !== NO_INDEX) lineLogisticsRisk[i] = 1;
    // Only open lines due inside the horizon are judged against the projection.
    if (status !== 0 || L.committedPeriod[i]! >= P) continue;
    const il = L.il[i]!;
    const t = Math.max(0, L.committedPeriod[i]!);
    if (pab[il * P + t]! < 0) {
      lineStatus[i] = LS.stock;
      lineCause[i] = REASON.stockShort;
      continue;
    }
    if (constrainedPab[il * P + t]! < 0) {
      lineStatus[i] = LS.capacity;
      lineCause[i] = tightestResource(m, routes.index.subarray(routes.start[il]!, routes.start[il + 1]!), t, feasible);
      continue;
    }
    if (transport !== null) {
      lineStatus[i] = LS.transport;
      lineCause[i] = transport;
      continue;
    }
    if (L.pickCode[i] !== NO_INDEX) {
      lineStatus[i] = LS.warehouse;
      lineCause[i] = L.pickCode[i]!;
      continue;
    }
    lineStatus[i] = LS.ok;
  }
  return { lineStatus, lineCause, lineLogisticsRisk };
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
