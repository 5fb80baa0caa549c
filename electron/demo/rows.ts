// Row streams of the demo company, one per canonical table, as canonical-column objects.
// Each stream is a generator seeded on its own, so files can be written one at a time and any
// size streams without holding a table in memory.
import type { CanonicalTableName } from '../../shared/domain/canonical';
import { addDays, periodStart, type Period } from '../../shared/domain/period';
import { hashUnit, Rng } from '../../shared/domain/random';
import {
  CONGESTED_LANE,
  isShifted,
  isShort,
  LANES,
  OPTIMISM,
  OPTIMISTIC_FAMILY,
  round2,
  SITES,
  trueDemand,
  type Company,
  type Item,
} from './company';

export type Row = Record<string, string | number | null>;
type Stream = (c: Company) => Iterable<Row>;

const AS_OF = (c: Company): string => periodStart(c.startPeriod);
const PLAN_HISTORY_WEEKS = 8;
const FORECAST_HISTORY_WEEKS = 13;
const PRIOR_VERSION_WEEKS = 8;

/** The forecast the CRM carries: true demand, inflated for the optimistic family. */
function forecastQty(c: Company, item: Item, s: number, p: Period): number {
  const optimism = item.family === OPTIMISTIC_FAMILY ? OPTIMISM : 1;
  const jitter = 1 + 0.1 * (hashUnit(c.seed, 30, item.index, s, p.charCodeAt(6), p.charCodeAt(7)) - 0.5);
  return Math.round(trueDemand(c, item, s, p) * optimism * jitter);
}

function weeklyMean(c: Company, item: Item, s: number): number {
  let sum = 0;
  for (const p of c.horizon) sum += trueDemand(c, item, s, p);
  return sum / c.horizon.length;
}

const siteIndex = (id: string): number => SITES.findIndex((s) => s.id === id);
const lastN = <T>(xs: T[], n: number): T[] => xs.slice(Math.max(0, xs.length - n));
/** Roughly one unknown key per this many rows, and at least a few in any size. */
const unknownEvery = (c: Company): number => Math.max(400, Math.floor(c.spec.orderLines / 12));

export interface OrderLine {
  order_id: string;
  line: number;
  customer: string;
  sku: string;
  location: string;
  qty: number;
  requested_date: string;
  committed_date: string;
  unit_price: number;
  status: string;
  shipment: Row | null;
  pick: Row | null;
}

/** Order lines with the shipment TMS plans and the pick status WMS reports for each. */
export function* orderLines(c: Company): Generator<OrderLine> {
  const rng = new Rng(c.seed, 100);
  const asOf = AS_OF(c);
  const first = periodStart(c.history[Math.max(0, c.history.length - FORECAST_HISTORY_WEEKS)]!);
  const spanDays = (FORECAST_HISTORY_WEEKS + 8) * 7;
  const siteOfRegion: Record<string, string> = { North: 'P1', South: 'P2', West: 'D1', East: 'D2' };
  let produced = 0;
  let orderNo = 0;
  let shipmentNo = 0;
  while (produced < c.spec.orderLines) {
    orderNo += 1;
    const customer = rng.pick(c.customers);
    const committed = addDays(first, rng.int(0, spanDays - 1));
    const location = siteOfRegion[customer.region]!;
    const nLines = Math.min(rng.int(1, 5), c.spec.orderLines - produced);
    for (let line = 1; line <= nLines; line++) {
      produced += 1;
      const item = c.items[Math.floor(rng.next() ** 1.6 * c.items.length)]!;
      const unknownSku = produced % unknownEvery(c) === 7;
      const qty = Math.max(1, Math.round(item.baseDemand * (0.05 + 0.3 * rng.next())));
      const unitPrice = round2(item.unitPrice * (0.9 + 0.1 * rng.next()));
      const past = committed < asOf;
      const status = rng.chance(0.01) ? 'cancelled' : past ? (rng.chance(0.97) ? 'delivered' : 'shipped') : 'open';
      const daysOut = (Date.parse(committed) - Date.parse(asOf)) / 86_400_000;
      const orderId = `SO${String(orderNo).padStart(8, '0')}`;
      const out: OrderLine = {
        order_id: orderId,
        line,
        customer: customer.id,
        sku: unknownSku ? `SKU-X${String(produced).padStart(4, '0')}` : item.sku,
        location,
        qty,
        requested_date: addDays(committed, -rng.int(0, 3)),
        committed_date: committed,
        unit_price: unitPrice,
        status,
        shipment: null,
        pick: null,
      };
      // TMS plans shipments for past lines and the next three weeks; ~2% of those are missing.
      const planned = status !== 'cancelled' && (past || (daysOut < 21 && !rng.chance(0.02)));
      if (planned) {
        const air = location.startsWith('D') && rng.chance(0.03);
        const laneId = `${location}-${customer.region.toUpperCase()}-${air ? 'A' : 'R'}`;
        const lane = LANES.find((l) => l.id === laneId)!;
        const late = rng.chance(laneId === CONGESTED_LANE ? 0.3 : 0.025);
        const eta = addDays(committed, late ? rng.int(1, 5) : 0);
        const rerouted = rng.chance(0.01);
        const value = qty * unitPrice;
        const unknownLane = produced % unknownEvery(c) === 11;
        shipmentNo += 1;
        // Delivered means it arrived before the as-of date; otherwise it is still on its way.
        const delivered = status === 'delivered' && eta < asOf;
        if (status === 'delivered' && !delivered) out.status = 'shipped';
        out.shipment = {
          shipment_id: `SH${String(shipmentNo).padStart(8, '0')}`,
          order_id: orderId,
          line,
          lane: unknownLane ? 'D9-NOWHERE-R' : laneId,
          carrier: rng.pick(['NordFreight', 'EuroHaul', 'RapidLog', 'SkyCargo']),
          planned_ship_date: addDays(committed, -lane.transitDays),
          eta,
          delivered_date: delivered ? eta : null,
          status: delivered
            ? 'delivered'
            : past
              ? 'in_transit'
              : rerouted
                ? 'rerouted'
                : daysOut < lane.transitDays
                  ? 'in_transit'
                  : 'planned',
          constraint_code: !past && rng.chance(0.015) ? rng.pick(['NO_CARRIER', 'CAPACITY', 'CUSTOMS']) : null,
          freight_cost: round2(value * (air ? 0.05 + 0.06 * rng.next() : 0.004 + 0.01 * rng.next())),
        };
      }
      if (status === 'open' && daysOut < 14) {
        const blocked = rng.chance(0.02);
        out.pick = {
          order_id: orderId,
          line,
          status: blocked ? 'blocked' : rng.pick(['not_started', 'picking', 'picked', 'packed']),
          constraint_code: blocked ? rng.pick(['SHORT_PICK', 'DAMAGED', 'LOCATION_BLOCKED']) : null,
        };
      }
      yield out;
    }
  }
}

function* items(c: Company): Iterable<Row> {
  for (const it of c.items) {
    yield {
      sku: it.sku,
      description: `${it.family} item ${it.index + 1}`,
      family: it.family,
      unit_cost: it.unitCost,
      unit_price: it.unitPrice,
      abc_class: it.abc,
      is_key: it.isKey ? 'Y' : 'N',
      base_unit: 'EA',
    };
  }
}

function* itemLocations(c: Company): Iterable<Row> {
  for (const it of c.items) {
    for (const [s, site] of SITES.entries()) {
      yield {
        sku: it.sku,
        location: site.id,
        safety_stock: Math.round(weeklyMean(c, it, s)),
        lead_time_days: site.type === 'plant' ? 7 + (it.index % 8) : 14 + (it.index % 22),
        min_order_qty: Math.max(1, Math.round(it.baseDemand * 0.5)),
      };
    }
  }
}

/** Production at the item's plant: past weeks (for plan adherence) and the horizon. */
function* supply(c: Company): Iterable<Row> {
  const past = lastN(c.history, PLAN_HISTORY_WEEKS);
  for (const it of c.items) {
    const home = siteIndex(it.plant);
    for (const p of [...past, ...c.horizon]) {
      yield { sku: it.sku, location: it.plant, period: p, kind: 'production', qty: forecastQty(c, it, home, p) };
    }
    // Other sites are replenished every second week; short ones miss the first three weeks.
    for (const [s, site] of SITES.entries()) {
      if (s === home) continue;
      for (let t = 0; t + 1 < c.horizon.length; t += 2) {
        if (t < 3 && isShort(c, it, s)) continue;
        const qty = forecastQty(c, it, s, c.horizon[t]!) + forecastQty(c, it, s, c.horizon[t + 1]!);
        yield { sku: it.sku, location: site.id, period: c.horizon[t]!, kind: 'receipt', qty };
      }
    }
  }
}

function* resources(c: Company): Iterable<Row> {
  const load = new Map<string, number>();
  for (const it of c.items) {
    const home = siteIndex(it.plant);
    let hours = 0;
    for (const p of c.horizon) hours += forecastQty(c, it, home, p) * it.hoursPerUnit;
    load.set(it.resource, (load.get(it.resource) ?? 0) + hours / c.horizon.length);
  }
  for (const r of c.resources) {
    const avg = load.get(r.id) ?? 0;
    for (const [t, p] of c.horizon.entries()) {
      // P1 is the tight plant: little headroom, and half its hours in weeks 3-6 for maintenance.
      const factor = r.plant === 'P1' ? (t >= 2 && t <= 5 ? 0.5 : 1.05) : 1.35;
      yield { resource: r.id, location: r.plant, period: p, capacity_hours: Math.max(8, Math.round(avg * factor)) };
    }
  }
}

function* productionActuals(c: Company): Iterable<Row> {
  for (const it of c.items) {
    const home = siteIndex(it.plant);
    for (const p of lastN(c.history, PLAN_HISTORY_WEEKS)) {
      const u = hashUnit(c.seed, 40, it.index, p.charCodeAt(6), p.charCodeAt(7));
      const rate = it.plant === 'P1' ? 0.72 + 0.28 * u : 0.93 + 0.09 * u;
      yield { resource: it.resource, sku: it.sku, period: p, qty: Math.round(forecastQty(c, it, home, p) * rate) };
    }
  }
}

function* actualSales(c: Company): Iterable<Row> {
  const recent = new Set(lastN(c.history, 4));
  for (const it of c.items) {
    for (const [s, site] of SITES.entries()) {
      const shifted = isShifted(c, it, s);
      for (const p of c.history) {
        const noise = 0.85 + 0.3 * hashUnit(c.seed, 50, it.index, s, p.charCodeAt(6), p.charCodeAt(7));
        const lift = shifted && recent.has(p) ? 1.6 : 1;
        yield { sku: it.sku, location: site.id, period: p, qty: Math.round(trueDemand(c, it, s, p) * noise * lift) };
      }
    }
  }
}

/** WMS stock at the as-of date; ERP books the same except on a few mismatching rows. */
function wmsOnHand(c: Company, it: Item, s: number): number {
  const week = weeklyMean(c, it, s);
  return Math.round(isShort(c, it, s) ? 0.3 * week : 2.5 * week);
}

function* erpOnHand(c: Company): Iterable<Row> {
  for (const it of c.items) {
    for (const [s, site] of SITES.entries()) {
      const wms = wmsOnHand(c, it, s);
      const u = hashUnit(c.seed, 60, it.index, s);
      // 3% of rows disagree beyond tolerance (2% or 5 units): half under-booked, half over.
      const gap = Math.max(6, Math.round(0.25 * wms));
      const booked = u < 0.015 ? Math.max(0, wms - gap) : u < 0.03 ? wms + gap : wms;
      yield { sku: it.sku, location: site.id, on_hand: booked };
    }
  }
}

function* stock(c: Company): Iterable<Row> {
  const asOf = AS_OF(c);
  for (const it of c.items) {
    for (const [s, site] of SITES.entries()) {
      const onHand = wmsOnHand(c, it, s);
      const u = hashUnit(c.seed, 61, it.index, s);
      yield {
        sku: it.sku,
        location: site.id,
        on_hand: onHand,
        allocated: Math.round(onHand * 0.1 * u),
        blocked: u > 0.95 ? Math.round(onHand * 0.1) : 0,
        as_of: asOf,
      };
    }
  }
  // A site the ERP does not know: stock booked in a new overflow warehouse.
  for (const it of c.items.slice(0, 3)) {
    yield { sku: it.sku, location: 'D3', on_hand: 40, allocated: 0, blocked: 0, as_of: asOf };
  }
}

function* forecasts(c: Company): Iterable<Row> {
  const past = lastN(c.history, FORECAST_HISTORY_WEEKS);
  const priorWeeks = new Set(c.horizon.slice(0, PRIOR_VERSION_WEEKS));
  for (const it of c.items) {
    for (const [s, site] of SITES.entries()) {
      const revised = hashUnit(c.seed, 70, it.index, s) < 0.03;
      for (const p of [...past, ...c.horizon]) {
        const qty = forecastQty(c, it, s, p);
        yield { sku: it.sku, location: site.id, period: p, version: 'current', qty };
        if (priorWeeks.has(p)) {
          // The previous cycle's version: equal, except where the forecast was revised hard.
          yield {
            sku: it.sku,
            location: site.id,
            period: p,
            version: 'prior',
            qty: revised ? Math.round(qty * 0.6) : qty,
          };
        }
      }
    }
  }
  for (const p of c.horizon.slice(0, 4)) {
    yield { sku: 'SKU-X9999', location: 'D1', period: p, version: 'current', qty: 25 };
  }
}

function* pipeline(c: Company): Iterable<Row> {
  const rng = new Rng(c.seed, 80);
  const n = c.customers.length * 2;
  for (let i = 0; i < n; i++) {
    const unknown = i % 97 === 13;
    const customer = unknown ? `C-NEW-${String(i).padStart(3, '0')}` : rng.pick(c.customers).id;
    const lines = rng.int(1, 3);
    const seen = new Set<string>();
    for (let l = 0; l < lines; l++) {
      const it = c.items[Math.floor(rng.next() * c.items.length)]!;
      if (seen.has(it.sku)) continue;
      seen.add(it.sku);
      yield {
        opportunity_id: `OPP-${String(i + 1).padStart(6, '0')}`,
        customer,
        sku: it.sku,
        qty: Math.round(it.baseDemand * 4 * (0.2 + 0.8 * rng.next())),
        probability: round2(0.1 + 0.8 * rng.next()),
        expected_period: c.horizon[rng.int(0, Math.min(11, c.horizon.length - 1))]!,
      };
    }
  }
}

function* laneCapacity(c: Company): Iterable<Row> {
  for (const lane of LANES) {
    const capacity = lane.mode === 'air' ? 3 : lane.costPerLoad < 1000 ? 24 : 8;
    for (const [t, p] of c.horizon.entries()) {
      const u = hashUnit(c.seed, 90, lane.id.length, lane.id.charCodeAt(1), lane.id.charCodeAt(3), t);
      const congested = lane.id === CONGESTED_LANE && t < 6;
      const booked = Math.round(capacity * (congested ? 1.1 + 0.25 * u : 0.45 + 0.4 * u));
      yield { lane: lane.id, period: p, capacity_loads: capacity, booked_loads: booked };
    }
  }
}

function* salesOrders(c: Company): Iterable<Row> {
  for (const { shipment: _s, pick: _p, ...line } of orderLines(c)) yield line;
}
function* shipments(c: Company): Iterable<Row> {
  for (const line of orderLines(c)) if (line.shipment) yield line.shipment;
}
function* pickStatus(c: Company): Iterable<Row> {
  for (const line of orderLines(c)) if (line.pick) yield line.pick;
}

export const STREAMS: Record<CanonicalTableName, Stream> = {
  items,
  locations: () => SITES.map((s) => ({ location: s.id, name: s.name, type: s.type, region: s.region })),
  customers: (c) => c.customers.map((x) => ({ customer: x.id, name: x.name, region: x.region })),
  item_locations: itemLocations,
  resources,
  routings: (c) => c.items.map((it) => ({ sku: it.sku, resource: it.resource, hours_per_unit: it.hoursPerUnit })),
  supply,
  production_actuals: productionActuals,
  sales_orders: salesOrders,
  actual_sales: actualSales,
  erp_on_hand: erpOnHand,
  lanes: () =>
    LANES.map((l) => ({
      lane: l.id,
      origin: l.origin,
      destination: l.region,
      mode: l.mode,
      transit_days: l.transitDays,
      cost_per_load: l.costPerLoad,
    })),
  shipments,
  lane_capacity: laneCapacity,
  stock,
  pick_status: pickStatus,
  forecasts,
  pipeline,
};
