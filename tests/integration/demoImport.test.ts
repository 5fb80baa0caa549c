import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { cycleOverview } from '../../electron/services/cycles';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { importSource } from '../../electron/snapshots/importSource';
import { demoDir } from '../../electron/paths';
import { tempDir } from '../helpers/tmp';

describe('first run: the demo company into a SQLite file on disk', () => {
  let db: WriteDb;
  let pins: Record<string, number>;
  const dir = tempDir();

  beforeAll(async () => {
    db = openDatabase(join(dir, 'planroom.db'));
    expect(await loadDemoCompany(db)).toBe(true);
    const rows = db.prepare('SELECT source_id, snapshot_id FROM cycle_snapshots').all() as {
      source_id: string;
      snapshot_id: number;
    }[];
    pins = Object.fromEntries(rows.map((r) => [r.source_id, r.snapshot_id]));
  });

  it('holds one cycle with a pinned snapshot per source and the agenda', () => {
    const o = cycleOverview(db)!;
    expect(o.cycle).toMatchObject({
      startPeriod: '2026-W49',
      horizonPeriods: 26,
      meetingAt: '2026-12-01T09:00:00.000Z',
    });
    expect(o.sources.map((s) => s.source)).toEqual(['ERP', 'TMS', 'WMS', 'CRM']);
    expect(o.sources.find((s) => s.source === 'CRM')).toMatchObject({ stale: true, ageHours: 87 });
    expect(o.sources.filter((s) => s.stale)).toHaveLength(1);
    expect(o.sources.find((s) => s.source === 'ERP')!.rowCounts).toMatchObject({
      items: 120,
      item_locations: 480,
      sales_orders: 5000,
    });
    expect(o.totalRows).toBe(o.sources.reduce((n, s) => n + s.rowCount, 0));
    const counted = db.prepare('SELECT count(*) n FROM forecasts WHERE snapshot_id = ?').get(pins.CRM) as { n: number };
    expect(o.sources.find((s) => s.source === 'CRM')!.rowCounts.forecasts).toBe(counted.n);
    expect(o.agenda.map((a) => a.function)).toEqual([
      'review',
      'demand',
      'supply',
      'logistics',
      'warehouse',
      'finance',
      'executive',
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a second first-run and a re-import of identical files change nothing', async () => {
    const before = db.prepare('SELECT count(*) n FROM snapshots').get();
    expect(await loadDemoCompany(db)).toBe(false);
    const again = await importSource(db, 'ERP', join(demoDir(), 'erp'));
    expect(again).toMatchObject({ unchanged: true, snapshotId: pins.ERP });
    expect(db.prepare('SELECT count(*) n FROM snapshots').get()).toEqual(before);
  });

  // The demo must be plausible enough that every exception type and data issue of DOMAIN.md occurs.
  const count = (sql: string): number => (db.prepare(sql).get(pins) as { n: number }).n;

  it('carries the cases behind every exception type', () => {
    // below_safety_stock: key or class-A item-locations starting under their safety stock
    expect(
      count(`SELECT count(*) n FROM stock s JOIN item_locations il ON il.snapshot_id = $ERP AND il.sku = s.sku AND il.location = s.location
      JOIN items i ON i.snapshot_id = $ERP AND i.sku = s.sku
      WHERE s.snapshot_id = $WMS AND s.on_hand - s.allocated - s.blocked < il.safety_stock AND (i.is_key = 1 OR i.abc_class = 'A')`),
    ).toBeGreaterThan(0);
    // capacity_shortfall: planned production load above capacity on a resource in some week
    expect(
      count(`SELECT count(*) n FROM (SELECT r.resource, s.period, sum(s.qty * r.hours_per_unit) load FROM supply s
      JOIN routings r ON r.snapshot_id = $ERP AND r.sku = s.sku WHERE s.snapshot_id = $ERP AND s.kind = 'production' GROUP BY 1, 2) l
      JOIN resources c ON c.snapshot_id = $ERP AND c.resource = l.resource AND c.period = l.period WHERE l.load > c.capacity_hours`),
    ).toBeGreaterThan(0);
    // otif_risk: ETA after the committed date, a lane over capacity, constraint codes
    expect(
      count(`SELECT count(*) n FROM shipments sh JOIN sales_orders so ON so.snapshot_id = $ERP AND so.order_id = sh.order_id AND so.line = sh.line
      WHERE sh.snapshot_id = $TMS AND so.status = 'open' AND sh.eta > so.committed_date`),
    ).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) n FROM lane_capacity WHERE snapshot_id = $TMS AND booked_loads > capacity_loads`),
    ).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) n FROM shipments WHERE snapshot_id = $TMS AND constraint_code IS NOT NULL`),
    ).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) n FROM pick_status WHERE snapshot_id = $WMS AND constraint_code IS NOT NULL`),
    ).toBeGreaterThan(0);
    // demand_shift: forecast revised hard against the prior version
    expect(
      count(`SELECT count(*) n FROM forecasts c JOIN forecasts p ON p.snapshot_id = c.snapshot_id AND p.sku = c.sku
      AND p.location = c.location AND p.period = c.period AND p.version = 'prior'
      WHERE c.snapshot_id = $CRM AND c.version = 'current' AND abs(c.qty - p.qty) > 0.3 * c.qty`),
    ).toBeGreaterThan(0);
    // logistics_cost_guardrail: freight above 8% of the order line's margin
    expect(
      count(`SELECT count(*) n FROM shipments sh JOIN sales_orders so ON so.snapshot_id = $ERP AND so.order_id = sh.order_id AND so.line = sh.line
      JOIN items i ON i.snapshot_id = $ERP AND i.sku = so.sku
      WHERE sh.snapshot_id = $TMS AND sh.freight_cost > 0.08 * so.qty * (so.unit_price - i.unit_cost)`),
    ).toBeGreaterThan(0);
  });

  it('breaches the forecast-accuracy trigger for the optimistic family, and only there', () => {
    const rows = db
      .prepare(
        `SELECT i.family, 1.0 - sum(abs(a.qty - f.qty)) / sum(a.qty) accuracy FROM actual_sales a
      JOIN forecasts f ON f.snapshot_id = $CRM AND f.sku = a.sku AND f.location = a.location AND f.period = a.period AND f.version = 'current'
      JOIN items i ON i.snapshot_id = $ERP AND i.sku = a.sku WHERE a.snapshot_id = $ERP GROUP BY i.family`,
      )
      .all(pins) as { family: string; accuracy: number }[];
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.accuracy < 0.7).map((r) => r.family)).toEqual(['Outdoor']);
  });

  it('carries the cases behind every data issue', () => {
    // stock mismatch beyond tolerance (2% or 5 units)
    expect(
      count(`SELECT count(*) n FROM erp_on_hand e JOIN stock w ON w.snapshot_id = $WMS AND w.sku = e.sku AND w.location = e.location
      WHERE e.snapshot_id = $ERP AND abs(e.on_hand - w.on_hand) > max(5, 0.02 * w.on_hand)`),
    ).toBeGreaterThan(0);
    // committed open order inside the ship window without a planned shipment
    expect(
      count(`SELECT count(*) n FROM sales_orders so WHERE so.snapshot_id = $ERP AND so.status = 'open' AND so.committed_date < '2026-12-14'
      AND NOT EXISTS (SELECT 1 FROM shipments sh WHERE sh.snapshot_id = $TMS AND sh.order_id = so.order_id AND sh.line = so.line)`),
    ).toBeGreaterThan(0);
    // keys unknown to the master: sku, location, lane, customer
    expect(
      count(
        `SELECT count(*) n FROM sales_orders so WHERE so.snapshot_id = $ERP AND so.sku NOT IN (SELECT sku FROM items WHERE snapshot_id = $ERP)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      count(
        `SELECT count(*) n FROM stock s WHERE s.snapshot_id = $WMS AND s.location NOT IN (SELECT location FROM locations WHERE snapshot_id = $ERP)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      count(
        `SELECT count(*) n FROM shipments s WHERE s.snapshot_id = $TMS AND s.lane NOT IN (SELECT lane FROM lanes WHERE snapshot_id = $TMS)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      count(
        `SELECT count(*) n FROM pipeline p WHERE p.snapshot_id = $CRM AND p.customer NOT IN (SELECT customer FROM customers WHERE snapshot_id = $ERP)`,
      ),
    ).toBeGreaterThan(0);
    // overestimated demand: the optimistic family's forecast runs far above its recent actuals
    const fam = db
      .prepare(
        `SELECT
        (SELECT avg(w) FROM (SELECT sum(f.qty) w FROM forecasts f JOIN items i ON i.snapshot_id = $ERP AND i.sku = f.sku
          WHERE f.snapshot_id = $CRM AND f.version = 'current' AND f.period >= '2026-W49' AND i.family = 'Outdoor' GROUP BY f.period)) fc,
        (SELECT avg(w) FROM (SELECT sum(a.qty) w FROM actual_sales a JOIN items i ON i.snapshot_id = $ERP AND i.sku = a.sku
          WHERE a.snapshot_id = $ERP AND i.family = 'Outdoor' GROUP BY a.period)) act`,
      )
      .get(pins) as { fc: number; act: number };
    expect(fam.fc / fam.act).toBeGreaterThan(1.3);
  });
});
