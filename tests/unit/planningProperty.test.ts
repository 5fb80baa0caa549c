// Property tests of the planning engine: random small companies go through buildModel + recompute
// and through the plain reference implementation (planningReference.ts); demand, PAB, load, line
// statuses, exceptions and KPIs must agree.
//
// Quantities are whole units and money is in quarters, so both sides compute exact sums: the
// engine keeps its grids in Float32Array, which is exact for such values (and not for decimals,
// see planningCases.test.ts "known disagreements"). Statuses and supply kinds are the documented
// ones only, for the same reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriods, periodStart } from '../../shared/domain/period';
import { buildModel, type ModelFrame } from '../../shared/planning/build';
import { recompute } from '../../shared/planning/engine';
import { LINE_STATUS } from '../../shared/planning/projection';
import {
  CONSUMPTION_RULES,
  KPI_IDS,
  KPI_METRICS,
  type KpiDefinitionT,
  type PlanningSettingsT,
  type TriggerT,
} from '../../shared/planning/settings';
import { engineView } from './planningEngineView';
import { dateOf, dayOf, referencePlan, type ExceptionView, type PlanView, type Rows } from './planningReference';

/** Within the engine's 2-digit rounding of money, and float noise of sums in another order. */
const near = (a: number, b: number, abs: number): boolean =>
  Math.abs(a - b) <= abs + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
const nearOrNull = (a: number | null, b: number | null, abs: number): boolean =>
  a === null || b === null ? a === b : near(a, b, abs);

/** Every difference between the engine and the reference, as text (empty when they agree). */
function differences(engine: PlanView, ref: PlanView, engineExceptionCount: number): string[] {
  const out: string[] = [];
  const grids = ['demand', 'pab', 'constrainedPab', 'load', 'feasible'] as const;
  for (const g of grids) {
    // An item-location one side lists and the other does not has nothing in it.
    for (const key of new Set([...engine[g].keys(), ...ref[g].keys()])) {
      const a = engine[g].get(key);
      const b = ref[g].get(key);
      const n = Math.max(a?.length ?? 0, b?.length ?? 0);
      for (let t = 0; t < n; t++) {
        const x = a?.[t] ?? (g === 'feasible' ? 1 : 0);
        const y = b?.[t] ?? (g === 'feasible' ? 1 : 0);
        if (!near(x, y, 1e-9)) out.push(`${g} ${key} t=${t}: engine ${x}, reference ${y}`);
      }
    }
  }
  for (const key of new Set([...engine.lines.keys(), ...ref.lines.keys()])) {
    const a = engine.lines.get(key);
    const b = ref.lines.get(key);
    if (a?.status !== b?.status || a?.reason !== b?.reason) {
      out.push(`line ${key}: engine ${a?.status} ${a?.reason}, reference ${b?.status} ${b?.reason}`);
    }
  }
  if (engineExceptionCount !== engine.exceptions.size) out.push('engine raised two exceptions with one key');
  for (const key of new Set([...engine.exceptions.keys(), ...ref.exceptions.keys()])) {
    const a = engine.exceptions.get(key);
    const b = ref.exceptions.get(key);
    if (!a || !b) {
      out.push(`exception ${key}: ${a ? 'only the engine' : 'only the reference'} raises it`);
      continue;
    }
    const fields: (keyof ExceptionView)[] = ['type', 'periodFrom', 'periodTo', 'peakPeriod'];
    for (const f of fields) if (a[f] !== b[f]) out.push(`exception ${key} ${f}: engine ${a[f]}, reference ${b[f]}`);
    if (!near(a.valueAtRisk, b.valueAtRisk, 0.0051)) {
      out.push(`exception ${key} valueAtRisk: engine ${a.valueAtRisk}, reference ${b.valueAtRisk}`);
    }
    if (!nearOrNull(a.peakValue, b.peakValue, 0.0051)) {
      out.push(`exception ${key} peakValue: engine ${a.peakValue}, reference ${b.peakValue}`);
    }
  }
  for (const key of new Set([...engine.kpis.keys(), ...ref.kpis.keys()])) {
    const a = engine.kpis.get(key);
    const b = ref.kpis.get(key);
    if (!a || !b) {
      out.push(`kpi ${key}: ${a ? 'only the engine' : 'only the reference'} has it`);
      continue;
    }
    for (const metric of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
      const x = a.metrics[metric];
      const y = b.metrics[metric];
      if (x === undefined || y === undefined || !nearOrNull(x, y, 1e-9)) {
        out.push(`kpi ${key} ${metric}: engine ${x}, reference ${y}`);
      }
    }
    if (!near(a.basis, b.basis, 1e-9)) out.push(`kpi ${key} basis: engine ${a.basis}, reference ${b.basis}`);
    if (!near(a.atStake, b.atStake, 1e-9)) out.push(`kpi ${key} atStake: engine ${a.atStake}, reference ${b.atStake}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random small companies.

const SKUS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
const LOCATIONS = ['L1', 'L2', 'L3'];
const RESOURCES = ['R1', 'R2', 'R3'];
const LANES = ['N1', 'N2', 'N3'];
const STARTS = ['2026-W49', '2026-W52', '2026-W53', '2027-W01', '2020-W52'];

const money = fc.constantFrom(0, 1, 2.5, 4, 7.75, 10, 12.25, 20);
const qty = fc.integer({ min: 0, max: 40 });
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

interface Company {
  frame: ModelFrame;
  rows: Rows;
}

const companies: fc.Arbitrary<Company> = fc
  .record({
    P: fc.integer({ min: 2, max: 8 }),
    H: fc.integer({ min: 1, max: 6 }),
    start: fc.constantFrom(...STARTS),
    asOf: fc.integer({ min: -10, max: 10 }),
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
    const horizon = fc.integer({ min: -H - 2, max: P + 1 });
    const past = fc.integer({ min: -H - 2, max: 0 });
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
      sales: fc.array(fc.record({ sku, location, t: fc.integer({ min: -H - 2, max: 1 }), qty }), { maxLength: 12 }),
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
    return {
      frame: { startPeriod: shape.start, periods: shape.P, historyPeriods: shape.H, asOf: date(shape.asOf) },
      rows,
    };
  });

const settingsArb: fc.Arbitrary<PlanningSettingsT> = fc.record({
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

const definitionsArb: fc.Arbitrary<KpiDefinitionT[]> = fc
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

function compare(company: Company, settings: PlanningSettingsT, definitions: KpiDefinitionT[]) {
  const model = buildModel(company.frame, company.rows);
  const result = recompute(model, settings, definitions);
  const engine = engineView(model, result);
  const ref = referencePlan(company.frame, company.rows, settings, definitions);
  return { engine, ref, diff: differences(engine, ref, result.exceptions.length) };
}

describe('planning engine against the reference implementation', () => {
  it('agrees on demand, PAB, load, line statuses, exceptions and KPIs', () => {
    fc.assert(
      fc.property(companies, settingsArb, definitionsArb, (company, settings, definitions) => {
        expect(compare(company, settings, definitions).diff).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches every line status and exception type, so the property above is not vacuous', () => {
    const statuses = new Set<string>();
    const types = new Set<string>();
    const reasons = new Set<string>();
    const samples = fc.sample(fc.tuple(companies, settingsArb, definitionsArb), { numRuns: 200, seed: 7 });
    for (const [company, settings, definitions] of samples) {
      const { engine } = compare(company, settings, definitions);
      for (const l of engine.lines.values()) {
        statuses.add(l.status);
        if (l.reason) reasons.add(l.reason.startsWith('OVERLOAD') ? 'OVERLOAD' : l.reason);
      }
      for (const e of engine.exceptions.values()) types.add(e.type);
    }
    expect([...statuses].sort()).toEqual([...LINE_STATUS].sort());
    expect([...types].sort()).toEqual(
      [
        'below_safety_stock',
        'capacity_shortfall',
        'demand_shift',
        'kpi_breach',
        'logistics_cost_guardrail',
        'otif_risk',
      ].sort(),
    );
    for (const r of ['STOCK_SHORT', 'OVERLOAD', 'LATE_ETA', 'LANE_OVER_CAPACITY', 'TMS_HOLD', 'SHORT_PICK']) {
      expect(reasons).toContain(r);
    }
  });

  it('keeps exception keys across settings: a recompute with other settings renames nothing', () => {
    fc.assert(
      fc.property(companies, settingsArb, settingsArb, definitionsArb, (company, a, b, definitions) => {
        const model = buildModel(company.frame, company.rows);
        const first = new Map(recompute(model, a, definitions).exceptions.map((e) => [e.key, e.type]));
        const second = recompute(model, b, definitions).exceptions;
        // A key names its type and subject: the same key always means the same type.
        for (const e of second) if (first.has(e.key)) expect(first.get(e.key)).toBe(e.type);
        for (const e of second) expect(e.key.startsWith(`${e.type}:`)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
