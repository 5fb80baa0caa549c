// The exception chart series and their summary sentences on small fixtures, figures by hand.
import { describe, expect, it } from 'vitest';
import type { ExceptionSeriesT } from '../../shared/api';
import {
  daysBetween,
  demandRange,
  demandWeeks,
  flaggedSpan,
  freightShipments,
  loadWeeks,
  orderTimeline,
  peakWeek,
  stockWeeks,
  type OrderLineRow,
  type ShipmentRow,
} from '../../shared/planning/exceptionSeries';
import { seriesSummary } from '../../shared/planning/exceptionSeriesText';

const EUR = { locale: 'en', currency: 'EUR' };
const base = { key: 'k', cycleId: 1, asOf: { meeting: '2026-12-01', extracted: { ERP: '2026-11-30' } } };
const W = ['2026-W49', '2026-W50', '2026-W51', '2026-W52'];

describe('stock weeks', () => {
  // Safety stock 100; available 150, 80, 40, 120: below in W50 and W51, deepest 60 short in W51.
  const weeks = stockWeeks(W, [150, 80, 40, 120], [100, 100, 100, 100], [10, 70, 40, 0]);
  it('flags the weeks below safety stock, keeps the figures, null past the data', () => {
    expect(weeks.map((w) => w.below)).toEqual([false, true, true, false]);
    expect(flaggedSpan(weeks, (w) => w.below)).toEqual({ count: 2, first: '2026-W50', last: '2026-W51' });
    expect(peakWeek(weeks, (w) => w.safetyStock! - w.available!)).toEqual({ period: '2026-W51', gap: 60 });
    expect(stockWeeks(['2026-W49'], [], [], [])[0]).toEqual({
      period: '2026-W49',
      available: null,
      safetyStock: null,
      demand: null,
      below: false,
    });
  });
  it('says how many weeks, from when to when, the lowest and how far short', () => {
    expect(seriesSummary({ ...base, type: 'below_safety_stock', weeks }, EUR)).toBe(
      'Projected available stock is below the safety stock of 100 units in 2 of 4 weeks, 2026-W50 to 2026-W51; ' +
        'lowest 40 units in 2026-W51, 60 units short.',
    );
  });
});

describe('load weeks', () => {
  // Capacity 100 h except W51 (no row); load 90, 130, 200, 150: over in W50 (30 h) and W52 (50 h).
  const capacity = new Map([
    ['2026-W49', 100],
    ['2026-W50', 100],
    ['2026-W52', 100],
  ]);
  const weeks = loadWeeks(W, [90, 130, 200, 150], capacity);
  it('has no capacity for a week without a row (no data, not 0, so not over)', () => {
    expect(weeks.map((w) => w.capacity)).toEqual([100, 100, null, 100]);
    expect(weeks.map((w) => w.over)).toEqual([false, true, false, true]);
  });
  it('states the weeks over, the peak with its utilization, and the weeks without capacity', () => {
    expect(seriesSummary({ ...base, type: 'capacity_shortfall', weeks }, EUR)).toBe(
      'Load exceeds capacity in 2 of 4 weeks, 2026-W50 to 2026-W52; peak 150 h against 100 h in 2026-W52 ' +
        '(150.0% of capacity), 50 h over. 1 week has no capacity in the ERP (no data).',
    );
  });
});

const lines: OrderLineRow[] = [
  { line: 2, sku: 'B', requested_date: '2026-12-01', committed_date: '2026-12-04', status: 'open' },
  { line: 1, sku: 'A', requested_date: '2026-12-01', committed_date: '2026-12-04', status: 'open' },
  { line: 3, sku: 'C', requested_date: null, committed_date: '2026-11-20', status: 'delivered' },
];
const ship = (
  id: string,
  line: number,
  planned: string,
  eta: string,
  freight: number,
  status = 'planned',
): ShipmentRow => ({
  shipment_id: id,
  line,
  lane: 'L1',
  planned_ship_date: planned,
  eta,
  delivered_date: null,
  status,
  freight_cost: freight,
});
const shipments = [
  ship('S1', 1, '2026-12-03', '2026-12-07', 30),
  ship('S2', 1, '2026-12-02', '2026-12-05', 50),
  ship('S3', 2, '2026-12-01', '2026-12-04', 40),
  ship('S4', 2, '2026-12-01', '2026-12-20', 999, 'cancelled'),
  ship('S5', 3, '2026-11-18', '2026-11-19', 70),
];

describe('order timeline', () => {
  const timeline = orderTimeline(lines, shipments, new Map([[1, 'LATE_ETA']]));
  it('has the open lines in order, the latest ETA of their live shipments, days late against committed', () => {
    expect(daysBetween('2026-12-04', '2026-12-07')).toBe(3);
    expect(timeline.map((l) => [l.line, l.eta, l.daysLate, l.atRisk])).toEqual([
      [1, '2026-12-07', 3, true],
      [2, '2026-12-04', 0, false],
    ]);
    expect(timeline[0]!.plannedShip).toBe('2026-12-02');
  });
  it('names the lines at risk against the committed date, the reason in words', () => {
    expect(seriesSummary({ ...base, type: 'otif_risk', lines: timeline }, EUR)).toBe(
      '1 of 2 open lines at risk against the committed date 2026-12-04: ' +
        'line 1 ETA 2026-12-07, 3 days late (ETA after the committed date).',
    );
  });
});

describe('freight shipments', () => {
  // Open lines 1 and 2 only, cancelled S4 out: by planned date S3 (40), S2 (50), S1 (30) = 120;
  // guardrail 80: passed at S2 (90).
  const list = freightShipments(lines, shipments, 80);
  it('adds up the live shipments of open lines in ship order, over once past the guardrail', () => {
    expect(list.map((s) => [s.shipmentId, s.cumulative, s.overGuardrail])).toEqual([
      ['S3', 40, false],
      ['S2', 90, true],
      ['S1', 120, true],
    ]);
  });
  it('states the freight, the guardrail with its share of margin, how much over and where', () => {
    const s: ExceptionSeriesT = {
      ...base,
      type: 'logistics_cost_guardrail',
      guardrail: 80,
      guardrailShare: 0.08,
      orderMargin: 1000,
      shipments: list,
    };
    expect(seriesSummary(s, EUR)).toBe(
      'Freight €120 over 3 shipments against a guardrail of €80 (8% of the €1,000 order margin): €40 over, passed at shipment S2.',
    );
  });
});

describe('demand weeks', () => {
  const window = { from: '2026-W49', to: '2026-W50' };
  const weeks = demandWeeks(
    '2026-W48',
    4,
    [
      { period: '2026-W49', version: 'current', qty: 130 },
      { period: '2026-W49', version: 'prior', qty: 100 },
      { period: '2026-W50', version: 'current', qty: 70 },
      { period: '2026-W50', version: 'prior', qty: 60 },
      { period: '2026-W51', version: 'current', qty: 50 },
    ],
    [{ period: '2026-W48', qty: 90 }],
    window,
  );
  it('lines the versions and sales up by week, null without a row', () => {
    expect(demandRange('2026-W49', 3, { from: '2026-W45', to: '2026-W46' })).toEqual({ first: '2026-W45', count: 7 });
    expect(weeks.map((w) => [w.period, w.current, w.prior, w.actual, w.inWindow])).toEqual([
      ['2026-W48', null, null, 90, false],
      ['2026-W49', 130, 100, null, true],
      ['2026-W50', 70, 60, null, true],
      ['2026-W51', 50, null, null, false],
    ]);
  });
  it('states the revision over the window: 200 against 160, +25%', () => {
    expect(seriesSummary({ ...base, type: 'demand_shift', basis: 'forecast_revision', window, weeks }, EUR)).toBe(
      'The current forecast is 200 units against the prior 160 units over 2026-W49 to 2026-W50 (+25.0%).',
    );
  });
});

describe('summaries without a breach or without data', () => {
  it('says stock stays above safety stock, and freight without shipments is no data', () => {
    const weeks = stockWeeks(W.slice(0, 2), [150, 120], [100, 100], [0, 0]);
    expect(seriesSummary({ ...base, type: 'below_safety_stock', weeks }, EUR)).toBe(
      'Projected available stock stays at or above the safety stock of 100 units in every week.',
    );
    const none: ExceptionSeriesT = {
      ...base,
      type: 'logistics_cost_guardrail',
      guardrail: 80,
      guardrailShare: 0.08,
      orderMargin: 1000,
      shipments: [],
    };
    expect(seriesSummary(none, EUR)).toBe("No shipment of the order's open lines is in the TMS (no data).");
  });
  it('counts the window weeks with no prior forecast as no data, never 0', () => {
    const window = { from: '2026-W49', to: '2026-W50' };
    const weeks = demandWeeks('2026-W49', 2, [{ period: '2026-W49', version: 'current', qty: 10 }], [], window);
    expect(weeks.map((w) => w.prior)).toEqual([null, null]);
    const some = demandWeeks('2026-W49', 2, [{ period: '2026-W49', version: 'prior', qty: 10 }], [], window);
    expect(seriesSummary({ ...base, type: 'demand_shift', basis: 'forecast_revision', window, weeks: some }, EUR)).toBe(
      'The current forecast is 0 units against the prior 10 units over 2026-W49 to 2026-W50 (−100.0%). 1 week has no prior forecast (no data).',
    );
    expect(seriesSummary({ ...base, type: 'demand_shift', basis: 'forecast_revision', window, weeks }, EUR)).toBe(
      'No week of 2026-W49 to 2026-W50 has a prior forecast to measure against (no data).',
    );
  });
});
