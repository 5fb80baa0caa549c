// Builds a PlanningModel from canonical rows, one row at a time, so a loader can stream a
// snapshot set of millions of rows without holding them as objects. Grid cells are staged in
// flat lists and scattered into typed arrays once the item-locations are all known.
import { periodOfDate, periodRange, periodsBetween, addPeriods } from '../domain/period';
import {
  Dict,
  NO_INDEX,
  ORDER_STATUS,
  PLANNING_SOURCES,
  SHIPMENT_STATUS,
  type PlanningModel,
  type PlanningSource,
} from './model';

/** The canonical rows the engine reads (DOMAIN.md), by table, with the columns it uses. */
export interface CanonicalRows {
  locations: { location: string; region: string };
  items: { sku: string; family: string; unit_cost: number; unit_price: number; abc_class: string; is_key: number };
  item_locations: { sku: string; location: string; safety_stock: number; lead_time_days: number };
  stock: { sku: string; location: string; on_hand: number; allocated: number; blocked: number };
  resources: { resource: string; location: string; period: string; capacity_hours: number };
  routings: { sku: string; resource: string; hours_per_unit: number };
  supply: { sku: string; location: string; period: string; kind: string; qty: number };
  production_actuals: { resource: string; sku: string; period: string; qty: number };
  sales_orders: {
    order_id: string;
    line: number;
    sku: string;
    location: string;
    qty: number;
    committed_date: string;
    unit_price: number;
    status: string;
  };
  shipments: {
    order_id: string;
    line: number;
    lane: string;
    planned_ship_date: string;
    eta: string;
    delivered_date: string | null;
    status: string;
    constraint_code: string | null;
    freight_cost: number;
  };
  pick_status: { order_id: string; line: number; constraint_code: string | null };
  lanes: { lane: string; transit_days: number; cost_per_load: number };
  lane_capacity: { lane: string; period: string; capacity_loads: number; booked_loads: number };
  actual_sales: { sku: string; location: string; period: string; qty: number };
  forecasts: { sku: string; location: string; period: string; version: string; qty: number };
}
export type EngineTable = keyof CanonicalRows;
/** The tables with a row per item-location and period: the loader may feed them grouped. */
export const GROUPED_TABLES = ['supply', 'actual_sales', 'forecasts'] as const;
export type GroupedTable = (typeof GROUPED_TABLES)[number];

/** The order a loader must feed tables in: lines before the shipments and picks that refer to them. */
export const ENGINE_TABLES: readonly EngineTable[] = [
  'locations',
  'items',
  'item_locations',
  'stock',
  'resources',
  'routings',
  'supply',
  'production_actuals',
  'sales_orders',
  'shipments',
  'pick_status',
  'lanes',
  'lane_capacity',
  'actual_sales',
  'forecasts',
];

export interface ModelFrame {
  startPeriod: string;
  periods: number;
  /** Past periods kept for accuracy, demand shift and plan adherence. */
  historyPeriods: number;
  /** The meeting's calendar date (YYYY-MM-DD) in the cycle's time zone. */
  asOf: string;
  /**
   * Each pinned source's extraction date (YYYY-MM-DD, in the cycle's time zone): every figure is
   * computed as of the data it reads (DOMAIN.md "As of"). A source left out is not pinned.
   * Without this field every source counts as extracted on `asOf`.
   */
  extracted?: Partial<Record<PlanningSource, string>>;
}

/** The as-of rules of DOMAIN.md as period offsets from the first planning period. */
export interface AsOfFrame {
  extracted: Record<PlanningSource, string | null>;
  /** Whole periods between the last history period and the period before the start (>= 0). */
  historyGap: number;
  /** Period index of the WMS stock's as-of week: supply from it up to the start enters period 0. */
  stockPeriod: number;
  /** Day number: delivered OTIF judges the lines committed before it (TMS extraction); NaN without TMS. */
  deliveredBeforeDay: number;
}

/**
 * Where the frame's as-of dates put the windows: history ends at the last complete week before
 * the ERP extraction (the week before the one it was taken in), never after the week before the
 * start; the stock's week comes from the WMS extraction.
 */
export function asOfFrame(frame: ModelFrame): AsOfFrame {
  const given = frame.extracted ?? Object.fromEntries(PLANNING_SOURCES.map((s) => [s, frame.asOf]));
  const extracted = Object.fromEntries(PLANNING_SOURCES.map((s) => [s, given[s] ?? null])) as AsOfFrame['extracted'];
  const weekOf = (date: string) => periodsBetween(frame.startPeriod, periodOfDate(date));
  const erp = extracted.ERP;
  const wms = extracted.WMS;
  const tms = extracted.TMS;
  return {
    extracted,
    historyGap: erp === null ? 0 : Math.max(0, -weekOf(erp)),
    stockPeriod: wms === null ? 0 : Math.min(0, weekOf(wms)),
    deliveredBeforeDay: tms === null ? NaN : dayNumber(tms),
  };
}

export const DEFAULT_HISTORY_PERIODS = 26;
const DAY_MS = 86_400_000;
const IL_KEY = 1_048_576;

/**
 * Flat staged cells of one grid: (row, column, value) triples in typed arrays that grow by half
 * (16 bytes a cell: plain arrays of numbers cost twice that and made loading size L peak above
 * its memory budget). Released once scattered.
 */
class Cells {
  private row = new Int32Array(1024);
  private col = new Int32Array(1024);
  private value = new Float64Array(1024);
  private size = 0;
  push(row: number, col: number, value: number): void {
    if (this.size === this.row.length) this.grow();
    this.row[this.size] = row;
    this.col[this.size] = col;
    this.value[this.size] = value;
    this.size++;
  }
  private grow(): void {
    const next = Math.ceil(this.row.length * 1.5);
    this.row = grown(this.row, new Int32Array(next));
    this.col = grown(this.col, new Int32Array(next));
    this.value = grown(this.value, new Float64Array(next));
  }
  /** Scatters into a rows x cols grid, summing repeated cells, over `fill`; then lets the cells go. */
  scatter(rows: number, cols: number, fill = 0): Float64Array {
    // Float64: quantities may be fractional (kg, m), and a balance of 0.1 - 0.1 must be 0.
    const grid = new Float64Array(rows * cols).fill(fill);
    for (let i = 0; i < this.size; i++) {
      const at = this.row[i]! * cols + this.col[i]!;
      grid[at] = (Number.isNaN(grid[at]!) ? 0 : grid[at]!) + this.value[i]!;
    }
    this.row = new Int32Array(0);
    this.col = new Int32Array(0);
    this.value = new Float64Array(0);
    this.size = 0;
    return grid;
  }
}

/** `to` holding `from`'s values first. */
function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export class ModelBuilder {
  private readonly skus = new Dict();
  private readonly locations = new Dict();
  private readonly families = new Dict();
  private readonly resources = new Dict();
  private readonly lanes = new Dict();
  private readonly orders = new Dict();
  private readonly codes = new Dict();
  private readonly regions = new Dict();
  private readonly locationRegion: number[] = [];
  private readonly periodCache = new Map<string, number>();
  private readonly dateCache = new Map<string, { day: number; period: number }>();

  private readonly item = {
    family: [] as number[],
    cost: [] as number[],
    price: [] as number[],
    abc: [] as number[],
    key: [] as number[],
    known: [] as number[],
  };
  private readonly ilIndex = new Map<number, number>();
  private readonly ilRows = {
    sku: [] as number[],
    location: [] as number[],
    ss: [] as number[],
    lead: [] as number[],
    available: [] as number[],
  };
  private readonly grids = {
    forecast: new Cells(),
    prior: new Cells(),
    orders: new Cells(),
    receipts: new Cells(),
    production: new Cells(),
    actualSales: new Cells(),
    forecastHistory: new Cells(),
    planHistory: new Cells(),
    capacity: new Cells(),
    laneCapacity: new Cells(),
    laneBooked: new Cells(),
    routingActual: new Cells(),
  };
  private readonly resourceLocation: number[] = [];
  private readonly routingRows = { sku: [] as number[], resource: [] as number[], hpu: [] as number[] };
  private readonly routingIndex = new Map<string, number>();
  private readonly laneRows = { transit: [] as number[], cost: [] as number[] };
  private readonly lineIndex = new Map<string, number>();
  /** Lines with a shipment still under way: not delivered complete, whatever else arrived. */
  private readonly undelivered = new Set<number>();
  private readonly lines = {
    order: [] as number[],
    line: [] as number[],
    sku: [] as number[],
    il: [] as number[],
    qty: [] as number[],
    price: [] as number[],
    day: [] as number[],
    period: [] as number[],
    status: [] as number[],
    lane: [] as number[],
    eta: [] as number[],
    delivered: [] as number[],
    shipPeriod: [] as number[],
    freight: [] as number[],
    shipmentCode: [] as number[],
    pickCode: [] as number[],
  };
  private readonly ships = {
    lane: [] as number[],
    line: [] as number[],
    status: [] as number[],
    eta: [] as number[],
    delivered: [] as number[],
    freight: [] as number[],
  };
  private readonly asOfDay: number;
  private readonly at: AsOfFrame;
  /** Locations of the ERP location master; without one, no location counts as unknown. */
  private readonly masterLocations = new Set<number>();

  constructor(private readonly frame: ModelFrame) {
    this.asOfDay = dayNumber(frame.asOf);
    this.at = asOfFrame(frame);
  }

  add<T extends EngineTable>(table: T, row: CanonicalRows[T]): void {
    (this.adders[table] as (r: CanonicalRows[T]) => void)(row);
  }

  private readonly adders: { [T in EngineTable]: (r: CanonicalRows[T]) => void } = {
    locations: (r) => {
      const l = this.locations.add(r.location);
      this.locationRegion[l] = this.regions.add(r.region);
      this.masterLocations.add(l);
    },
    items: (r) => {
      const s = this.sku(r.sku);
      this.item.family[s] = this.families.add(r.family);
      this.item.cost[s] = r.unit_cost;
      this.item.price[s] = r.unit_price;
      this.item.abc[s] = r.abc_class === 'A' ? 0 : r.abc_class === 'B' ? 1 : 2;
      this.item.key[s] = r.is_key ? 1 : 0;
      this.item.known[s] = 1;
    },
    item_locations: (r) => {
      const il = this.il(r.sku, r.location);
      this.ilRows.ss[il] = r.safety_stock;
      this.ilRows.lead[il] = r.lead_time_days;
    },
    stock: (r) => {
      const il = this.il(r.sku, r.location);
      this.ilRows.available[il] = (this.ilRows.available[il] ?? 0) + r.on_hand - r.allocated - r.blocked;
    },
    resources: (r) => {
      const res = this.resources.add(r.resource);
      this.resourceLocation[res] = this.locations.add(r.location);
      const t = this.horizonIndex(r.period);
      if (t !== NO_INDEX) this.grids.capacity.push(res, t, r.capacity_hours);
    },
    routings: (r) => {
      const idx = this.routingRows.sku.length;
      const sku = this.sku(r.sku);
      const res = this.resources.add(r.resource);
      this.routingRows.sku.push(sku);
      this.routingRows.resource.push(res);
      this.routingRows.hpu.push(r.hours_per_unit);
      this.routingIndex.set(`${sku}:${res}`, idx);
    },
    supply: (r) => {
      const code = r.kind === 'production' ? 1 : r.kind === 'receipt' ? 0 : 2;
      this.cells.supply(this.il(r.sku, r.location), this.periodIndex(r.period), code, r.qty);
    },
    production_actuals: (r) => {
      const routing = this.routingIndex.get(`${this.sku(r.sku)}:${this.resources.add(r.resource)}`);
      const h = this.historyIndex(this.periodIndex(r.period));
      if (routing !== undefined && h !== NO_INDEX) this.grids.routingActual.push(routing, h, r.qty);
    },
    sales_orders: (r) => {
      const order = this.orders.add(r.order_id);
      const sku = this.sku(r.sku);
      const il = this.il(r.sku, r.location);
      const when = this.date(r.committed_date);
      const status = statusIndex(ORDER_STATUS, r.status);
      const i = this.lines.order.length;
      this.lineIndex.set(`${order}:${r.line}`, i);
      const L = this.lines;
      L.order.push(order);
      L.line.push(r.line);
      L.sku.push(sku);
      L.il.push(il);
      L.qty.push(r.qty);
      L.price.push(r.unit_price);
      L.day.push(when.day);
      L.period.push(when.period);
      L.status.push(status);
      L.lane.push(NO_INDEX);
      L.eta.push(NaN);
      L.delivered.push(NaN);
      L.shipPeriod.push(NaN);
      L.freight.push(0);
      L.shipmentCode.push(NO_INDEX);
      L.pickCode.push(NO_INDEX);
      // Open lines consume demand; overdue ones count as due in the first period.
      if (status === 0 && when.period < this.frame.periods) {
        this.grids.orders.push(il, Math.max(0, when.period), r.qty);
      }
    },
    shipments: (r) => {
      const lane = this.lanes.add(r.lane);
      const order = this.orders.get(r.order_id);
      const line = order === NO_INDEX ? undefined : this.lineIndex.get(`${order}:${r.line}`);
      const status = statusIndex(SHIPMENT_STATUS, r.status);
      const eta = this.date(r.eta).day;
      const delivered = r.delivered_date ? this.date(r.delivered_date).day : NaN;
      this.ships.lane.push(lane);
      this.ships.line.push(line ?? NO_INDEX);
      this.ships.status.push(status);
      this.ships.eta.push(eta);
      this.ships.delivered.push(delivered);
      this.ships.freight.push(r.freight_cost);
      if (line === undefined || status === 4) return;
      const L = this.lines;
      if (L.lane[line] === NO_INDEX) {
        L.lane[line] = lane;
        L.shipPeriod[line] = this.date(r.planned_ship_date).period;
      }
      L.eta[line] = Number.isNaN(L.eta[line]!) ? eta : Math.max(L.eta[line]!, eta);
      if (Number.isNaN(delivered)) this.undelivered.add(line);
      else L.delivered[line] = Number.isNaN(L.delivered[line]!) ? delivered : Math.max(L.delivered[line]!, delivered);
      L.freight[line]! += r.freight_cost;
      if (r.constraint_code && L.shipmentCode[line] === NO_INDEX)
        L.shipmentCode[line] = this.codes.add(r.constraint_code);
    },
    pick_status: (r) => {
      const order = this.orders.get(r.order_id);
      const line = order === NO_INDEX ? undefined : this.lineIndex.get(`${order}:${r.line}`);
      if (line !== undefined && r.constraint_code) this.lines.pickCode[line] = this.codes.add(r.constraint_code);
    },
    lanes: (r) => {
      const lane = this.lanes.add(r.lane);
      this.laneRows.transit[lane] = r.transit_days;
      this.laneRows.cost[lane] = r.cost_per_load;
    },
    lane_capacity: (r) => {
      const lane = this.lanes.add(r.lane);
      const t = this.horizonIndex(r.period);
      if (t === NO_INDEX) return;
      this.grids.laneCapacity.push(lane, t, r.capacity_loads);
      this.grids.laneBooked.push(lane, t, r.booked_loads);
    },
    actual_sales: (r) => {
      const p = this.periodIndex(r.period);
      if (this.historyIndex(p) !== NO_INDEX) this.cells.actual_sales(this.il(r.sku, r.location), p, 0, r.qty);
    },
    forecasts: (r) => {
      const code = r.version === 'current' ? 1 : r.version === 'prior' ? 0 : 2;
      this.cells.forecasts(this.il(r.sku, r.location), this.periodIndex(r.period), code, r.qty);
    },
  };

  /**
   * One cell of the big per-period tables, by period index (from the first planning period) and
   * a code: supply 1 production, 0 receipt; forecasts 1 current, 0 prior; 2 is neither (ignored).
   */
  private readonly cells: Record<GroupedTable, (il: number, p: number, code: number, qty: number) => void> = {
    supply: (il, p, code, qty) => {
      // Supply dated from the stock's as-of week up to the start is not in the stock yet: it
      // arrives in the first period. Before the stock's week it is in the stock already.
      const t = p < 0 && p >= this.at.stockPeriod ? 0 : p;
      if (t >= 0 && t < this.frame.periods) {
        if (code === 1) this.grids.production.push(il, t, qty);
        else if (code === 0) this.grids.receipts.push(il, t, qty);
      }
      if (p < 0 && code === 1) {
        const h = this.historyIndex(p);
        if (h !== NO_INDEX) this.grids.planHistory.push(il, h, qty);
      }
    },
    actual_sales: (il, p, _code, qty) => {
      const h = this.historyIndex(p);
      if (h !== NO_INDEX) this.grids.actualSales.push(il, h, qty);
    },
    forecasts: (il, p, code, qty) => {
      if (code === 0) {
        if (p >= 0 && p < this.frame.periods) this.grids.prior.push(il, p, qty);
      } else if (code === 1) {
        if (p >= 0 && p < this.frame.periods) this.grids.forecast.push(il, p, qty);
        else {
          const h = this.historyIndex(p);
          if (h !== NO_INDEX) this.grids.forecastHistory.push(il, h, qty);
        }
      }
    },
  };

  /**
   * All cells of one item-location of a big table at once, as [period index, qty, code] triples
   * (the loader groups them in SQL: one JSON string per item-location instead of a JS object per
   * row, which was most of the load time).
   */
  addGrouped(table: GroupedTable, sku: string, location: string, cells: readonly (readonly number[])[]): void {
    const il = this.il(sku, location);
    const add = this.cells[table];
    for (const [p, qty, code] of cells) add(il, p!, code!, qty!);
  }

  finish(): PlanningModel {
    const { periods: P, historyPeriods: H, startPeriod } = this.frame;
    const n = this.ilRows.sku.length;
    const S = this.skus.size;
    const R = this.resources.size;
    const routings = this.routingRows.sku.length;
    const routingIl = new Int32Array(routings);
    for (let i = 0; i < routings; i++) {
      const loc = this.resourceLocation[this.routingRows.resource[i]!];
      routingIl[i] =
        loc === undefined ? NO_INDEX : (this.ilIndex.get(this.routingRows.sku[i]! * IL_KEY + loc) ?? NO_INDEX);
    }
    for (const line of this.undelivered) this.lines.delivered[line] = NaN;
    const lanes = this.lanes.size;
    return {
      startPeriod,
      periods: P,
      historyPeriods: H,
      horizon: periodRange(startPeriod, P),
      history: Array.from({ length: H }, (_, h) => addPeriods(startPeriod, -1 - this.at.historyGap - h)),
      asOfDay: this.asOfDay,
      asOf: this.at,
      skus: this.skus,
      locations: this.locations,
      families: this.families,
      resources: this.resources,
      lanes: this.lanes,
      orders: this.orders,
      codes: this.codes,
      regions: this.regions,
      location: {
        region: dense(Int32Array, this.locationRegion, this.locations.size, NO_INDEX),
        known: Uint8Array.from({ length: this.locations.size }, (_, l) =>
          this.masterLocations.size === 0 || this.masterLocations.has(l) ? 1 : 0,
        ),
      },
      item: {
        family: dense(Int32Array, this.item.family, S, NO_INDEX),
        unitCost: dense(Float64Array, this.item.cost, S, 0),
        unitPrice: dense(Float64Array, this.item.price, S, 0),
        abc: dense(Uint8Array, this.item.abc, S, 2),
        isKey: dense(Uint8Array, this.item.key, S, 0),
        known: dense(Uint8Array, this.item.known, S, 0),
      },
      il: {
        count: n,
        sku: Int32Array.from(this.ilRows.sku),
        location: Int32Array.from(this.ilRows.location),
        safetyStock: dense(Float64Array, this.ilRows.ss, n, 0),
        leadTimeDays: dense(Float64Array, this.ilRows.lead, n, 0),
        available: dense(Float64Array, this.ilRows.available, n, 0),
        forecast: this.grids.forecast.scatter(n, P),
        priorForecast: this.grids.prior.scatter(n, P, NaN),
        orders: this.grids.orders.scatter(n, P),
        receipts: this.grids.receipts.scatter(n, P),
        production: this.grids.production.scatter(n, P),
        actualSales: this.grids.actualSales.scatter(n, H),
        forecastHistory: this.grids.forecastHistory.scatter(n, H, NaN),
        productionPlanHistory: this.grids.planHistory.scatter(n, H),
      },
      resource: {
        count: R,
        location: dense(Int32Array, this.resourceLocation, R, NO_INDEX),
        capacity: this.grids.capacity.scatter(R, P),
      },
      routing: {
        count: routings,
        sku: Int32Array.from(this.routingRows.sku),
        resource: Int32Array.from(this.routingRows.resource),
        hoursPerUnit: Float64Array.from(this.routingRows.hpu),
        il: routingIl,
        actualHistory: this.grids.routingActual.scatter(routings, H),
      },
      lane: {
        count: lanes,
        transitDays: dense(Float64Array, this.laneRows.transit, lanes, 0),
        costPerLoad: dense(Float64Array, this.laneRows.cost, lanes, 0),
        capacityLoads: this.grids.laneCapacity.scatter(lanes, P),
        bookedLoads: this.grids.laneBooked.scatter(lanes, P),
      },
      line: {
        count: this.lines.order.length,
        order: Int32Array.from(this.lines.order),
        line: Int32Array.from(this.lines.line),
        sku: Int32Array.from(this.lines.sku),
        il: Int32Array.from(this.lines.il),
        qty: Float64Array.from(this.lines.qty),
        unitPrice: Float64Array.from(this.lines.price),
        committedDay: Int32Array.from(this.lines.day),
        committedPeriod: Int32Array.from(this.lines.period),
        status: Uint8Array.from(this.lines.status),
        lane: Int32Array.from(this.lines.lane),
        etaDay: Float64Array.from(this.lines.eta),
        deliveredDay: Float64Array.from(this.lines.delivered),
        shipPeriod: Float64Array.from(this.lines.shipPeriod),
        freight: Float64Array.from(this.lines.freight),
        shipmentCode: Int32Array.from(this.lines.shipmentCode),
        pickCode: Int32Array.from(this.lines.pickCode),
      },
      shipment: {
        count: this.ships.lane.length,
        lane: Int32Array.from(this.ships.lane),
        line: Int32Array.from(this.ships.line),
        status: Uint8Array.from(this.ships.status),
        etaDay: Float64Array.from(this.ships.eta),
        deliveredDay: Float64Array.from(this.ships.delivered),
        freight: Float64Array.from(this.ships.freight),
      },
    };
  }

  private sku(sku: string): number {
    return this.skus.add(sku);
  }

  private il(sku: string, location: string): number {
    const s = this.skus.add(sku);
    const l = this.locations.add(location);
    const key = s * IL_KEY + l;
    let il = this.ilIndex.get(key);
    if (il === undefined) {
      il = this.ilRows.sku.length;
      this.ilRows.sku.push(s);
      this.ilRows.location.push(l);
      this.ilIndex.set(key, il);
    }
    return il;
  }

  /** Periods from the first planning period (negative in the past); cached per label. */
  private periodIndex(period: string): number {
    let p = this.periodCache.get(period);
    if (p === undefined) {
      p = periodsBetween(this.frame.startPeriod, period);
      this.periodCache.set(period, p);
    }
    return p;
  }

  private horizonIndex(period: string): number {
    const p = this.periodIndex(period);
    return p >= 0 && p < this.frame.periods ? p : NO_INDEX;
  }

  /** History slot of a past period index (h = 0 is the last complete ERP week), or -1. */
  private historyIndex(p: number): number {
    const h = -1 - p - this.at.historyGap;
    return h >= 0 && h < this.frame.historyPeriods ? h : NO_INDEX;
  }

  private date(date: string): { day: number; period: number } {
    let d = this.dateCache.get(date);
    if (!d) {
      d = { day: dayNumber(date), period: this.periodIndex(periodOfDate(date)) };
      this.dateCache.set(date, d);
    }
    return d;
  }
}

/** Index of a status in its list; an unknown one gets UNKNOWN_STATUS, which no rule treats as open. */
export const UNKNOWN_STATUS = 255;
function statusIndex(list: readonly string[], status: string): number {
  const i = list.indexOf(status);
  return i < 0 ? UNKNOWN_STATUS : i;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

type TypedCtor<T> = { new (n: number): T };
function dense<T extends { fill(v: number): T; [i: number]: number }>(
  ctor: TypedCtor<T>,
  values: number[],
  n: number,
  fill: number,
): T {
  const out = new ctor(n).fill(fill);
  for (let i = 0; i < n; i++) if (values[i] !== undefined) out[i] = values[i]!;
  return out;
}

/** Builds a model from plain row lists (tests, small companies). */
export function buildModel(
  frame: ModelFrame,
  rows: Partial<{ [T in EngineTable]: CanonicalRows[T][] }>,
): PlanningModel {
  const b = new ModelBuilder(frame);
  for (const table of ENGINE_TABLES) for (const r of rows[table] ?? []) b.add(table, r as never);
  return b.finish();
}
