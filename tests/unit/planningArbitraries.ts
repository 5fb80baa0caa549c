// Random small companies for the planning engine's property tests: every table the engine reads,
// with the documented statuses, whole units and money in quarters (exact sums on both sides).
import fc from 'fast-check';
import { addPeriods, periodStart } from '../../shared/domain/period';
import type { ModelFrame } from '../../shared/planning/build';
import {
  CONSUMPTION_RULES,
  KPI_IDS,
  KPI_METRICS,
  type KpiDefinitionT,
  type PlanningSettingsT,
  type TriggerT,
} from '../../shared/planning/settings';
import { dateOf, dayOf, type Rows } from './planningReference';

const SKUS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
export const LOCATIONS = ['L1', 'L2', 'L3'];
export const RESOURCES = ['R1', 'R2', 'R3'];
export const LANES = ['N1', 'N2', 'N3'];
const STARTS = ['2026-W49', '2026-W52', '2026-W53', '2027-W01', '2020-W52'];

const money = fc.constantFrom(0, 1, 2.5, 4, 7.75, 10, 12.25, 20);
const qty = fc.integer({ min: 0, max: 40 });
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

export interface Company {
  frame: ModelFrame;
  rows: Rows;
}

export const companies: fc.Arbitrary<Company> = fc
  .record({
    P: fc.integer({ min: 2, max: 8 }),
    H: fc.integer({ min: 1, max: 6 }),
    start: fc.constantFrom(...STARTS),
    asOf: fc.integer({ min: -10, max: 10 }),
    /**
     * Each source's extraction day (from the start's Monday; weeks before the start leave a gap
     * between the data and the plan), null for a source not pinned; null overall: the frame says
     * nothing and every source counts as of the meeting.
     */
    extracted: fc.option(
      fc.record({
        ERP: fc.option(fc.integer({ min: -24, max: 9 }), { nil: null, freq: 6 }),
        TMS: fc.option(fc.integer({ min: -24, max: 9 }), { nil: null, freq: 6 }),
        WMS: fc.option(fc.integer({ min: -24, max: 9 }), { nil: null, freq: 6 }),
        CRM: fc.option(fc.integer({ min: -24, max: 9 }), { nil: null, freq: 6 }),
      }),
      { nil: null, freq: 4 },
    ),
    skus: fc.integer({ min: 1, max: 6 }),
    locations: fc.integer({ min: 1, max: 3 }),
    resources: fc.integer({ min: 1, max: 3 }),
    lanes: fc.integer({ min: 1, max: 3 }),
  })
  .chain((shape) => {
    const { P, H } = shape;
    const sku = fc.constantFrom(...SKUS.slice(0, shape.skus));
    const location = fc.constantFrom(...LOCATIONS.slice(0, shape.locations));
    const resource = fc.constantFrom(...RESOURCES.slice(0, shape.resources));
    const lane = fc.constantFrom(...LANES.slice(0, shape.lanes));
    const horizon = fc.integer({ min: -H - 5, max: P + 1 });
    const past = fc.integer({ min: -H - 5, max: 0 });
    /** A constraint code on one row in five. */
    const code = (codes: string[]) =>
      fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...codes), weight: 1 });
    const shipment = fc.record({
      lane,
      ship: fc.integer({ min: -7, max: 3 }),
      eta: fc.integer({ min: -4, max: 6 }),
      delivered: option(fc.integer({ min: -3, max: 5 })),
      status: fc.constantFrom('planned', 'in_transit', 'delivered', 'rerouted', 'cancelled'),
      code: code(['TMS_HOLD', 'NO_CARRIER']),
      freight: fc.constantFrom(0, 0.5, 3, 10, 25.25, 80),
    });
    const line = fc.record({
      sku,
      location,
      qty,
      due: fc.integer({ min: -30, max: (P + 2) * 7 }),
      price: money,
      status: fc.constantFrom('open', 'open', 'open', 'shipped', 'delivered', 'cancelled'),
      /** Sell what a routing makes (its sku at the resource's site) instead of sku and location. */
      made: fc.option(fc.nat(), { nil: null, freq: 2 }),
      shipments: fc.array(shipment, { maxLength: 2 }),
      picks: fc.array(code(['SHORT_PICK', 'DAMAGED']), { maxLength: 2 }),
    });
    return fc.record({
      shape: fc.constant(shape),
      items: fc.array(
        fc.option(
          fc.record({
            family: fc.constantFrom('F1', 'F2', 'F3'),
            cost: money,
            price: money,
            abc: fc.constantFrom('A', 'B', 'C'),
            key: fc.constantFrom(0, 1),
          }),
          { nil: null, freq: 5 },
        ),
        { minLength: shape.skus, maxLength: shape.skus },
      ),
      itemLocations: fc.uniqueArray(
        fc.record({ sku, location, ss: fc.integer({ min: 0, max: 30 }), lead: fc.integer({ min: 0, max: 40 }) }),
        { selector: (r) => `${r.sku}@${r.location}`, maxLength: 8 },
      ),
      stock: fc.array(
        fc.record({
          sku,
          location,
          onHand: fc.integer({ min: 0, max: 120 }),
          allocated: fc.integer({ min: 0, max: 10 }),
          blocked: fc.integer({ min: 0, max: 5 }),
        }),
        { maxLength: 8 },
      ),
      resources: fc.array(
        fc.record({
          location,
          capacity: fc.array(option(fc.constantFrom(0, 2, 5, 10, 20, 40, 80)), {
            minLength: P + 2,
            maxLength: P + 2,
          }),
        }),
        { minLength: shape.resources, maxLength: shape.resources },
      ),
      routings: fc.uniqueArray(fc.record({ sku, resource, hpu: fc.constantFrom(0.25, 0.5, 1, 2) }), {
        selector: (r) => `${r.sku}:${r.resource}`,
        maxLength: 6,
      }),
      supply: fc.array(
        fc.record({ sku, location, t: horizon, kind: fc.constantFrom('receipt', 'production', 'production'), qty }),
        { maxLength: 14 },
      ),
      /** Production planned where a routing makes it, so resources load up. */
      plans: fc.array(
        fc.record({ k: fc.nat(), t: fc.integer({ min: -1, max: P }), qty: fc.integer({ min: 5, max: 40 }) }),
        {
          maxLength: 12,
        },
      ),
      actuals: fc.array(fc.record({ resource, sku, t: past, qty }), { maxLength: 8 }),
      orders: fc.array(fc.array(line, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
      strays: fc.array(fc.record({ order: fc.constantFrom('OX', 'O1'), shipment }), { maxLength: 2 }),
      lanes: fc.subarray(LANES.slice(0, shape.lanes)),
      laneCapacity: fc.uniqueArray(
        fc.record({
          lane,
          t: fc.integer({ min: -1, max: P }),
          capacity: fc.integer({ min: 0, max: 3 }),
          booked: fc.integer({ min: 0, max: 5 }),
        }),
        { selector: (r) => `${r.lane}:${r.t}`, maxLength: 16 },
      ),
      sales: fc.array(fc.record({ sku, location, t: fc.integer({ min: -H - 5, max: 1 }), qty }), { maxLength: 12 }),
      /** The ERP location master, when there is one: the sites it leaves out are unknown keys. */
      sites: fc.option(fc.subarray(LOCATIONS.slice(0, shape.locations)), { nil: null, freq: 2 }),
      forecasts: fc.array(
        fc.record({ sku, location, t: horizon, version: fc.constantFrom('current', 'current', 'prior', 'other'), qty }),
        { maxLength: 24 },
      ),
    });
  })
  .map((c): Company => {
    const { shape } = c;
    const monday = dayOf(periodStart(shape.start));
    const period = (t: number) => addPeriods(shape.start, t);
    const date = (d: number) => dateOf(monday + d);
    const siteOf = (resource: string) => c.resources[RESOURCES.indexOf(resource)]!.location;
    /** The (sku, location) routing k % n makes, or null without routings. */
    const routed = (k: number | null) => {
      const r = k === null || c.routings.length === 0 ? null : c.routings[k % c.routings.length]!;
      return r && { sku: r.sku, location: siteOf(r.resource) };
    };
    const rows: Rows = {
      locations: (c.sites ?? []).map((location) => ({ location, region: `RG-${location}` })),
      items: c.items.flatMap((it, i) =>
        it
          ? [
              {
                sku: SKUS[i]!,
                family: it.family,
                unit_cost: it.cost,
                unit_price: it.price,
                abc_class: it.abc,
                is_key: it.key,
              },
            ]
          : [],
      ),
      item_locations: c.itemLocations.map((r) => ({
        sku: r.sku,
        location: r.location,
        safety_stock: r.ss,
        lead_time_days: r.lead,
      })),
      stock: c.stock.map((r) => ({
        sku: r.sku,
        location: r.location,
        on_hand: r.onHand,
        allocated: r.allocated,
        blocked: r.blocked,
      })),
      resources: c.resources.flatMap((r, i) =>
        r.capacity.flatMap((cap, k) =>
          cap === null
            ? []
            : [{ resource: RESOURCES[i]!, location: r.location, period: period(k - 1), capacity_hours: cap }],
        ),
      ),
      routings: c.routings.map((r) => ({ sku: r.sku, resource: r.resource, hours_per_unit: r.hpu })),
      supply: [
        ...c.supply.map((r) => ({ sku: r.sku, location: r.location, period: period(r.t), kind: r.kind, qty: r.qty })),
        ...c.plans.flatMap((r) => {
          const at = routed(r.k);
          return at ? [{ ...at, period: period(r.t), kind: 'production', qty: r.qty }] : [];
        }),
      ],
      production_actuals: c.actuals.map((r) => ({ resource: r.resource, sku: r.sku, period: period(r.t), qty: r.qty })),
      sales_orders: [],
      shipments: [],
      pick_status: [],
      lanes: c.lanes.map((lane, i) => ({ lane, transit_days: i + 1, cost_per_load: 100 })),
      lane_capacity: c.laneCapacity.map((r) => ({
        lane: r.lane,
        period: period(r.t),
        capacity_loads: r.capacity,
        booked_loads: r.booked,
      })),
      actual_sales: c.sales.map((r) => ({ sku: r.sku, location: r.location, period: period(r.t), qty: r.qty })),
      forecasts: c.forecasts.map((r) => ({
        sku: r.sku,
        location: r.location,
        period: period(r.t),
        version: r.version,
        qty: r.qty,
      })),
    };
    const shipmentRow = (order_id: string, line: number, due: number, s: (typeof c.strays)[number]['shipment']) => ({
      order_id,
      line,
      lane: s.lane,
      planned_ship_date: date(due + s.ship),
      eta: date(due + s.eta),
      delivered_date: s.delivered === null ? null : date(due + s.delivered),
      status: s.status,
      constraint_code: s.code,
      freight_cost: s.freight,
    });
    c.orders.forEach((lines, o) =>
      lines.forEach((l, i) => {
        const order_id = `O${o + 1}`;
        const at = routed(l.made) ?? l;
        rows.sales_orders!.push({
          order_id,
          line: i + 1,
          sku: at.sku,
          location: at.location,
          qty: l.qty,
          committed_date: date(l.due),
          unit_price: l.price,
          status: l.status,
        });
        for (const s of l.shipments) rows.shipments!.push(shipmentRow(order_id, i + 1, l.due, s));
        for (const code of l.picks) rows.pick_status!.push({ order_id, line: i + 1, constraint_code: code });
      }),
    );
    for (const s of c.strays) rows.shipments!.push(shipmentRow(s.order, 9, 3, s.shipment));
    const frame: ModelFrame = {
      startPeriod: shape.start,
      periods: shape.P,
      historyPeriods: shape.H,
      asOf: date(shape.asOf),
    };
    if (shape.extracted) {
      frame.extracted = Object.fromEntries(
        Object.entries(shape.extracted).flatMap(([source, d]) => (d === null ? [] : [[source, date(d)]])),
      );
    }
    return { frame, rows };
  });

export const settingsArb: fc.Arbitrary<PlanningSettingsT> = fc.record({
  consumption: fc.constantFrom(...CONSUMPTION_RULES),
  freightGuardrail: fc.constantFrom(0, 0.08, 0.25, 1),
  demandShiftThreshold: fc.constantFrom(0, 0.1, 0.3, 1),
  demandShiftMinQty: fc.constantFrom(0, 1, 5, 20),
  accuracyPeriods: fc.integer({ min: 1, max: 8 }),
  adherencePeriods: fc.integer({ min: 1, max: 8 }),
});

const triggerArb = (metrics: readonly string[]): fc.Arbitrary<TriggerT> =>
  fc.record({
    metric: fc.constantFrom(...metrics),
    op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const),
    value: fc.constantFrom(-0.1, 0, 0.05, 0.1, 0.5, 0.7, 0.9, 0.95, 1, 6, 20),
  });

export const definitionsArb: fc.Arbitrary<KpiDefinitionT[]> = fc
  .tuple(...KPI_IDS.map((id) => fc.option(fc.array(triggerArb(KPI_METRICS[id]), { minLength: 1, maxLength: 2 }))))
  .map((perKpi) =>
    perKpi.flatMap((triggers, i) =>
      triggers === null
        ? []
        : [
            {
              id: KPI_IDS[i]!,
              name: KPI_IDS[i]!,
              definition: '',
              ownerRole: 'Owner',
              triggers,
              playbook: `Playbook of ${KPI_IDS[i]}`,
            },
          ],
    ),
  );
