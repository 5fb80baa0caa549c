// The few rows of a pinned snapshot an exception's chart needs beyond the engine's projection:
// one order's lines and shipments, one resource's capacity weeks, one item-location's forecasts
// and sales. Each query reads one snapshot by its key columns.
import type { OrderLineRow, ShipmentRow } from '../../../shared/planning/exceptionSeries';
import type { ReadDb } from '../types';

export function orderLines(db: ReadDb, snapshot: number, orderId: string): OrderLineRow[] {
  return db
    .prepare(
      `SELECT line, sku, requested_date, committed_date, status FROM sales_orders
       WHERE snapshot_id = ? AND order_id = ? ORDER BY line`,
    )
    .all(snapshot, orderId) as OrderLineRow[];
}

export function orderShipments(db: ReadDb, snapshot: number, orderId: string): ShipmentRow[] {
  return db
    .prepare(
      `SELECT shipment_id, line, lane, planned_ship_date, eta, delivered_date, status, freight_cost
       FROM shipments WHERE snapshot_id = ? AND order_id = ? ORDER BY shipment_id`,
    )
    .all(snapshot, orderId) as ShipmentRow[];
}

/** The capacity hours the ERP lists per week for a resource (a week without a row is absent). */
export function resourceCapacity(db: ReadDb, snapshot: number, resource: string): Map<string, number> {
  const rows = db
    .prepare('SELECT period, capacity_hours FROM resources WHERE snapshot_id = ? AND resource = ?')
    .all(snapshot, resource) as { period: string; capacity_hours: number }[];
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.period, (out.get(r.period) ?? 0) + r.capacity_hours);
  return out;
}

export function itemForecasts(db: ReadDb, snapshot: number, sku: string, location: string) {
  return db
    .prepare('SELECT period, version, qty FROM forecasts WHERE snapshot_id = ? AND sku = ? AND location = ?')
    .all(snapshot, sku, location) as { period: string; version: string; qty: number }[];
}

export function itemSales(db: ReadDb, snapshot: number, sku: string, location: string) {
  return db
    .prepare('SELECT period, qty FROM actual_sales WHERE snapshot_id = ? AND sku = ? AND location = ?')
    .all(snapshot, sku, location) as { period: string; qty: number }[];
}
