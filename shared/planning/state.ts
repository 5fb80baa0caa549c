// A computed plan that can be changed lever by lever. The baseline is a PlanState with no levers;
// a scenario starts as a copy of it and, on every lever change, re-derives its rows from the
// baseline's (applyLevers.ts), keeps those that came out the same, and recomputes only what the
// changed ones reach: resource loads, item-location projections, order lines, their exceptions.
// The KPIs are re-aggregated in full (one pass each, a few ms on size L).
import {
  liftApplies,
  prebuildApplies,
  safetyApplies,
  deriveCapacity,
  deriveForecast,
  deriveProduction,
  deriveReceipts,
  deriveSafetyStock,
  expediteOf,
  NO_LEVERS,
  resolveLevers,
  type Resolved,
} from './applyLevers';
import {
  belowSafetyStock,
  byValueAtRisk,
  capacityShortfall,
  demandShift,
  homeResources,
  OrderExceptions,
  type RaisedException,
} from './exceptions';
import {
  copyIlSums,
  createIlSums,
  forecastAccuracy,
  ilSums,
  inventoryTurnover,
  kpiBreaches,
  logisticsDeviations,
  planAdherence,
  ServiceCounters,
  withBreaches,
  type IlSums,
  type KpiValue,
} from './kpis';
import type { LeverT } from './levers';
import { groupIndexes, NO_INDEX, type Grouped, type PlanningModel } from './model';
import {
  copyProjection,
  createWorkspace,
  judgeLine,
  loadRow,
  routingsOfIl,
  routingsOfResource,
  RowProjector,
  type Projection,
  type Workspace,
} from './projection';
import type { KpiDefinitionT, PlanningSettingsT } from './settings';

/** What an update recomputed. */
export interface UpdateStats {
  itemLocations: number;
  resources: number;
  /** Lines judged again, and those whose verdict (or own data) changed. */
  lines: number;
  changedLines: number;
  orders: number;
}

type Slots = (RaisedException | null)[];

export class PlanState {
  /** The plan's own model: the baseline's arrays until a lever changes one, then its own copy. */
  readonly model: PlanningModel;
  readonly projection: Projection;
  levers: Resolved = NO_LEVERS;
  /** Exceptions by item-location (below safety stock, demand shift) and by order (OTIF, freight). */
  belowSafety: Slots;
  demandShift: Slots;
  otifRisk: Slots;
  freightCost: Slots;
  capacity: RaisedException[] = [];
  kpis: KpiValue[] = [];
  kpiBreaches: RaisedException[] = [];
  /** Units moved to a faster mode x their cost per unit. */
  expediteCost = 0;
  /** Per item-location sums for inventory turnover and the money figures. */
  readonly sums: IlSums;
  /** The KPIs by part: history-based ones never change with levers, the others when their rows do. */
  private parts: Record<'accuracy' | 'service' | 'turnover' | 'adherence' | 'logistics', KpiValue[]>;
  /** The service level's counters, moved line by line. */
  private service: ServiceCounters | null = null;
  /** Whether the last derivation changed shipments (expedite), for the logistics KPI. */
  private shipmentsChanged = false;
  private readonly rows: RowProjector;
  private readonly orders: OrderExceptions;
  private readonly home: Int32Array;
  private readonly own = new Set<string>();

  /** The baseline computed in full (into `workspace` when given), or a copy of `from` (a baseline). */
  constructor(
    readonly base: PlanningModel,
    readonly settings: PlanningSettingsT,
    readonly definitions: readonly KpiDefinitionT[],
    opts: { from?: PlanState; workspace?: Workspace } = {},
  ) {
    const b = base;
    this.model = {
      ...b,
      il: { ...b.il },
      resource: { ...b.resource },
      line: { ...b.line },
      shipment: { ...b.shipment },
      lane: { ...b.lane },
    };
    this.rows = new RowProjector(this.model, settings);
    this.orders = new OrderExceptions(this.model, settings);
    this.home = homeResources(b);
    const from = opts.from;
    if (from) {
      if (from.levers !== NO_LEVERS) throw new Error('a plan state copies the baseline only');
      this.projection = copyProjection(from.projection);
      this.belowSafety = from.belowSafety.slice();
      this.demandShift = from.demandShift.slice();
      this.otifRisk = from.otifRisk.slice();
      this.freightCost = from.freightCost.slice();
      this.capacity = from.capacity;
      this.kpis = from.kpis;
      this.kpiBreaches = from.kpiBreaches;
      this.sums = copyIlSums(from.sums);
      this.parts = { ...from.parts };
      this.service = from.service!.copy();
      return;
    }
    this.sums = createIlSums(b.il.count);
    this.parts = {
      accuracy: forecastAccuracy(b, settings),
      adherence: planAdherence(b, settings),
      service: [],
      turnover: [],
      logistics: [],
    };
    this.shipmentsChanged = true;
    this.projection = opts.workspace ?? createWorkspace(b);
    this.belowSafety = new Array<RaisedException | null>(b.il.count).fill(null);
    this.demandShift = new Array<RaisedException | null>(b.il.count).fill(null);
    this.otifRisk = new Array<RaisedException | null>(b.orders.size).fill(null);
    this.freightCost = new Array<RaisedException | null>(b.orders.size).fill(null);
    this.refresh(
      new Uint8Array(b.il.count).fill(1),
      new Uint8Array(b.resource.count).fill(1),
      new Uint8Array(b.line.count).fill(1),
      true,
    );
  }

  /** Every exception raised, highest value at risk first. */
  exceptions(): RaisedException[] {
    const out: RaisedException[] = [];
    for (const list of [this.belowSafety, this.otifRisk, this.freightCost, this.demandShift])
      for (const e of list) if (e) out.push(e);
    out.push(...this.capacity, ...this.kpiBreaches);
    return out.sort(byValueAtRisk);
  }

  /** Bytes of the arrays this state holds of its own (for the worker's cache budget). */
  get bytes(): number {
    const p = this.projection;
    let n = p.demand.byteLength * 3 + p.load.byteLength * 2 + p.lineStatus.byteLength * 6;
    n += (this.belowSafety.length * 2 + this.otifRisk.length * 2) * 8;
    const cells = this.base.il.count * this.base.periods * 8;
    for (const k of this.own) n += k === 'forecast' || k === 'receipts' || k === 'production' ? cells : 0;
    return n;
  }

  /** Applies a new lever list: re-derives every row, recomputes the ones that changed. */
  update(levers: readonly LeverT[]): UpdateStats {
    const next = resolveLevers(this.base, levers);
    const prev = this.levers;
    const b = this.base;
    const dirtyIl = new Uint8Array(b.il.count);
    const dirtyResource = new Uint8Array(b.resource.count);
    const dirtyLine = new Uint8Array(b.line.count);
    // Only the groups of levers that changed are derived again: the others' rows are as they were.
    if (prev.keys.itemLocations !== next.keys.itemLocations)
      this.deriveItemLocations(prev, next, dirtyIl, dirtyResource);
    if (prev.keys.capacity !== next.keys.capacity) this.deriveCapacity(prev, next, dirtyResource);
    if (prev.keys.expedite !== next.keys.expedite) this.deriveLines(prev, next, dirtyLine);
    this.levers = next;
    return this.refresh(dirtyIl, dirtyResource, dirtyLine);
  }

  /** A private copy of a model array before the first write to it. */
  private owned<T extends Float64Array>(name: string, get: () => T, set: (a: T) => void): T {
    if (!this.own.has(name)) {
      set(get().slice() as T);
      this.own.add(name);
    }
    return get();
  }

  private deriveItemLocations(prev: Resolved, next: Resolved, dirty: Uint8Array, dirtyResource: Uint8Array): void {
    const b = this.base;
    const m = this.model;
    const lifts = prev.lifts.length + next.lifts.length > 0;
    const safety = prev.safety.length + next.safety.length > 0;
    const prebuild = prev.prebuild.length + next.prebuild.length > 0;
    if (!lifts && !safety && !prebuild) return;
    const P = b.periods;
    const forecast = lifts
      ? this.owned(
          'forecast',
          () => m.il.forecast,
          (a) => (m.il.forecast = a),
        )
      : null;
    const ss = safety
      ? this.owned(
          'safetyStock',
          () => m.il.safetyStock,
          (a) => (m.il.safetyStock = a),
        )
      : null;
    const receipts = safety
      ? this.owned(
          'receipts',
          () => m.il.receipts,
          (a) => (m.il.receipts = a),
        )
      : null;
    const production = prebuild
      ? this.owned(
          'production',
          () => m.il.production,
          (a) => (m.il.production = a),
        )
      : null;
    const row = new Float64Array(P);
    const other = new Float64Array(P);
    const routes = routingsOfIl(b);
    // A row no lever names, before or now, is the baseline's in both: nothing to derive.
    const named = (v: Resolved, i: number, makers: Int32Array) =>
      v.lifts.some((l) => liftApplies(b, l, i)) ||
      v.safety.some((l) => safetyApplies(b, l, i)) ||
      v.prebuild.some((l) => prebuildApplies(b, l, i, makers));
    for (let i = 0; i < b.il.count; i++) {
      const at = i * P;
      const makers = routes.index.subarray(routes.start[i]!, routes.start[i + 1]!);
      if (!named(prev, i, makers) && !named(next, i, makers)) continue;
      deriveForecast(b, next, i, row);
      if (forecast && syncRow(forecast, at, row)) dirty[i] = 1;
      if (ss && receipts) {
        const level = deriveSafetyStock(b, next, i, row);
        if (level !== ss[i]) {
          ss[i] = level;
          dirty[i] = 1;
        }
        deriveReceipts(b, i, level - b.il.safetyStock[i]!, other);
        if (syncRow(receipts, at, other)) dirty[i] = 1;
      }
      if (production) {
        deriveProduction(b, next, i, makers, other);
        if (syncRow(production, at, other)) {
          dirty[i] = 1;
          for (const k of makers) dirtyResource[b.routing.resource[k]!] = 1;
        }
      }
    }
  }

  private deriveCapacity(prev: Resolved, next: Resolved, dirty: Uint8Array): void {
    if (prev.capacity.length + next.capacity.length === 0) return;
    const m = this.model;
    const capacity = this.owned(
      'capacity',
      () => m.resource.capacity,
      (a) => (m.resource.capacity = a),
    );
    const row = new Float64Array(m.periods);
    for (let r = 0; r < m.resource.count; r++) {
      deriveCapacity(this.base, next, r, row);
      if (syncRow(capacity, r * m.periods, row)) dirty[r] = 1;
    }
  }

  /** Expedited lines: earlier ETA, off their lane's capacity, freight plus the expedite cost. */
  private deriveLines(prev: Resolved, next: Resolved, dirty: Uint8Array): void {
    if (prev.expedite.length + next.expedite.length === 0) return;
    const b = this.base;
    const m = this.model;
    const L = b.line;
    const eta = this.owned(
      'etaDay',
      () => m.line.etaDay,
      (a) => (m.line.etaDay = a),
    );
    const shipPeriod = this.owned(
      'shipPeriod',
      () => m.line.shipPeriod,
      (a) => (m.line.shipPeriod = a),
    );
    const freight = this.owned(
      'freight',
      () => m.line.freight,
      (a) => (m.line.freight = a),
    );
    const shipEta = this.owned(
      'shipmentEta',
      () => m.shipment.etaDay,
      (a) => (m.shipment.etaDay = a),
    );
    const booked = this.owned(
      'bookedLoads',
      () => m.lane.bookedLoads,
      (a) => (m.lane.bookedLoads = a),
    );
    const P = b.periods;
    const moved = new Float64Array(b.lane.count * P);
    const daysFaster = new Int32Array(L.count);
    this.expediteCost = 0;
    for (let i = 0; i < L.count; i++) {
      const x = expediteOf(b, next, i);
      let e = L.etaDay[i]!;
      let sp = L.shipPeriod[i]!;
      let f = L.freight[i]!;
      if (x) {
        daysFaster[i] = x.days;
        e = Math.min(e, Math.max(b.asOfDay, e - x.days)); // not before today, never later
        if (L.lane[i] !== NO_INDEX && sp >= 0 && sp < P) moved[L.lane[i]! * P + sp]! += 1;
        sp = NaN;
        f += L.qty[i]! * x.costPerUnit;
        this.expediteCost += L.qty[i]! * x.costPerUnit;
      }
      if (!Object.is(e, eta[i]) || !Object.is(sp, shipPeriod[i]) || f !== freight[i]) {
        eta[i] = e;
        shipPeriod[i] = sp;
        freight[i] = f;
        dirty[i] = 1;
        this.shipmentsChanged = true;
      }
    }
    const S = b.shipment;
    for (let k = 0; k < S.count; k++) {
      const i = S.line[k]!;
      const days = i === NO_INDEX || S.status[k]! > 1 ? 0 : daysFaster[i]!;
      shipEta[k] = days ? Math.min(S.etaDay[k]!, Math.max(b.asOfDay, S.etaDay[k]! - days)) : S.etaDay[k]!;
    }
    // A lane's booked loads shrink by the share of its shipments that moved off it.
    const carried = lineCounts(b);
    const byLane = linesOfLanes(b);
    for (let l = 0; l < b.lane.count; l++) {
      let changed = false;
      for (let t = 0, c = l * P; t < P; t++, c++) {
        const n = carried[c]!;
        const value = n > 0 ? b.lane.bookedLoads[c]! * (1 - moved[c]! / n) : b.lane.bookedLoads[c]!;
        if (value !== booked[c]) {
          booked[c] = value;
          changed = true;
        }
      }
      // Their lines are judged again (2: their order only when the verdict changes).
      if (changed) {
        for (let k = byLane.start[l]!; k < byLane.start[l + 1]!; k++) dirty[byLane.index[k]!] ||= 2;
      }
    }
  }

  /** Recomputes what the dirty rows reach: loads, projections, line statuses, exceptions, KPIs. */
  private refresh(dirtyIl: Uint8Array, dirtyResource: Uint8Array, dirtyLine: Uint8Array, all = false): UpdateStats {
    const m = this.model;
    const p = this.projection;
    const stats: UpdateStats = { itemLocations: 0, resources: 0, lines: 0, changedLines: 0, orders: 0 };
    const byResource = routingsOfResource(m);
    for (let r = 0; r < m.resource.count; r++) {
      if (!dirtyResource[r]) continue;
      stats.resources++;
      if (!loadRow(m, p, byResource, r)) continue;
      // What its items can make changed: their constrained PAB does too.
      for (let k = byResource.start[r]!; k < byResource.start[r + 1]!; k++)
        dirtyIl[m.routing.il[byResource.index[k]!]!] = 1;
    }
    const byIl = linesOfIls(m);
    for (let i = 0; i < m.il.count; i++) {
      if (!dirtyIl[i]) continue;
      stats.itemLocations++;
      this.rows.project(p, i);
      if (!all) for (let k = byIl.start[i]!; k < byIl.start[i + 1]!; k++) dirtyLine[byIl.index[k]!] ||= 2;
      ilSums(m, p, i, this.sums);
      this.belowSafety[i] = belowSafetyStock(m, p, this.home, i);
      this.demandShift[i] = demandShift(m, this.settings, this.home, i);
    }
    const dirtyOrder = new Uint8Array(m.orders.size);
    for (let i = 0; i < m.line.count; i++) {
      if (!dirtyLine[i]) continue;
      stats.lines++;
      const was = p.lineStatus[i]!;
      const before = was * 4 + p.lineLogisticsRisk[i]!;
      const cause = p.lineCause[i]!;
      judgeLine(m, p, this.rows.routes, i);
      if (!all) this.service!.move(m, i, was, p.lineStatus[i]!);
      // A line whose own data changed (1) re-raises its order; one judged again (2) only if its verdict moved.
      if (dirtyLine[i] === 1 || before !== p.lineStatus[i]! * 4 + p.lineLogisticsRisk[i]! || cause !== p.lineCause[i]) {
        dirtyOrder[m.line.order[i]!] = 1;
        stats.changedLines++;
      }
    }
    for (let o = 0; o < m.orders.size; o++) {
      if (!dirtyOrder[o]) continue;
      stats.orders++;
      [this.otifRisk[o], this.freightCost[o]] = this.orders.of(p, o);
    }
    this.capacity = capacityShortfall(m, p);
    const parts = this.parts;
    if (all) this.service = ServiceCounters.of(m, p);
    if (all || stats.changedLines > 0) parts.service = this.service!.values(m, this.settings);
    if (all || stats.itemLocations > 0)
      parts.turnover = inventoryTurnover(m, this.sums, this.definitions, this.settings);
    if (this.shipmentsChanged) parts.logistics = logisticsDeviations(m, this.settings);
    this.shipmentsChanged = false;
    this.kpis = withBreaches(
      [...parts.accuracy, ...parts.service, ...parts.turnover, ...parts.adherence, ...parts.logistics],
      this.definitions,
    );
    this.kpiBreaches = kpiBreaches(this.kpis, this.definitions);
    return stats;
  }
}

/** Copies row into target at `at` when any cell differs; whether it did. */
function syncRow(target: Float64Array, at: number, row: Float64Array): boolean {
  for (let t = 0; t < row.length; t++) {
    if (target[at + t] !== row[t]) {
      target.set(row, at);
      return true;
    }
  }
  return false;
}

const cache = <T>(make: (m: PlanningModel) => T, keyOf: (m: PlanningModel) => object) => {
  const map = new WeakMap<object, T>();
  return (m: PlanningModel): T => {
    const key = keyOf(m);
    let v = map.get(key);
    if (v === undefined) map.set(key, (v = make(m)));
    return v;
  };
};

/** Order lines by item-location and by lane, once per line table. */
const linesOfIls = cache(
  (m): Grouped => groupIndexes(m.il.count, m.line.count, (i) => m.line.il[i]!),
  (m) => m.line.il,
);
const linesOfLanes = cache(
  (m): Grouped => groupIndexes(m.lanes.size, m.line.count, (i) => m.line.lane[i]!),
  (m) => m.line.lane,
);

/** Order lines planned to ship on each lane in each period (lane x periods), in the baseline. */
const lineCounts = cache(
  (m) => {
    const P = m.periods;
    const out = new Float64Array(m.lane.count * P);
    for (let i = 0; i < m.line.count; i++) {
      const t = m.line.shipPeriod[i]!;
      if (m.line.lane[i] !== NO_INDEX && t >= 0 && t < P) out[m.line.lane[i]! * P + t]! += 1;
    }
    return out;
  },
  (m) => m.line.shipPeriod,
);
