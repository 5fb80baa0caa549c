// The planning engine's input: a cycle's pinned snapshot set as columnar typed arrays with
// dictionary-encoded keys. Built once per snapshot set (build.ts); every recompute reads it and
// never changes it, so scenarios can share one model.
//
// Grids are row-major: cell (row, t) is at row * periods + t. Period index 0 is the cycle's first
// planning period; history grids count back from the period before it (h = 0 is the last one).

/** Strings to dense indexes and back. */
export class Dict {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  /** The index of a value, adding it when new. */
  add(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  /** The index of a value, or -1. */
  get(value: string): number {
    return this.index.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

export const ORDER_STATUS = ['open', 'shipped', 'delivered', 'cancelled'] as const;
export const SHIPMENT_STATUS = ['planned', 'in_transit', 'delivered', 'rerouted', 'cancelled'] as const;
export const NO_INDEX = -1;
/** The source systems whose extraction dates the figures are computed as of. */
export const PLANNING_SOURCES = ['ERP', 'TMS', 'WMS', 'CRM'] as const;
export type PlanningSource = (typeof PLANNING_SOURCES)[number];

export interface PlanningModel {
  startPeriod: string;
  /** Planning periods (horizon) and history periods kept. */
  periods: number;
  historyPeriods: number;
  /**
   * Period labels: horizon[t], and history[h] for h periods back from the last complete week
   * before the ERP extraction (h = 0; the period before the start when the ERP is current).
   */
  horizon: string[];
  history: string[];
  /** Day number (days since 1970-01-01) of the meeting in the cycle's time zone. */
  asOfDay: number;
  /** What each figure is as of: the sources' extraction dates and the windows they give. */
  asOf: {
    extracted: Record<PlanningSource, string | null>;
    historyGap: number;
    stockPeriod: number;
    deliveredBeforeDay: number;
  };

  skus: Dict;
  locations: Dict;
  families: Dict;
  resources: Dict;
  lanes: Dict;
  orders: Dict;
  /** Constraint codes of TMS and WMS. */
  codes: Dict;
  /** Regions of the sites (ERP locations), for demand levers. */
  regions: Dict;

  /**
   * By location index: its region, -1 when the ERP location master does not list it, and whether
   * the master lists it (every location counts as known when there is no master).
   */
  location: { region: Int32Array; known: Uint8Array };

  item: {
    family: Int32Array;
    unitCost: Float64Array;
    unitPrice: Float64Array;
    /** 0 A, 1 B, 2 C */
    abc: Uint8Array;
    isKey: Uint8Array;
    /** Whether the item master has the sku (a key only seen elsewhere has no cost or family). */
    known: Uint8Array;
  };

  /** Item-locations: every (sku, location) the ERP plans, or any source stocks or sells. */
  il: {
    count: number;
    sku: Int32Array;
    location: Int32Array;
    safetyStock: Float64Array;
    leadTimeDays: Float64Array;
    /** WMS on hand - allocated - blocked. */
    available: Float64Array;
    /** Horizon grids (il x periods). */
    forecast: Float64Array;
    /** The prior forecast version; NaN where it has no row. */
    priorForecast: Float64Array;
    /** Open committed order quantity by committed period (overdue lines count in period 0). */
    orders: Float64Array;
    receipts: Float64Array;
    production: Float64Array;
    /** History grids (il x historyPeriods). */
    actualSales: Float64Array;
    /** Forecast the CRM carried for past periods; NaN where it has no row. */
    forecastHistory: Float64Array;
    productionPlanHistory: Float64Array;
  };

  resource: {
    count: number;
    location: Int32Array;
    /** resource x periods */
    capacity: Float64Array;
  };

  /** Routings: which resource makes a sku, and the item-location it produces into. */
  routing: {
    count: number;
    sku: Int32Array;
    resource: Int32Array;
    hoursPerUnit: Float64Array;
    /** The item-location at the resource's site, or -1 when the ERP does not plan one. */
    il: Int32Array;
    /** routing x historyPeriods: production actually booked. */
    actualHistory: Float64Array;
  };

  lane: {
    count: number;
    transitDays: Float64Array;
    costPerLoad: Float64Array;
    /** lane x periods */
    capacityLoads: Float64Array;
    bookedLoads: Float64Array;
  };

  /** Sales order lines, with what TMS and WMS say about them. */
  line: {
    count: number;
    order: Int32Array;
    line: Int32Array;
    sku: Int32Array;
    il: Int32Array;
    qty: Float64Array;
    unitPrice: Float64Array;
    committedDay: Int32Array;
    /** Period index of the committed date (may be negative or past the horizon). */
    committedPeriod: Int32Array;
    /** Index into ORDER_STATUS. */
    status: Uint8Array;
    /** First shipment's lane, -1 without shipment. */
    lane: Int32Array;
    /** Latest ETA of its shipments (day number), NaN without shipment. */
    etaDay: Float64Array;
    /** Latest delivery day, NaN when not delivered. */
    deliveredDay: Float64Array;
    /** First shipment's planned ship period index (for lane capacity), or NaN. */
    shipPeriod: Float64Array;
    freight: Float64Array;
    shipmentCode: Int32Array;
    pickCode: Int32Array;
  };

  shipment: {
    count: number;
    lane: Int32Array;
    /** Order line index, -1 when the order line is unknown. */
    line: Int32Array;
    status: Uint8Array;
    etaDay: Float64Array;
    deliveredDay: Float64Array;
    freight: Float64Array;
  };
}

/** Unit margin of an item (price - cost); 0 for keys the item master does not know. */
export function unitMargin(m: PlanningModel, sku: number): number {
  return m.item.known[sku] ? m.item.unitPrice[sku]! - m.item.unitCost[sku]! : 0;
}

/** Whether the masters know an item-location's sku and location: only then is it in money figures. */
export function isKnownIl(m: PlanningModel, il: number): boolean {
  return m.item.known[m.il.sku[il]!] === 1 && m.location.known[m.il.location[il]!] === 1;
}

/** Whether an order line's keys are known to the masters (its value counts in money figures). */
export const isKnownLine = (m: PlanningModel, i: number): boolean => isKnownIl(m, m.line.il[i]!);

/** Value of an order line at its own price; 0 when a key is unknown to the masters. */
export const lineValue = (m: PlanningModel, i: number): number =>
  isKnownLine(m, i) ? m.line.qty[i]! * m.line.unitPrice[i]! : 0;

/** Replenishment lead time of an item-location in whole periods, at least one. */
export function leadPeriods(m: PlanningModel, il: number): number {
  return Math.max(1, Math.ceil(m.il.leadTimeDays[il]! / 7));
}

/** Margin of an order line at its own price: qty x (price - unit cost), cost 0 for unknown keys. */
export function lineMargin(m: PlanningModel, i: number): number {
  const sku = m.line.sku[i]!;
  return m.line.qty[i]! * (m.line.unitPrice[i]! - (m.item.known[sku] ? m.item.unitCost[sku]! : 0));
}

/** Items whose safety stock the meeting watches: key or class-A items of the item master. */
export function isWatched(m: PlanningModel, sku: number): boolean {
  return m.item.known[sku] === 1 && (m.item.isKey[sku] === 1 || m.item.abc[sku] === 0);
}

/** Indexes grouped by a key (CSR): the members of group g are index[start[g]..start[g + 1]). */
export interface Grouped {
  start: Int32Array;
  index: Int32Array;
}

/** Groups 0..count-1 by keyOf(i) in 0..groups-1 (NO_INDEX leaves i out), keeping index order. */
export function groupIndexes(groups: number, count: number, keyOf: (i: number) => number): Grouped {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < count; i++) {
    const g = keyOf(i);
    if (g !== NO_INDEX) start[g + 1]! += 1;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const index = new Int32Array(start[groups]!);
  for (let i = 0; i < count; i++) {
    const g = keyOf(i);
    if (g !== NO_INDEX) index[fill[g]!++] = i;
  }
  return { start, index };
}
