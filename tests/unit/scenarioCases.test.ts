// Lever effects on a company small enough to compute by hand: one item made at plant L1 on
// resource R1 (10 h a week, 1 h a unit), 15 a week planned and forecast, nothing on hand.
import { describe, expect, it } from 'vitest';
import { buildModel, type CanonicalRows } from '../../shared/planning/build';
import type { LeverInput } from '../../shared/planning/levers';
import { Levers } from '../../shared/planning/levers';
import { outcome } from '../../shared/planning/outcome';
import { DEFAULT_SETTINGS } from '../../shared/planning/settings';
import { PlanState } from '../../shared/planning/state';

const W = ['2026-W49', '2026-W50', '2026-W51'];
type Rows = Partial<{ [T in keyof CanonicalRows]: CanonicalRows[T][] }>;

function company(extra: Rows = {}): Rows {
  return {
    locations: [{ location: 'L1', region: 'North' }],
    items: [{ sku: 'S1', family: 'F', unit_cost: 6, unit_price: 10, abc_class: 'A', is_key: 1 }],
    item_locations: [{ sku: 'S1', location: 'L1', safety_stock: 10, lead_time_days: 7 }],
    resources: W.map((period) => ({ resource: 'R1', location: 'L1', period, capacity_hours: 10 })),
    routings: [{ sku: 'S1', resource: 'R1', hours_per_unit: 1 }],
    supply: W.map((period) => ({ sku: 'S1', location: 'L1', period, kind: 'production', qty: 15 })),
    forecasts: W.map((period) => ({ sku: 'S1', location: 'L1', period, version: 'current', qty: 15 })),
    ...extra,
  };
}

function plan(levers: LeverInput[], rows = company()) {
  const model = buildModel({ startPeriod: W[0]!, periods: 3, historyPeriods: 2, asOf: '2026-11-30' }, rows);
  const baseline = new PlanState(model, DEFAULT_SETTINGS, []);
  const s = new PlanState(model, DEFAULT_SETTINGS, [], { from: baseline });
  s.update(Levers.parse(levers));
  const P = 3;
  return {
    s,
    baseline,
    out: outcome(s, baseline),
    cpab: Array.from(s.projection.constrainedPab.subarray(0, P)),
    pab: Array.from(s.projection.pab.subarray(0, P)),
  };
}

describe('levers, computed by hand', () => {
  it('baseline: 15 planned on 10 hours makes 10; the constrained balance falls 5 a week', () => {
    const { cpab, out } = plan([]);
    expect(cpab).toEqual([-5, -10, -15]);
    // Served: 45 demand - 15 backlog = 30 at 10 = 300 revenue, 30 x 6 = 180 cost of goods.
    expect(out.figures.revenue).toBe(300);
    expect(out.figures.margin).toBe(120);
    expect(out.figures.overload_hours).toBe(15);
    expect(out.figures.utilization).toBe(1.5);
  });

  it('overtime covers the gap and is paid for the hours used; an extra shift is paid in full', () => {
    const overtime = plan([{ kind: 'capacity', resource: 'R1', how: 'overtime', hoursPerPeriod: 8, costPerHour: 40 }]);
    expect(overtime.cpab).toEqual([0, 0, 0]);
    expect(overtime.out.figures.capacity_cost).toBe(5 * 3 * 40); // 5 of the 8 hours used each week
    expect(overtime.out.figures.revenue).toBe(450);
    expect(overtime.out.deltas.revenue).toBe(150);
    expect(overtime.out.figures.margin).toBe(450 - 270 - 600);
    expect(overtime.out.figures.overload_hours).toBe(0);
    const shift = plan([
      {
        kind: 'capacity',
        resource: 'R1',
        how: 'extra_shift',
        hoursPerPeriod: 8,
        costPerHour: 40,
        from: W[1],
        to: W[1],
      },
    ]);
    expect(shift.out.figures.capacity_cost).toBe(8 * 40); // one week, in full
    expect(shift.cpab).toEqual([-5, -5, -10]);
  });

  it('a demand lift scales the forecast of the family, region and weeks it names', () => {
    const { s } = plan([{ kind: 'demand_lift', percent: 20, family: 'F', region: 'North', from: W[1], to: W[2] }]);
    expect(Array.from(s.projection.demand.subarray(0, 3))).toEqual([15, 18, 18]);
    const other = plan([{ kind: 'demand_lift', percent: 20, region: 'South' }], {
      ...company(),
      locations: [
        { location: 'L1', region: 'North' },
        { location: 'L9', region: 'South' },
      ],
    });
    expect(Array.from(other.s.projection.demand.subarray(0, 3))).toEqual([15, 15, 15]);
  });

  it('a safety stock policy moves the level and replenishes the difference after the lead time', () => {
    const scaled = plan([{ kind: 'safety_stock', policy: 'scale', value: 50, abc: 'A' }]);
    expect(scaled.s.model.il.safetyStock[0]).toBe(15);
    // 5 more arrive in week 2 (lead time 7 days = 1 week).
    expect(Array.from(scaled.s.model.il.receipts.subarray(0, 3))).toEqual([0, 5, 0]);
    expect(scaled.pab).toEqual([0, 5, 5]);
    const cover = plan([{ kind: 'safety_stock', policy: 'weeks_of_cover', value: 2 }]);
    expect(cover.s.model.il.safetyStock[0]).toBe(30);
    const other = plan([{ kind: 'safety_stock', policy: 'scale', value: 50, abc: 'B' }]);
    expect(other.s.model.il.safetyStock[0]).toBe(10);
  });

  it('a pre-build moves production on the resource earlier; each unit moves once', () => {
    const { s, out } = plan([{ kind: 'prebuild', resource: 'R1', from: W[1]!, to: W[2]!, periodsEarlier: 1 }]);
    expect(Array.from(s.model.il.production.subarray(0, 3))).toEqual([30, 15, 0]);
    expect(Array.from(s.projection.load.subarray(0, 3))).toEqual([30, 15, 0]);
    expect(out.figures.overload_hours).toBe(25);
  });

  it('expediting moves the open lines of an order to a faster mode, at a cost per unit', () => {
    const rows = company({
      lanes: [{ lane: 'N1', transit_days: 10, cost_per_load: 100 }],
      sales_orders: [
        {
          order_id: 'O1',
          line: 1,
          sku: 'S1',
          location: 'L1',
          qty: 4,
          committed_date: '2026-12-16',
          unit_price: 10,
          status: 'open',
        },
      ],
      stock: [{ sku: 'S1', location: 'L1', on_hand: 100, allocated: 0, blocked: 0 }],
      shipments: [
        {
          order_id: 'O1',
          line: 1,
          lane: 'N1',
          planned_ship_date: '2026-12-09',
          eta: '2026-12-19',
          delivered_date: null,
          status: 'planned',
          constraint_code: null,
          freight_cost: 3,
        },
      ],
    });
    const before = plan([], rows);
    expect(before.out.figures.late_lines).toBe(1);
    expect(before.out.figures.lead_time_days).toBe(3);
    const after = plan([{ kind: 'expedite', orders: ['O1'], mode: 'air', daysFaster: 5, costPerUnit: 2.5 }], rows);
    expect(after.out.figures.late_lines).toBe(0);
    expect(after.out.figures.expedite_cost).toBe(10);
    expect(after.s.model.line.freight[0]).toBe(13);
    expect(after.out.resolved.map((e) => e.key)).toContain('otif_risk:O1');
  });

  it('names the lever and field the snapshot set does not know', () => {
    expect(() => plan([{ kind: 'demand_lift', percent: 5, family: 'Nope' }])).toThrow(/Lever 1: no family "Nope"/);
    expect(() => plan([{ kind: 'demand_lift', percent: 5, from: '2027-W30' }])).toThrow(/outside the cycle's horizon/);
  });
});
