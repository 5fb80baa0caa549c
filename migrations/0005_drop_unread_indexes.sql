-- Two indexes no query reads: the engine loads shipments and sales orders by snapshot (the
-- primary key), and reconciliation finds unknown lanes and SKUs by looking them up in their
-- master. Each import still paid for them: rows arrive in primary key order, so these indexes
-- took random inserts, about 4 µs a row (shipments_by_lane alone was 0.8 s of an L import).
DROP INDEX IF EXISTS shipments_by_lane;
DROP INDEX IF EXISTS sales_orders_by_item;
