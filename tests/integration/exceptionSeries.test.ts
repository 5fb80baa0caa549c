// exception.series on the demo company: each type's chart figures agree with the exception the
// engine raised (the weeks below safety stock or over capacity span periodFrom..periodTo and peak
// where it says; the order's freight adds up to its freight; the late lines are the ones named).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiOutput, ExceptionInfoT, ExceptionSeriesT } from '../../shared/api';
import { PLAIN_STYLE } from '../../shared/domain/numberFormat';
import { flaggedSpan, peakWeek } from '../../shared/planning/exceptionSeries';
import { seriesSummary } from '../../shared/planning/exceptionSeriesText';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { planroom } from '../helpers/cli';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

type Of<T extends ExceptionType> = Extract<ExceptionSeriesT, { type: T }>;

describe('exception.series on the demo company', () => {
  const dir = tempDir('planroom-series-', 'all');
  let api: DemoApi;
  let rows: ExceptionInfoT[];
  const first = (type: ExceptionType) => {
    const row = rows.find((r) => r.type === type);
    if (!row) throw new Error(`the demo raises no ${type}`);
    return row;
  };
  async function series<T extends ExceptionType>(row: ExceptionInfoT, type: T): Promise<Of<T>> {
    const s: ApiOutput<'exception.series'> = await api.call('exception.series', { key: row.key });
    expect(s.type).toBe(type);
    expect(s.key).toBe(row.key);
    return s as Of<T>;
  }

  beforeAll(async () => {
    api = await openDemoApi(dir);
    rows = (await api.call('exception.list', { limit: 1000 })).rows;
  });
  afterAll(() => api.close());

  it('below safety stock: the weeks below span periodFrom..periodTo and the deepest gap is the peak', async () => {
    const row = first('below_safety_stock');
    const s = await series(row, 'below_safety_stock');
    const d = row.detail as { safetyStock: number; shortageQty: number };
    expect(s.weeks.every((w) => w.safetyStock === d.safetyStock)).toBe(true);
    const span = flaggedSpan(s.weeks, (w) => w.below);
    expect([span.first, span.last]).toEqual([row.periodFrom, row.periodTo]);
    const peak = peakWeek(s.weeks, (w) =>
      w.available === null || w.safetyStock === null ? null : w.safetyStock - w.available,
    );
    expect(peak?.period).toBe(row.peakPeriod);
    expect(peak?.gap).toBeCloseTo(row.peakValue!, 1);
    const shortage = s.weeks.filter((w) => w.below).reduce((n, w) => n + w.safetyStock! - w.available!, 0);
    expect(shortage).toBeCloseTo(d.shortageQty, 1);
    expect(s.asOf.meeting).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('capacity shortfall: the weeks over capacity span periodFrom..periodTo, the largest overload at the peak', async () => {
    const row = first('capacity_shortfall');
    const s = await series(row, 'capacity_shortfall');
    const span = flaggedSpan(s.weeks, (w) => w.over);
    expect([span.first, span.last]).toEqual([row.periodFrom, row.periodTo]);
    const peak = peakWeek(s.weeks, (w) => (w.load === null || w.capacity === null ? null : w.load - w.capacity));
    expect(peak?.period).toBe(row.peakPeriod);
    expect(peak?.gap).toBeCloseTo(row.peakValue!, 1);
    const overload = s.weeks.filter((w) => w.over).reduce((n, w) => n + w.load! - w.capacity!, 0);
    expect(overload).toBeCloseTo((row.detail as { overloadHours: number }).overloadHours, 0);
  });

  it('OTIF risk: the lines at risk are the ones the exception names, each with its committed date and ETA', async () => {
    const row = first('otif_risk');
    const s = await series(row, 'otif_risk');
    const named = row.detail.lines as { line: number; committed: string; eta: string | null; reason: string }[];
    const risky = s.lines.filter((l) => l.atRisk);
    expect(risky.map((l) => l.line)).toEqual(named.map((l) => l.line));
    for (const l of risky) {
      const n = named.find((x) => x.line === l.line)!;
      expect(l.committed).toBe(n.committed);
      expect(l.eta).toBe(n.eta);
      expect(l.reason).toBe(n.reason);
      if (l.eta) expect(l.daysLate).toBe((Date.parse(l.eta) - Date.parse(l.committed)) / 86_400_000);
    }
  });

  it('freight: the shipments add up to the order freight, crossing the guardrail where it says', async () => {
    const row = first('logistics_cost_guardrail');
    const s = await series(row, 'logistics_cost_guardrail');
    const d = row.detail as { freight: number; guardrail: number };
    expect(s.guardrail).toBe(d.guardrail);
    expect(s.shipments.length).toBeGreaterThan(0);
    expect(s.shipments.at(-1)!.cumulative).toBeCloseTo(d.freight, 1);
    expect(s.shipments.at(-1)!.overGuardrail).toBe(true);
    const firstOver = s.shipments.findIndex((x) => x.overGuardrail);
    expect(s.shipments.slice(firstOver).every((x) => x.overGuardrail)).toBe(true);
  });

  it('demand shift: the window is the exception span, and its weeks add up to the before and after figures', async () => {
    const row = first('demand_shift');
    const s = await series(row, 'demand_shift');
    const d = row.detail as { basis: string; before: number; after: number };
    expect(s.basis).toBe(d.basis);
    expect(s.window).toEqual({ from: row.periodFrom, to: row.periodTo });
    const inside = s.weeks.filter((w) => w.inWindow);
    expect(inside[0]!.period).toBe(row.periodFrom);
    expect(inside.at(-1)!.period).toBe(row.periodTo);
    if (s.basis === 'forecast_revision') {
      const counted = inside.filter((w) => w.prior !== null);
      expect(counted.reduce((n, w) => n + w.prior!, 0)).toBeCloseTo(d.before, 0);
      expect(counted.reduce((n, w) => n + (w.current ?? 0), 0)).toBeCloseTo(d.after, 0);
    }
  });

  it('a KPI breach has no chart, and says why; an unknown key is refused with the field', async () => {
    const s = await series(first('kpi_breach'), 'kpi_breach');
    expect(s.noChart).toMatch(/not a weekly series/);
    const e = await api.fail('exception.series', { key: 'below_safety_stock:NOPE@NOWHERE' });
    expect(e.code).toBe('not_found');
    expect(e.where).toEqual({ field: 'key', value: 'below_safety_stock:NOPE@NOWHERE' });
  });

  it('planroom exceptions series KEY prints the same summary as the app, --json every point', async () => {
    const row = first('capacity_shortfall');
    const s = await series(row, 'capacity_shortfall');
    const db = join(dir, 'p.db');
    const text = planroom(['exceptions', 'series', row.key, '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`${row.key}\n${seriesSummary(s, { ...PLAIN_STYLE, currency: 'EUR' })}\n`);
    expect(JSON.parse(planroom(['exceptions', 'series', row.key, '--json', '--db', db]).stdout)).toEqual(s);
    const missing = planroom(['exceptions', 'series', '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/exceptions series KEY: the key is required/);
  });
});
