// Properties of scenarios on random small companies:
// - incremental = full: a state updated lever set after lever set equals a full recompute of the
//   model it ends with (projection, exceptions, KPIs), so the dirty-row tracking misses nothing;
// - a 0% demand lift is the baseline;
// - more capacity never lowers service; expediting never makes a line late that was not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../shared/planning/build';
import type { LeverT } from '../../shared/planning/levers';
import { Levers } from '../../shared/planning/levers';
import type { PlanningModel } from '../../shared/planning/model';
import { outcome } from '../../shared/planning/outcome';
import { LS } from '../../shared/planning/projection';
import { PlanState } from '../../shared/planning/state';
import { companies, definitionsArb, LOCATIONS, settingsArb, type Company } from './planningArbitraries';

/** The company with a location master, so regions exist. */
const withRegions = (c: Company): Company => ({
  ...c,
  rows: { ...c.rows, locations: LOCATIONS.map((location, i) => ({ location, region: i % 2 ? 'South' : 'North' })) },
});

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(values: readonly T[]) =>
  values.length ? fc.option(pick(values), { nil: null }) : fc.constant(null as T | null);

function range(m: PlanningModel) {
  return fc
    .tuple(fc.integer({ min: 0, max: m.periods - 1 }), fc.integer({ min: 0, max: m.periods - 1 }))
    .map(([a, b]) => ({ from: m.horizon[Math.min(a, b)]!, to: m.horizon[Math.max(a, b)]! }));
}

/** Levers naming only what the model has. */
function leverArb(m: PlanningModel): fc.Arbitrary<LeverT> {
  const kinds: fc.Arbitrary<unknown>[] = [
    fc
      .record({
        kind: fc.constant('demand_lift'),
        percent: fc.constantFrom(-50, -10, 0, 10, 25, 100),
        family: maybe(m.families.values),
        region: maybe(m.regions.values),
        span: fc.option(range(m), { nil: null }),
      })
      .map(({ span, ...l }) => ({ ...l, ...(span ?? {}) })),
    fc.record({
      kind: fc.constant('safety_stock'),
      policy: fc.constantFrom('scale', 'weeks_of_cover'),
      value: fc.constantFrom(0, 1, 2, 50),
      family: maybe(m.families.values),
      abc: fc.constantFrom(null, 'A', 'B', 'C'),
      location: maybe(m.locations.values),
    }),
  ];
  if (m.resources.size) {
    kinds.push(
      fc
        .record({
          kind: fc.constant('capacity'),
          resource: pick(m.resources.values),
          how: fc.constantFrom('overtime', 'extra_shift'),
          hoursPerPeriod: fc.constantFrom(1, 5, 40),
          costPerHour: fc.constantFrom(0, 30),
          span: range(m),
        })
        .map(({ span, ...l }) => ({ ...l, ...span })),
      fc
        .record({
          kind: fc.constant('prebuild'),
          resource: pick(m.resources.values),
          family: maybe(m.families.values),
          span: range(m),
          periodsEarlier: fc.integer({ min: 1, max: 3 }),
          share: fc.constantFrom(50, 100),
        })
        .map(({ span, ...l }) => ({ ...l, ...span })),
    );
  }
  if (m.lanes.size || m.orders.size) {
    kinds.push(
      fc.record({
        kind: fc.constant('expedite'),
        lane: m.lanes.size ? pick(m.lanes.values) : fc.constant(null),
        orders: m.orders.size ? fc.subarray(m.orders.values, { minLength: m.lanes.size ? 0 : 1 }) : fc.constant([]),
        daysFaster: fc.integer({ min: 1, max: 10 }),
        costPerUnit: fc.constantFrom(0, 1.5),
      }),
    );
  }
  return fc.oneof(...kinds).map((l) => Levers.parse([l])[0]!);
}

const leverSets = (m: PlanningModel) => fc.array(leverArb(m), { maxLength: 3 });

const cases = fc.tuple(companies.map(withRegions), settingsArb, definitionsArb).chain(([company, settings, defs]) => {
  const model = buildModel(company.frame, company.rows);
  return fc.record({
    model: fc.constant(model),
    settings: fc.constant(settings),
    defs: fc.constant(defs),
    steps: fc.array(leverSets(model), { minLength: 1, maxLength: 3 }),
  });
});

const view = (s: PlanState) => ({
  exceptions: s.exceptions().map((e) => JSON.stringify(e)),
  kpis: s.kpis,
  projection: Object.fromEntries(Object.entries(s.projection).map(([k, a]) => [k, Array.from(a as Float64Array)])),
});

describe('scenario states', () => {
  it('updated lever set after lever set, equal a full recompute of the same levers', () => {
    fc.assert(
      fc.property(cases, ({ model, settings, defs, steps }) => {
        const baseline = new PlanState(model, settings, defs);
        const s = new PlanState(model, settings, defs, { from: baseline });
        for (const levers of steps) s.update(levers);
        const full = new PlanState(s.model, settings, defs);
        expect(view(s)).toEqual(view(full));
        // Back to no levers: the baseline again.
        s.update([]);
        expect(view(s)).toEqual(view(baseline));
      }),
      { numRuns: 150 },
    );
  });

  it('a 0% demand lift is the baseline', () => {
    fc.assert(
      fc.property(cases, ({ model, settings, defs }) => {
        const baseline = new PlanState(model, settings, defs);
        const s = new PlanState(model, settings, defs, { from: baseline });
        s.update(Levers.parse([{ kind: 'demand_lift', percent: 0 }]));
        const o = outcome(s, baseline);
        for (const [id, d] of Object.entries(o.deltas)) expect([id, d ?? 0]).toEqual([id, 0]);
        expect(view(s)).toEqual(view(baseline));
      }),
      { numRuns: 60 },
    );
  });

  it('more capacity never lowers service', () => {
    fc.assert(
      fc.property(
        cases.filter((c) => c.model.resources.size > 0),
        fc.integer({ min: 1, max: 50 }),
        ({ model, settings, defs }, hours) => {
          const baseline = new PlanState(model, settings, defs);
          const s = new PlanState(model, settings, defs, { from: baseline });
          const levers = model.resources.values.map((resource) => ({
            kind: 'capacity' as const,
            resource,
            how: 'overtime' as const,
            hoursPerPeriod: hours,
            costPerHour: 10,
          }));
          s.update(Levers.parse(levers));
          for (let i = 0; i < model.line.count; i++) {
            if (baseline.projection.lineStatus[i] === LS.ok) expect(s.projection.lineStatus[i]).toBe(LS.ok);
          }
          const o = outcome(s, baseline);
          expect(o.deltas.late_lines!).toBeLessThanOrEqual(0);
          if (o.deltas.projected_otif !== null) expect(o.deltas.projected_otif).toBeGreaterThanOrEqual(0);
          expect(o.deltas.revenue!).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('expediting never raises lateness', () => {
    fc.assert(
      fc.property(
        cases.filter((c) => c.model.lanes.size > 0),
        fc.integer({ min: 1, max: 20 }),
        ({ model, settings, defs }, days) => {
          const baseline = new PlanState(model, settings, defs);
          const s = new PlanState(model, settings, defs, { from: baseline });
          const levers = model.lanes.values.map((lane) => ({
            kind: 'expedite' as const,
            lane,
            daysFaster: days,
            costPerUnit: 1,
          }));
          s.update(Levers.parse(levers));
          for (let i = 0; i < model.line.count; i++) {
            if (baseline.projection.lineStatus[i] === LS.ok) expect(s.projection.lineStatus[i]).toBe(LS.ok);
          }
          const o = outcome(s, baseline);
          expect(o.deltas.late_lines!).toBeLessThanOrEqual(0);
          expect(o.deltas.lead_time_days ?? 0).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
});
