// "Trust the numbers", the end-to-end proof: a company whose ERP, WMS and CRM export in a German
// format (tests/helpers/foreignCompany.ts), with no TMS at all, imported through mapping profiles
// by the `planroom` command, and its KPIs and below-safety-stock exceptions checked against
// figures worked out by hand below (DOMAIN.md "As of", README "As of"). Nothing here calls engine
// code: every expected number is arithmetic written out in the comments.
//
// Calendar: W36 = Mon 31 Aug 2026, W47 = 16 Nov, W48 = 23 Nov, W49 = 30 Nov, W50 = 7 Dec,
// W51 = 14 Dec, W52 = 21 Dec, W53 = 28 Dec (2026 has 53 ISO weeks), 2027-W01 = 4 Jan, W02 = 11 Jan.
// Meeting Mon 7 Dec 2026 08:00 UTC (09:00 in Berlin): start week W50, horizon 6 weeks W50..2027-W02.
// ERP extracted Sun 6 Dec 23:30 UTC = Mon 7 Dec 00:30 Berlin (W50): history ends at W49, so the
// 13-week window is W37..W49 and the 8-week one W42..W49. WMS extracted Sun 6 Dec 22:00 Berlin
// (W49): supply dated W49 is not in the stock yet and arrives in W50; supply before W49 is in it.
// Every CLI call runs with the machine in Los Angeles, where both extractions are still Sunday
// 6 Dec: the figures below only come out if the cycle's zone (Berlin) is used.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { writeForeignCompany } from '../helpers/foreignCompany';
import { planroom } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

/**
 * The exports write their own codes (WERK/LAGER, Fertigung/Bestellung, offen/storniert/geliefert,
 * AKTUELL/VORHER) and the profiles map them onto the canonical values with `values`.
 */
const FOREIGN_VALUES = true;

const MACHINE = { TZ: 'America/Los_Angeles' };

interface Kpi {
  kpiId: string;
  dimension: string;
  group: string;
  metrics: Record<string, number | null>;
  atStake: number;
  breached: string[];
  window: { label: string; from: string | null; to: string | null; periods: number | null };
  noData: Record<string, string>;
}
interface Exception {
  key: string;
  type: string;
  sku: string | null;
  location: string | null;
  kpiId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  peakPeriod: string | null;
  peakValue: number | null;
  valueAtRisk: number;
  detail: Record<string, unknown>;
}
interface DataIssue {
  kind: string;
  source: string;
  summary: string;
  evidence: { rows: Record<string, unknown>[]; total: number };
}

describe('a foreign-format company without TMS, end to end, against figures worked by hand', () => {
  const dir = tempDir('planroom-foreign-', 'all');
  const db = join(dir, 'p.db');
  const cli = (...args: string[]) => {
    const r = planroom([...args, '--db', db], MACHINE);
    expect(r.code, `planroom ${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  const json = <T>(...args: string[]): T => JSON.parse(cli(...args, '--json')) as T;
  /** `planroom kpis --by D --json` for each dimension, read once. */
  const rows: Record<string, Kpi[]> = {};
  const kpis = (kpi: string, by: string) => rows[by]!.filter((r) => r.kpiId === kpi);
  const kpi = (kpi: string, by = 'total', group = 'all') => {
    const row = kpis(kpi, by).find((r) => r.group === group);
    expect(row, `${kpi} ${by} ${group}`).toBeDefined();
    return row!;
  };

  beforeAll(() => {
    const company = writeForeignCompany(dir, FOREIGN_VALUES);
    for (const source of ['ERP', 'WMS', 'CRM'] as const) {
      cli('profile', 'set', source, company.profiles[source], '--as', 'Test');
      cli('import', '--source', source, company.folders[source]);
    }
    expect(
      cli(
        'cycle',
        'create',
        '--name',
        'Dez S&OP',
        '--meeting',
        '2026-12-07T08:00:00Z',
        '--tz',
        'Europe/Berlin',
        '--horizon',
        '6',
      ),
    ).toBe('cycle 1 "Dez S&OP" created: from 2026-W50, time zone Europe/Berlin\n');
    for (const by of ['total', 'family', 'resource']) rows[by] = json<{ rows: Kpi[] }>('kpis', '--by', by).rows;
  });

  it('reads the foreign files as the canonical rows they mean', () => {
    const raw = openDatabase(db);
    try {
      // Windows-1252 names, decimal commas, thousands dots, weeks from day-first dates, mapped values.
      expect(raw.prepare('SELECT location, name, type FROM locations ORDER BY location').all()).toEqual([
        { location: 'L1', name: 'Lager Hamburg', type: 'dc' },
        { location: 'L2', name: 'Lager Köln', type: 'dc' },
        { location: 'W1', name: 'Werk München', type: 'plant' },
      ]);
      expect(raw.prepare("SELECT unit_cost, unit_price, is_key FROM items WHERE sku = 'P200'").get()).toEqual({
        unit_cost: 8.15,
        unit_price: 12.4,
        is_key: 1,
      });
      expect(
        raw.prepare("SELECT period, version, qty FROM forecasts WHERE sku = 'X999' ORDER BY period LIMIT 1").get(),
      ).toEqual({ period: '2026-W48', version: 'current', qty: 1000 });
      expect(raw.prepare("SELECT status FROM sales_orders WHERE order_id = 'A3'").pluck().get()).toBe('cancelled');
      expect(
        raw.prepare("SELECT period FROM supply WHERE sku = 'P100' AND kind = 'receipt' ORDER BY period").pluck().all(),
      ).toEqual(['2026-W48', '2027-W01']);
    } finally {
      raw.close();
    }
  });

  it('measures forecast accuracy and bias over W37..W49, by family and in total', () => {
    // Pairs (forecast, actual) of the weeks in W37..W49 with a current forecast; a week with a
    // forecast and no actuals row sold 0. Left out: W36 (before the window: P100@W1 40 vs 20),
    // the prior version (P100@L1 W48 99), actuals without a forecast (P200@W1 W48 7), and X999
    // (unknown to the ERP item master: 1,000 forecast in W48 and W49, nothing sold).
    // Pumpen:  P100@W1 W47 (40, 44) W48 (40, 30) W49 (40, 38); P100@L1 W47 (10, 0) W48 (10, 12);
    //          P200@L2 W49 (8, 8)
    //   |a - f| = 4 + 10 + 2 + 10 + 2 + 0 = 28; sum a = 132; sum f = 148
    //   accuracy = 1 - 28/132 = 104/132; bias = (148 - 132)/132 = 16/132 (> 10%: breach)
    // Ventile: V300@L1 W48 (5, 6) W49 (5, 5): |a - f| = 1; sum a = 11; sum f = 10
    //   accuracy = 1 - 1/11 = 10/11; bias = -1/11
    // Total: |a - f| = 29; sum a = 143; sum f = 158: accuracy 114/143, bias 15/143 (> 10%: breach)
    // At stake: |a - f| x unit margin: P100 28 x (91.50 - 61.50) = 840, P200 0, V300 1 x 2 = 2.
    const pumpen = kpi('forecast_accuracy', 'family', 'Pumpen');
    expect(pumpen.metrics.accuracy).toBeCloseTo(104 / 132, 9);
    expect(pumpen.metrics.bias).toBeCloseTo(16 / 132, 9);
    expect(pumpen.atStake).toBeCloseTo(840, 6);
    expect(pumpen.breached).toEqual(['abs_bias > 0.1']);
    const ventile = kpi('forecast_accuracy', 'family', 'Ventile');
    expect(ventile.metrics.accuracy).toBeCloseTo(10 / 11, 9);
    expect(ventile.metrics.bias).toBeCloseTo(-1 / 11, 9);
    expect(ventile.breached).toEqual([]);
    const total = kpi('forecast_accuracy');
    expect(total.metrics.accuracy).toBeCloseTo(114 / 143, 9);
    expect(total.metrics.bias).toBeCloseTo(15 / 143, 9);
    expect(total.atStake).toBeCloseTo(842, 6);
    expect(total.window).toMatchObject({
      label: '13 weeks 2026-W37..W49, ERP as of 2026-12-07',
      from: '2026-W37',
      to: '2026-W49',
      periods: 13,
    });
    // X999 has no family: the family rows are Pumpen and Ventile only.
    expect(kpis('forecast_accuracy', 'family').map((r) => r.group)).toEqual(['Pumpen', 'Ventile']);
  });

  it('measures plan adherence over W42..W49 on resource M1', () => {
    // Production planned for P100@W1 (made on M1) and confirmed: W47 plan 50, made 45; W48 plan
    // 50, made 60 (counts 50); W49 plan 30, no confirmation (0). Left out: W41 (plan 50, made 10:
    // before the window) and W45 (made 20, nothing planned).
    // adherence = (45 + 50 + 0) / (50 + 50 + 30) = 95/130 (< 90%: breach)
    // At stake: (5 + 0 + 30) x 30 margin = 1,050.
    for (const row of [kpi('plan_adherence'), kpi('plan_adherence', 'resource', 'M1')]) {
      expect(row.metrics.adherence).toBeCloseTo(95 / 130, 9);
      expect(row.atStake).toBeCloseTo(1050, 6);
      expect(row.breached).toEqual(['adherence < 0.9']);
      expect(row.window.label).toBe('8 weeks 2026-W42..W49, ERP as of 2026-12-07');
    }
  });

  it('shows no data for delivered OTIF and fill rate, with the reason, and raises no breach for them', () => {
    const service = kpi('service_level');
    expect(service.metrics.otif).toBeNull();
    expect(service.metrics.fill_rate).toBeNull();
    expect(service.noData).toMatchObject({
      otif: 'no TMS source pinned: no deliveries to judge',
      fill_rate: 'no TMS source pinned: no deliveries to judge',
    });
    expect(service.breached).toEqual([]);
    // Projected OTIF judges the open lines due in the horizon against the PAB (below) in their
    // week: A1/1 (past due, W50: PAB 65), A1/2 (W50: 65), A2/1 (P200@L2 W51: 17) are ok, A5/1
    // (P200@L2 2027-W01: -7) is short. A3 is cancelled, A4 delivered, A6 (March 2027) beyond.
    expect(service.metrics.projected_otif).toBeCloseTo(3 / 4, 9);
    const logistics = kpi('logistics_deviations');
    expect(logistics.metrics).toMatchObject({ deviation_rate: null, freight_cost: null });
    expect(logistics.noData.freight_cost).toBe('no TMS source pinned');
    expect(logistics.breached).toEqual([]);
    // The kpi_breach exceptions are exactly the ones worked out above.
    const breaches = json<{ rows: Exception[] }>('exceptions', '--type', 'kpi_breach', '--limit', '100').rows;
    expect(breaches.map((e) => e.key).sort()).toEqual([
      'kpi_breach:forecast_accuracy:family:Pumpen',
      'kpi_breach:forecast_accuracy:total:all',
      'kpi_breach:plan_adherence:resource:M1',
      'kpi_breach:plan_adherence:total:all',
    ]);
  });

  it('projects inventory turns from the WMS stock, leaving the unknown X999 out', () => {
    // Per item-location: available = on hand - allocated - blocked; demand per week; PAB per week
    // over W50 W51 W52 W53 W01 W02 (as in the next test); turns = (sum demand x cost / 6 x 52) /
    // ((max(0, available) + sum max(0, PAB)) / 7 x cost).
    //   P100@W1 demand 55 + 5 x 40 = 255, stock 90 + 65 + 65 + 25 + 0 + 65 + 25 = 335
    //   P100@L1 demand 6 x 10 = 60,       stock 60 + 50 + 40 + 30 + 20 + 10 + 0 = 210
    //   P200@L2 demand 8 + 20 + 4 x 8 = 60, stock 35 + 37 + 17 + 9 + 1 + 0 + 0 = 99
    //   P200@W1 demand 6 x 5 = 30,        stock 100 + 95 + 90 + 85 + 80 + 75 + 70 = 595
    //   V300@L1 demand 6 x 5 = 30,        stock 10 + 5 + 0 x 5 = 15
    // COGS a year: Pumpen (315 x 61.50 + 90 x 8.15) / 6 x 52 = 20,106 / 6 x 52 = 174,252;
    //   Ventile 30 x 4 / 6 x 52 = 1,040. Inventory: Pumpen (545 x 61.50 + 694 x 8.15) / 7 =
    //   39,173.6 / 7; Ventile 15 x 4 / 7 = 60 / 7.
    expect(kpi('inventory_turnover', 'family', 'Pumpen').metrics.turns).toBeCloseTo(174252 / (39173.6 / 7), 9);
    expect(kpi('inventory_turnover', 'family', 'Ventile').metrics.turns).toBeCloseTo(1040 / (60 / 7), 9);
    expect(kpi('inventory_turnover').metrics.turns).toBeCloseTo(175292 / (39233.6 / 7), 9);
  });

  it('raises below safety stock from the first breach week, with its peak, only where hand-computed', () => {
    // PAB(0) = on hand - allocated - blocked (WMS, 6 Dec); W50 gets the supply dated W49 (WMS
    // week) and the open lines due before W50; supply dated before W49 is in the stock already.
    // demand(t) = max(forecast, open committed lines).
    // P100@W1 (class A, SS 50): PAB(0) = 120 - 20 - 10 = 90. Supply: production W49 30 (-> W50),
    //   W51 40, receipt W01 120; the W48 receipt of 500 is in the stock. Demand: W50 max(40,
    //   25 past due + 30) = 55, then 40 (A6 in March is beyond the horizon).
    //   PAB: W50 90 + 30 - 55 = 65, W51 65 + 40 - 40 = 65, W52 25, W53 -15, W01 -15 + 120 - 40 = 65,
    //   W02 25. Below 50: W52 (25 short), W53 (65), W02 (25): from W52, peak W53 65, shortage
    //   115, value 115 x 30 = 3,450.
    // P100@L1 (class A, SS 20): PAB(0) 60, demand 10: 50 40 30 20 10 0. W53 is exactly 20, not
    //   below. Below: W01 (10), W02 (20): from 2027-W01, peak W02 20, value 30 x 30 = 900.
    // P200@L2 (key item, SS 15): PAB(0) = 40 - 5 = 35; receipt W49 10 (-> W50), the W48 200 is in
    //   the stock. Demand: W51 max(8, 20) = 20, W01 max(8, 5) = 8, else 8 (A3 cancelled, A4
    //   delivered). PAB: 37 17 9 1 -7 -15. Below 15: W52 (6) W53 (14) W01 (22) W02 (30): from
    //   W52, peak W02 30, shortage 72, value 72 x (12.40 - 8.15) = 306.
    // Not raised: P200@W1 (key item, SS 10): 100 - 5 a week, 70 at W02, never below.
    //   V300@L1 (class C, not key: not watched) falls to -20 against SS 30. X999 is unknown.
    const page = json<{ total: number; rows: Exception[] }>(
      'exceptions',
      '--type',
      'below_safety_stock',
      '--limit',
      '100',
    );
    const got = page.rows.map((e) => ({
      sku: e.sku,
      location: e.location,
      periodFrom: e.periodFrom,
      periodTo: e.periodTo,
      peakPeriod: e.peakPeriod,
      peakValue: e.peakValue,
      valueAtRisk: e.valueAtRisk,
      shortageQty: e.detail.shortageQty,
    }));
    // Ranked by value at risk.
    expect(got).toEqual([
      {
        sku: 'P100',
        location: 'W1',
        periodFrom: '2026-W52',
        periodTo: '2027-W02',
        peakPeriod: '2026-W53',
        peakValue: 65,
        valueAtRisk: 3450,
        shortageQty: 115,
      },
      {
        sku: 'P100',
        location: 'L1',
        periodFrom: '2027-W01',
        periodTo: '2027-W02',
        peakPeriod: '2027-W02',
        peakValue: 20,
        valueAtRisk: 900,
        shortageQty: 30,
      },
      {
        sku: 'P200',
        location: 'L2',
        periodFrom: '2026-W52',
        periodTo: '2027-W02',
        peakPeriod: '2027-W02',
        peakValue: 30,
        valueAtRisk: 306,
        shortageQty: 72,
      },
    ]);
    expect(page.total).toBe(3);
    // The two intervals of P100@W1, merged into one exception.
    expect(page.rows[0]!.detail.intervals).toEqual([
      expect.objectContaining({ from: '2026-W52', to: '2026-W53' }),
      expect.objectContaining({ from: '2027-W02', to: '2027-W02' }),
    ]);
    const keys = page.rows.map((e) => e.key);
    expect(keys).not.toContain('below_safety_stock:P200@W1');
    expect(keys).not.toContain('below_safety_stock:V300@L1');
  });

  it('keeps the unknown X999 out of the figures and reports it as a data issue', () => {
    // X999 has no exception of any kind (it would be worth nothing: no price, no cost).
    const all = json<{ rows: Exception[] }>('exceptions', '--limit', '1000').rows;
    expect(all.filter((e) => e.sku === 'X999')).toEqual([]);
    const issues = json<DataIssue[]>('data-issues');
    expect(issues.map((i) => i.kind)).toEqual(['unknown_key']);
    expect(issues[0]).toMatchObject({
      source: 'CRM',
      summary: '1 sku(s) in CRM forecasts (8 row(s)) unknown to the ERP items master: "X999"',
      evidence: { rows: [{ sku: 'X999', table: 'forecasts', rows: 8 }], total: 1 },
    });
  });
});

describe('the same foreign export with cells written the wrong way', () => {
  it('is refused whole, naming file, row, column and value', () => {
    const dir = tempDir('planroom-foreign-bad-');
    const db = join(dir, 'p.db');
    const company = writeForeignCompany(dir, FOREIGN_VALUES);
    const erp = company.folders.ERP;
    // A price with a decimal point in a decimal-comma file, and a month-first date.
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(erp, file), 'latin1');
      expect(text).toContain(from);
      writeFileSync(join(erp, file), Buffer.from(text.replace(from, to), 'latin1'));
    };
    edit('artikel.csv', ';91,50;', ';91.50;');
    edit('auftraege.csv', ';17.12.2026;', ';12/17/2026;');
    const set = planroom(['profile', 'set', 'ERP', company.profiles.ERP, '--db', db], MACHINE);
    expect(set.code, set.stderr).toBe(0);
    const refused = planroom(['import', '--source', 'ERP', erp, '--db', db], MACHINE);
    expect(refused.code).toBe(1);
    // What is wrong, where, and what to do: the number format and the date format the profile expects.
    expect(refused.stderr).toMatch(
      /expected a number like 1\.234,5.*file artikel\.csv, row 2, column Listenpreis, value "91\.50"/,
    );
    expect(refused.stderr).toMatch(
      /file auftraege\.csv, row 4, column Bestätigter Termin, value "12\/17\/2026": .*expected a date as dd\.MM\.yyyy/,
    );
    expect(refused.stderr).toMatch(/Nothing was imported/);
    const list = planroom(['snapshots', '--json', '--db', db], MACHINE);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
