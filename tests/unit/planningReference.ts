// A plain reference implementation of the planning engine, written straight from the definitions
// (DOMAIN.md "The projection", "The five exceptions", "KPIs", and the engine semantics the tests
// pin down) over the canonical row lists: plain objects, arrays of numbers and Maps keyed by
// strings, one obvious loop per formula. It shares nothing with shared/planning but the row,
// frame and settings types, so the property tests compare two independent implementations.
//
// Conventions where the definitions leave a choice (the engine makes the same one):
// - repeated rows of one grid cell (stock, supply, forecasts, capacity, ...) are summed;
// - a line's shipments: cancelled ones are ignored; the first remaining one gives the lane and the
//   planned ship period, the latest ETA counts, a line is delivered only when all of its shipments are
//   (then on the last delivery day), freight is summed, the TMS
//   code is the first one given; the WMS pick code is the last one given;
// - ties (tightest resource, peak period, the larger demand move) go to the first candidate in row
//   order, the earliest period, and the forecast revision.
// As of (DOMAIN.md "As of: every figure as of its data"), from each source's extraction date:
// - history ends at the last complete week before the ERP extraction (never after the week before
//   the start); supply dated from the WMS stock's week up to the start counts in the first week;
//   delivered OTIF and fill rate judge the lines committed before the TMS extraction day;
// - no ERP or CRM: no accuracy; no TMS: no delivered OTIF, fill rate or freight cost;
// - a sku not in the item master, or a site not in the location master (when there is one), is
//   left out of every money figure.
import type { CanonicalRows, ModelFrame } from '../../shared/planning/build';
import type { KpiDefinitionT, PlanningSettingsT, TriggerT } from '../../shared/planning/settings';

export type Rows = Partial<{ [T in keyof CanonicalRows]: CanonicalRows[T][] }>;

export type LineStatusName = 'none' | 'ok' | 'stock' | 'capacity' | 'transport' | 'warehouse';

export interface LineView {
  status: LineStatusName;
  reason: string | null;
}

export interface ExceptionView {
  key: string;
  type: string;
  valueAtRisk: number;
  periodFrom: string | null;
  periodTo: string | null;
  peakPeriod: string | null;
  peakValue: number | null;
}

export interface KpiView {
  kpiId: string;
  dimension: string;
  group: string;
  metrics: Record<string, number | null>;
  basis: number;
  atStake: number;
}

/** What the planning engine computes, keyed by names rather than dictionary indexes. */
export interface PlanView {
  /** 'sku@location' -> one value per horizon period. */
  demand: Map<string, number[]>;
  pab: Map<string, number[]>;
  constrainedPab: Map<string, number[]>;
  /** resource -> one value per horizon period. */
  load: Map<string, number[]>;
  feasible: Map<string, number[]>;
  /** 'order_id:line' -> status and reason. */
  lines: Map<string, LineView>;
  /** exception key -> exception. */
  exceptions: Map<string, ExceptionView>;
  /** 'kpiId:dimension:group' -> value. */
  kpis: Map<string, KpiView>;
}

// ---------------------------------------------------------------------------------------------
// Calendar: ISO weeks by day numbers (days since 1970-01-01, UTC). 1970-01-01 was a Thursday.

const DAY_MS = 86_400_000;

/** Day number of a YYYY-MM-DD date. */
export function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** YYYY-MM-DD of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of the Monday of the week a day is in. */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Monday of ISO week 'YYYY-Www': week 1 is the week with 4 January in it. */
export function mondayOfPeriod(period: string): number {
  const year = Number(period.slice(0, 4));
  const week = Number(period.slice(6));
  return mondayOf(dayOf(`${year}-01-04`)) + (week - 1) * 7;
}

/** ISO week label of a day: the week belongs to the year its Thursday is in. */
export function periodOfDay(day: number): string {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - dayOf(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------

type Row<T extends keyof CanonicalRows> = CanonicalRows[T];

interface ItemLocation {
  sku: string;
  location: string;
  safetyStock: number;
  leadTimeDays: number;
  available: number;
  forecast: number[];
  /** NaN where the prior version has no row. */
  prior: number[];
  orders: number[];
  receipts: number[];
  production: number[];
  /** History slots: h = 0 is the period just before the start. */
  actual: number[];
  /** NaN where no current forecast row exists for the past period. */
  pastForecast: number[];
  planHistory: number[];
  demand: number[];
  pab: number[];
  constrainedPab: number[];
}

interface Line {
  key: string;
  orderId: string;
  sku: string;
  il: string;
  qty: number;
  price: number;
  status: string;
  committedDay: number;
  committedPeriod: number;
  /** Its shipments that are not cancelled, in row order. */
  shipments: Row<'shipments'>[];
  pickCode: string | null;
}

interface Routing {
  sku: string;
  resource: string;
  hoursPerUnit: number;
  /** 'sku@location' of the resource's site when that item-location exists, else null. */
  il: string | null;
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const nans = (n: number): number[] => new Array<number>(n).fill(NaN);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
/** Adds into a cell that may be NaN (no row yet). */
const addInto = (xs: number[], i: number, x: number): void => {
  xs[i] = (Number.isNaN(xs[i]!) ? 0 : xs[i]!) + x;
};
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function consumeRef(rule: PlanningSettingsT['consumption'], forecast: number, orders: number): number {
  if (rule === 'max') return Math.max(forecast, orders);
  if (rule === 'forecast') return forecast;
  if (rule === 'orders') return orders;
  return forecast + orders;
}

export function triggerBreached(value: number | null, t: TriggerT): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  if (t.op === '<') return value < t.value;
  if (t.op === '<=') return value <= t.value;
  if (t.op === '>') return value > t.value;
  return value >= t.value;
}

export function referencePlan(
  frame: ModelFrame,
  rows: Rows,
  settings: PlanningSettingsT,
  definitions: readonly KpiDefinitionT[],
): PlanView {
  const P = frame.periods;
  const H = frame.historyPeriods;
  const start = mondayOfPeriod(frame.startPeriod);
  const table = <T extends keyof CanonicalRows>(t: T): Row<T>[] => rows[t] ?? [];
  const extracted = (source: 'ERP' | 'TMS' | 'WMS' | 'CRM'): string | null =>
    frame.extracted === undefined ? frame.asOf : (frame.extracted[source] ?? null);
  const erp = extracted('ERP');
  const tms = extracted('TMS');
  const wms = extracted('WMS');
  // Weeks between the last complete ERP week (the one before its extraction's) and the week before the start.
  const gap = erp === null ? 0 : Math.max(0, (start - mondayOf(dayOf(erp))) / 7);
  // The WMS stock's week as a period index; supply from it up to the start arrives in week 0.
  const stockWeek = wms === null ? 0 : Math.min(0, (mondayOf(dayOf(wms)) - start) / 7);
  const deliveredBefore = tms === null ? -Infinity : dayOf(tms);

  /** Period index of a period label or a date (negative in the past). */
  const periodIndex = (period: string): number => (mondayOfPeriod(period) - start) / 7;
  const periodOfDate = (date: string): number => (mondayOf(dayOf(date)) - start) / 7;
  const inHorizon = (t: number): boolean => t >= 0 && t < P;
  /** History slot of a past period index, or null outside the history kept. */
  const historySlot = (t: number): number | null => (-1 - t - gap >= 0 && -1 - t - gap < H ? -1 - t - gap : null);
  const label = (t: number): string => periodOfDay(start + 7 * t);
  const labelIfKept = (t: number): string | null => (t >= -H - gap && t < P ? label(t) : null);

  // Items: the item master; a sku it does not know has no cost, margin or family.
  const items = new Map<string, Row<'items'>>();
  for (const r of table('items')) items.set(r.sku, r);
  const unitCost = (sku: string): number => items.get(sku)?.unit_cost ?? 0;
  const unitMargin = (sku: string): number => {
    const item = items.get(sku);
    return item ? item.unit_price - item.unit_cost : 0;
  };
  const sites = new Set(table('locations').map((r) => r.location));
  /** Whether the masters know an item-location's sku and site (no location master: every site). */
  const known = (sku: string, location: string): boolean => items.has(sku) && (sites.size === 0 || sites.has(location));

  // Item-locations: any (sku, location) a source plans, stocks, supplies, sells or forecasts.
  const ils = new Map<string, ItemLocation>();
  const il = (sku: string, location: string): ItemLocation => {
    const key = `${sku}@${location}`;
    let x = ils.get(key);
    if (!x) {
      x = {
        sku,
        location,
        safetyStock: 0,
        leadTimeDays: 0,
        available: 0,
        forecast: zeros(P),
        prior: nans(P),
        orders: zeros(P),
        receipts: zeros(P),
        production: zeros(P),
        actual: zeros(H),
        pastForecast: nans(H),
        planHistory: zeros(H),
        demand: zeros(P),
        pab: zeros(P),
        constrainedPab: zeros(P),
      };
      ils.set(key, x);
    }
    return x;
  };
  for (const r of table('item_locations')) {
    const x = il(r.sku, r.location);
    x.safetyStock = r.safety_stock;
    x.leadTimeDays = r.lead_time_days;
  }
  for (const r of table('stock')) il(r.sku, r.location).available += r.on_hand - r.allocated - r.blocked;
  for (const r of table('supply')) {
    const x = il(r.sku, r.location);
    const dated = periodIndex(r.period);
    const h = dated < 0 ? historySlot(dated) : null;
    const t = dated < 0 && dated >= stockWeek ? 0 : dated;
    if (inHorizon(t) && r.kind === 'receipt') x.receipts[t]! += r.qty;
    if (inHorizon(t) && r.kind === 'production') x.production[t]! += r.qty;
    if (h !== null && r.kind === 'production') x.planHistory[h]! += r.qty;
  }
  for (const r of table('actual_sales')) {
    const x = il(r.sku, r.location);
    const h = historySlot(periodIndex(r.period));
    if (h !== null) x.actual[h]! += r.qty;
  }
  for (const r of table('forecasts')) {
    const x = il(r.sku, r.location);
    const t = periodIndex(r.period);
    const h = historySlot(t);
    if (r.version === 'current' && inHorizon(t)) x.forecast[t]! += r.qty;
    if (r.version === 'current' && h !== null) addInto(x.pastForecast, h, r.qty);
    if (r.version === 'prior' && inHorizon(t)) addInto(x.prior, t, r.qty);
  }

  // Order lines: open lines due inside the horizon are demand; overdue ones are due at t = 0.
  const lines = new Map<string, Line>();
  for (const r of table('sales_orders')) {
    const x = il(r.sku, r.location);
    const line: Line = {
      key: `${r.order_id}:${r.line}`,
      orderId: r.order_id,
      sku: r.sku,
      il: `${x.sku}@${x.location}`,
      qty: r.qty,
      price: r.unit_price,
      status: r.status,
      committedDay: dayOf(r.committed_date),
      committedPeriod: periodOfDate(r.committed_date),
      shipments: [],
      pickCode: null,
    };
    lines.set(line.key, line);
    if (r.status === 'open' && line.committedPeriod < P) x.orders[Math.max(0, line.committedPeriod)]! += r.qty;
  }
  for (const r of table('shipments')) {
    const line = lines.get(`${r.order_id}:${r.line}`);
    if (line && r.status !== 'cancelled') line.shipments.push(r);
  }
  for (const r of table('pick_status')) {
    const line = lines.get(`${r.order_id}:${r.line}`);
    if (line && r.constraint_code) line.pickCode = r.constraint_code;
  }
  const lineLane = (l: Line): string | null => l.shipments[0]?.lane ?? null;
  const lineEta = (l: Line): number | null =>
    l.shipments.length === 0 ? null : Math.max(...l.shipments.map((s) => dayOf(s.eta)));
  // Delivered complete: every shipment of the line has arrived; then the last arrival counts.
  const lineDelivered = (l: Line): number | null => {
    if (l.shipments.length === 0 || l.shipments.some((s) => !s.delivered_date)) return null;
    return Math.max(...l.shipments.map((s) => dayOf(s.delivered_date!)));
  };
  const lineFreight = (l: Line): number => sum(l.shipments.map((s) => s.freight_cost));
  const knownLine = (l: Line): boolean => known(l.sku, ils.get(l.il)!.location);
  const lineValue = (l: Line): number => (knownLine(l) ? l.qty * l.price : 0);

  // The projection.
  for (const x of ils.values()) {
    let balance = x.available;
    for (let t = 0; t < P; t++) {
      x.demand[t] = consumeRef(settings.consumption, x.forecast[t]!, x.orders[t]!);
      balance = balance + x.receipts[t]! + x.production[t]! - x.demand[t]!;
      x.pab[t] = balance;
    }
  }

  // Resources, routings, load and the share of it the capacity can make.
  const resourceNames = new Set<string>();
  const resourceLocation = new Map<string, string>();
  const capacity = new Map<string, number[]>();
  const capacityOf = (resource: string): number[] => {
    resourceNames.add(resource);
    if (!capacity.has(resource)) capacity.set(resource, zeros(P));
    return capacity.get(resource)!;
  };
  for (const r of table('resources')) {
    resourceLocation.set(r.resource, r.location);
    const t = periodIndex(r.period);
    const cap = capacityOf(r.resource);
    if (inHorizon(t)) cap[t]! += r.capacity_hours;
  }
  for (const r of table('routings')) capacityOf(r.resource);
  for (const r of table('production_actuals')) capacityOf(r.resource);
  const routings: Routing[] = table('routings').map((r) => {
    const location = resourceLocation.get(r.resource);
    const key = `${r.sku}@${location}`;
    return {
      sku: r.sku,
      resource: r.resource,
      hoursPerUnit: r.hours_per_unit,
      il: location !== undefined && ils.has(key) ? key : null,
    };
  });
  const load = new Map<string, number[]>();
  const feasible = new Map<string, number[]>();
  for (const resource of resourceNames) {
    const hours = zeros(P);
    for (const k of routings) {
      if (k.resource !== resource || k.il === null) continue;
      const production = ils.get(k.il)!.production;
      for (let t = 0; t < P; t++) hours[t]! += production[t]! * k.hoursPerUnit;
    }
    const cap = capacity.get(resource)!;
    load.set(resource, hours);
    feasible.set(
      resource,
      hours.map((l, t) => (l <= cap[t]! || l === 0 ? 1 : cap[t]! / l)),
    );
  }
  const routingsOf = (ilKey: string): Routing[] => routings.filter((k) => k.il === ilKey);
  for (const [key, x] of ils) {
    let balance = x.available;
    for (let t = 0; t < P; t++) {
      const factor = Math.min(1, ...routingsOf(key).map((k) => feasible.get(k.resource)![t]!));
      balance = balance + x.receipts[t]! + x.production[t]! * factor - x.demand[t]!;
      x.constrainedPab[t] = balance;
    }
  }

  // Lanes.
  const laneNames = new Set<string>();
  const laneCapacity = new Map<string, { capacity: number[]; booked: number[] }>();
  const laneOf = (lane: string) => {
    laneNames.add(lane);
    if (!laneCapacity.has(lane)) laneCapacity.set(lane, { capacity: zeros(P), booked: zeros(P) });
    return laneCapacity.get(lane)!;
  };
  for (const r of table('shipments')) laneOf(r.lane);
  for (const r of table('lanes')) laneOf(r.lane);
  for (const r of table('lane_capacity')) {
    const lane = laneOf(r.lane);
    const t = periodIndex(r.period);
    if (!inHorizon(t)) continue;
    lane.capacity[t]! += r.capacity_loads;
    lane.booked[t]! += r.booked_loads;
  }

  /** The transport reason of a line: TMS code, late ETA, or its lane booked over capacity. */
  const transportReason = (l: Line): string | null => {
    const code = l.shipments.find((s) => s.constraint_code)?.constraint_code;
    if (code) return code;
    const eta = lineEta(l);
    if (eta !== null && eta > l.committedDay) return 'LATE_ETA';
    const first = l.shipments[0];
    if (first) {
      const t = periodOfDate(first.planned_ship_date);
      const lane = laneCapacity.get(first.lane)!;
      if (inHorizon(t) && lane.booked[t]! > lane.capacity[t]!) return 'LANE_OVER_CAPACITY';
    }
    return null;
  };

  // Line status: the first constraint that breaks the committed date.
  const lineViews = new Map<string, LineView & { cause: string | null }>();
  for (const l of lines.values()) {
    lineViews.set(l.key, judge(l));
  }
  function judge(l: Line): LineView & { cause: string | null } {
    if (l.status !== 'open' || l.committedPeriod >= P) return { status: 'none', reason: null, cause: null };
    const t = Math.max(0, l.committedPeriod);
    const x = ils.get(l.il)!;
    if (x.pab[t]! < 0) return { status: 'stock', reason: 'STOCK_SHORT', cause: null };
    if (x.constrainedPab[t]! < 0) {
      let tightest: string | null = null;
      let lowest = Infinity;
      for (const k of routingsOf(l.il)) {
        for (let s = 0; s <= t; s++) {
          const f = feasible.get(k.resource)![s]!;
          if (f < lowest) {
            lowest = f;
            tightest = k.resource;
          }
        }
      }
      return { status: 'capacity', reason: tightest ? `OVERLOAD ${tightest}` : 'CAPACITY', cause: tightest };
    }
    const transport = transportReason(l);
    if (transport) return { status: 'transport', reason: transport, cause: null };
    if (l.pickCode) return { status: 'warehouse', reason: l.pickCode, cause: null };
    return { status: 'ok', reason: null, cause: null };
  }

  // Exceptions.
  const exceptions = new Map<string, ExceptionView>();
  const raise = (e: ExceptionView): void => {
    exceptions.set(e.key, e);
  };
  const blank = { periodFrom: null, periodTo: null, peakPeriod: null, peakValue: null };

  /** Periods where gap(t) > 0: first, last, the first period of the largest gap, and the gaps. */
  const breaches = (gap: (t: number) => number) => {
    const periods: number[] = [];
    for (let t = 0; t < P; t++) if (gap(t) > 0) periods.push(t);
    if (periods.length === 0) return null;
    let peak = periods[0]!;
    for (const t of periods) if (gap(t) > gap(peak)) peak = t;
    return {
      total: sum(periods.map(gap)),
      periodFrom: label(periods[0]!),
      periodTo: label(periods[periods.length - 1]!),
      peakPeriod: label(peak),
      peakValue: gap(peak),
    };
  };

  // below_safety_stock: key or class-A items, shortage x unit margin over the breach periods.
  for (const x of ils.values()) {
    const item = items.get(x.sku);
    if (!item || !(item.is_key || item.abc_class === 'A') || !known(x.sku, x.location)) continue;
    const b = breaches((t) => x.safetyStock - x.pab[t]!);
    if (!b) continue;
    const { total, ...span } = b;
    raise({
      key: `below_safety_stock:${x.sku}@${x.location}`,
      type: 'below_safety_stock',
      valueAtRisk: total * Math.max(0, unitMargin(x.sku)),
      ...span,
    });
  }

  // capacity_shortfall: an overloaded resource, valued by the lines it breaks.
  for (const resource of resourceNames) {
    let value = 0;
    for (const l of lines.values()) {
      const v = lineViews.get(l.key)!;
      if (v.status === 'capacity' && v.cause === resource) value += lineValue(l);
    }
    if (value <= 0) continue;
    const hours = load.get(resource)!;
    const cap = capacity.get(resource)!;
    const b = breaches((t) => hours[t]! - cap[t]!);
    if (!b) continue;
    const { total: _total, ...span } = b;
    raise({ key: `capacity_shortfall:${resource}`, type: 'capacity_shortfall', valueAtRisk: value, ...span });
  }

  // otif_risk and logistics_cost_guardrail, per order over its open and shipped lines.
  const orders = new Map<string, Line[]>();
  for (const l of lines.values()) {
    if (l.status !== 'open' && l.status !== 'shipped') continue;
    orders.set(l.orderId, [...(orders.get(l.orderId) ?? []), l]);
  }
  for (const [orderId, all] of orders) {
    const list = all.filter(knownLine);
    const value = sum(list.map((l) => l.qty * l.price));
    const risky = all.filter((l) => transportReason(l) !== null || l.pickCode !== null);
    if (risky.length > 0) {
      const due = labelIfKept(Math.min(...risky.map((l) => l.committedPeriod)));
      raise({
        key: `otif_risk:${orderId}`,
        type: 'otif_risk',
        valueAtRisk: value,
        ...blank,
        periodFrom: due,
        periodTo: due,
      });
    }
    const freight = sum(list.map(lineFreight));
    const margin = sum(list.map((l) => l.qty * (l.price - unitCost(l.sku))));
    const guardrail = settings.freightGuardrail * Math.max(0, margin);
    if (freight > 0 && freight > guardrail) {
      raise({
        key: `logistics_cost_guardrail:${orderId}`,
        type: 'logistics_cost_guardrail',
        valueAtRisk: freight - guardrail,
        ...blank,
      });
    }
  }

  // demand_shift: forecast vs prior version, or actuals vs forecast, inside the lead time.
  for (const x of ils.values()) {
    if (!known(x.sku, x.location)) continue;
    const w = Math.min(Math.max(1, Math.ceil(x.leadTimeDays / 7)), P, H);
    let prior = 0;
    let current = 0;
    let pastForecast = 0;
    let actual = 0;
    for (let t = 0; t < w; t++) {
      if (Number.isNaN(x.prior[t]!)) continue;
      prior += x.prior[t]!;
      current += x.forecast[t]!;
    }
    for (let h = 0; h < w; h++) {
      if (Number.isNaN(x.pastForecast[h]!)) continue;
      pastForecast += x.pastForecast[h]!;
      actual += x.actual[h]!;
    }
    const moves = [
      { base: prior, shift: current - prior, periodFrom: label(0), periodTo: label(w - 1) },
      { base: pastForecast, shift: actual - pastForecast, periodFrom: label(-w - gap), periodTo: label(-1 - gap) },
    ].filter(
      (m) =>
        m.base > 0 &&
        Math.abs(m.shift) >= settings.demandShiftMinQty &&
        Math.abs(m.shift) / m.base > settings.demandShiftThreshold,
    );
    if (moves.length === 0) continue;
    const move =
      moves.length === 2 && Math.abs(moves[1]!.shift) / moves[1]!.base > Math.abs(moves[0]!.shift) / moves[0]!.base
        ? moves[1]!
        : moves[0]!;
    raise({
      key: `demand_shift:${x.sku}@${x.location}`,
      type: 'demand_shift',
      valueAtRisk: Math.abs(move.shift) * Math.max(0, unitMargin(x.sku)),
      periodFrom: move.periodFrom,
      periodTo: move.periodTo,
      peakPeriod: null,
      peakValue: move.shift,
    });
  }

  // KPIs: the total ('all') and one value per group of the KPI's dimension.
  const families = [...new Set(table('items').map((r) => r.family))];
  const kpis = new Map<string, KpiView>();
  const kpi = (v: KpiView): void => {
    kpis.set(`${v.kpiId}:${v.dimension}:${v.group}`, v);
  };
  const familyOf = (sku: string): string | null => items.get(sku)?.family ?? null;
  const groups = (dimension: string, names: Iterable<string>) => [
    { dimension: 'total', group: 'all', member: (_: string | null) => true },
    ...[...names].map((name) => ({ dimension, group: name, member: (g: string | null) => g === name })),
  ];

  // forecast_accuracy by family: over past periods inside the window that have a forecast.
  const accuracyWindow = Math.min(settings.accuracyPeriods, H);
  for (const g of groups('family', families)) {
    let err = 0;
    let actual = 0;
    let forecast = 0;
    let stake = 0;
    for (const x of ils.values()) {
      if (!items.has(x.sku) || !g.member(familyOf(x.sku))) continue;
      for (let h = 0; h < accuracyWindow; h++) {
        const f = x.pastForecast[h]!;
        if (Number.isNaN(f)) continue;
        const a = x.actual[h]!;
        err += Math.abs(a - f);
        actual += a;
        forecast += f;
        stake += known(x.sku, x.location) ? Math.abs(a - f) * Math.max(0, unitMargin(x.sku)) : 0;
      }
    }
    const none = erp === null || extracted('CRM') === null;
    const wmape = none ? null : ratio(err, actual);
    const bias = none ? null : ratio(forecast - actual, actual);
    kpi({
      kpiId: 'forecast_accuracy',
      dimension: g.dimension,
      group: g.group,
      metrics: { accuracy: wmape === null ? null : 1 - wmape, bias, abs_bias: bias === null ? null : Math.abs(bias) },
      basis: none ? 0 : actual,
      atStake: none ? 0 : stake,
    });
  }

  // service_level by family and by lane: lines due before the meeting, and the judged open lines.
  const serviceGroups = [
    ...groups('family', families).map((g) => ({ ...g, of: (l: Line) => familyOf(l.sku) })),
    ...groups('lane', laneNames)
      .slice(1)
      .map((g) => ({ ...g, of: (l: Line) => lineLane(l) })),
  ];
  for (const g of serviceGroups) {
    let due = 0;
    let onTime = 0;
    let dueQty = 0;
    let filledQty = 0;
    let late = 0;
    let judged = 0;
    let ok = 0;
    for (const l of lines.values()) {
      if (l.status === 'cancelled' || !g.member(g.of(l))) continue;
      if (l.committedDay < deliveredBefore) {
        const delivered = lineDelivered(l);
        due += 1;
        dueQty += l.qty;
        if (delivered !== null) filledQty += l.qty;
        if (delivered !== null && delivered <= l.committedDay) onTime += 1;
        else late += lineValue(l);
      }
      const status = lineViews.get(l.key)!.status;
      if (status !== 'none') judged += 1;
      if (status === 'ok') ok += 1;
    }
    kpi({
      kpiId: 'service_level',
      dimension: g.dimension,
      group: g.group,
      metrics: { otif: ratio(onTime, due), fill_rate: ratio(filledQty, dueQty), projected_otif: ratio(ok, judged) },
      basis: due + judged,
      atStake: late,
    });
  }

  // inventory_turnover by family: annualized projected COGS over the average projected stock value.
  const turnsDef = definitions.filter((d) => d.id === 'inventory_turnover').pop();
  const targetTurns = turnsDef?.triggers.find((t) => t.metric === 'turns')?.value ?? 6;
  for (const g of groups('family', families)) {
    let cogs = 0;
    let inventory = 0;
    for (const x of ils.values()) {
      if (!known(x.sku, x.location) || !g.member(familyOf(x.sku))) continue;
      const cost = unitCost(x.sku);
      cogs += ((sum(x.demand) * cost) / P) * 52;
      inventory += (cost * (Math.max(0, x.available) + sum(x.pab.map((b) => Math.max(0, b))))) / (P + 1);
    }
    kpi({
      kpiId: 'inventory_turnover',
      dimension: g.dimension,
      group: g.group,
      metrics: { turns: ratio(cogs, inventory) },
      basis: inventory,
      atStake: Math.max(0, inventory - (targetTurns > 0 ? cogs / targetTurns : 0)),
    });
  }

  // plan_adherence by resource: sum min(actual, plan) / sum plan over past periods with a plan.
  const adherenceWindow = Math.min(settings.adherencePeriods, H);
  const madeOn = (resource: string, sku: string, h: number): number =>
    sum(
      table('production_actuals')
        .filter((r) => r.resource === resource && r.sku === sku && historySlot(periodIndex(r.period)) === h)
        .map((r) => r.qty),
    );
  for (const g of groups('resource', resourceNames)) {
    let plan = 0;
    let met = 0;
    let stake = 0;
    for (const k of routings) {
      if (k.il === null || !g.member(k.resource)) continue;
      for (let h = 0; h < adherenceWindow; h++) {
        const planned = ils.get(k.il)!.planHistory[h]!;
        if (planned <= 0) continue;
        const made = Math.min(madeOn(k.resource, k.sku, h), planned);
        plan += planned;
        met += made;
        stake += (planned - made) * Math.max(0, unitMargin(k.sku));
      }
    }
    kpi({
      kpiId: 'plan_adherence',
      dimension: g.dimension,
      group: g.group,
      metrics: { adherence: ratio(met, plan) },
      basis: plan,
      atStake: stake,
    });
  }

  // logistics_deviations by lane: shipments re-routed, late, or over the freight guardrail.
  for (const g of groups('lane', laneNames)) {
    let count = 0;
    let deviated = 0;
    let stake = 0;
    let freight = 0;
    for (const s of table('shipments')) {
      if (s.status === 'cancelled' || !g.member(s.lane)) continue;
      freight += s.freight_cost;
      const l = lines.get(`${s.order_id}:${s.line}`);
      let deviation = s.status === 'rerouted';
      if (l) {
        if (dayOf(s.eta) > l.committedDay) deviation = true;
        if (s.delivered_date && dayOf(s.delivered_date) > l.committedDay) deviation = true;
        const margin = l.qty * (l.price - unitCost(l.sku));
        if (knownLine(l) && s.freight_cost > settings.freightGuardrail * Math.max(0, margin)) deviation = true;
      }
      count += 1;
      if (deviation) {
        deviated += 1;
        stake += s.freight_cost;
      }
    }
    kpi({
      kpiId: 'logistics_deviations',
      dimension: g.dimension,
      group: g.group,
      metrics: { deviation_rate: ratio(deviated, count), freight_cost: tms === null ? null : freight },
      basis: count,
      atStake: stake,
    });
  }

  // kpi_breach: a value with a basis that breaches any trigger of its definition.
  for (const v of kpis.values()) {
    const def = definitions.filter((d) => d.id === v.kpiId).pop();
    if (!def || v.basis <= 0) continue;
    if (!def.triggers.some((t) => triggerBreached(v.metrics[t.metric] ?? null, t))) continue;
    raise({
      key: `kpi_breach:${v.kpiId}:${v.dimension}:${v.group}`,
      type: 'kpi_breach',
      valueAtRisk: v.atStake,
      ...blank,
    });
  }

  const grid = (pick: (x: ItemLocation) => number[]) => new Map([...ils].map(([k, x]) => [k, pick(x)]));
  return {
    demand: grid((x) => x.demand),
    pab: grid((x) => x.pab),
    constrainedPab: grid((x) => x.constrainedPab),
    load,
    feasible,
    lines: new Map([...lineViews].map(([k, v]) => [k, { status: v.status, reason: v.reason }])),
    exceptions,
    kpis,
  };
}
