-- 0001: the canonical model of DOMAIN.md.
-- Every source row belongs to one immutable snapshot; keys are stored as text (not foreign keys
-- to the item master) because a key unknown to the master is a data issue to report, not a row
-- to refuse. Natural keys are primary keys, so a snapshot cannot hold the same row twice.

CREATE TABLE sources (
  id                    TEXT PRIMARY KEY,
  name                  TEXT NOT NULL,
  system                TEXT NOT NULL,
  owner_role            TEXT NOT NULL,
  freshness_limit_hours INTEGER NOT NULL DEFAULT 24 CHECK (freshness_limit_hours > 0),
  created_at            TEXT NOT NULL
) STRICT;

CREATE TABLE snapshots (
  id           INTEGER PRIMARY KEY,
  source_id    TEXT NOT NULL REFERENCES sources(id),
  extracted_at TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  origin       TEXT NOT NULL,
  checksum     TEXT NOT NULL,
  row_count    INTEGER NOT NULL CHECK (row_count >= 0),
  row_counts   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(row_counts)),
  UNIQUE (source_id, checksum)
) STRICT;
CREATE INDEX snapshots_by_source ON snapshots(source_id, extracted_at);

CREATE TABLE cycles (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  period_kind       TEXT NOT NULL DEFAULT 'week' CHECK (period_kind IN ('week', 'month')),
  start_period      TEXT NOT NULL,
  horizon_periods   INTEGER NOT NULL CHECK (horizon_periods BETWEEN 1 AND 260),
  meeting_at        TEXT NOT NULL,
  currency          TEXT NOT NULL DEFAULT 'EUR',
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  previous_cycle_id INTEGER REFERENCES cycles(id),
  created_at        TEXT NOT NULL
) STRICT;

-- The pinned snapshot set: one snapshot per source, the one version of the truth.
CREATE TABLE cycle_snapshots (
  cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  source_id   TEXT NOT NULL REFERENCES sources(id),
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  pinned_at   TEXT NOT NULL,
  PRIMARY KEY (cycle_id, source_id)
) STRICT;

-- Every change of pin, explicit and logged.
CREATE TABLE cycle_pin_log (
  id              INTEGER PRIMARY KEY,
  cycle_id        INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  source_id       TEXT NOT NULL REFERENCES sources(id),
  old_snapshot_id INTEGER REFERENCES snapshots(id),
  new_snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  pinned_by       TEXT NOT NULL,
  reason          TEXT,
  pinned_at       TEXT NOT NULL
) STRICT;

-- ERP -----------------------------------------------------------------------------------------

CREATE TABLE items (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku         TEXT NOT NULL,
  description TEXT,
  family      TEXT NOT NULL,
  unit_cost   REAL NOT NULL CHECK (unit_cost >= 0),
  unit_price  REAL NOT NULL CHECK (unit_price >= 0),
  abc_class   TEXT NOT NULL CHECK (abc_class IN ('A', 'B', 'C')),
  is_key      INTEGER NOT NULL CHECK (is_key IN (0, 1)),
  base_unit   TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, sku)
) STRICT, WITHOUT ROWID;
CREATE INDEX items_by_family ON items(snapshot_id, family);

CREATE TABLE locations (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  location    TEXT NOT NULL,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('plant', 'dc')),
  region      TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, location)
) STRICT, WITHOUT ROWID;

CREATE TABLE customers (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  customer    TEXT NOT NULL,
  name        TEXT NOT NULL,
  region      TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, customer)
) STRICT, WITHOUT ROWID;

CREATE TABLE item_locations (
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku            TEXT NOT NULL,
  location       TEXT NOT NULL,
  safety_stock   REAL NOT NULL CHECK (safety_stock >= 0),
  lead_time_days INTEGER NOT NULL CHECK (lead_time_days >= 0),
  min_order_qty  REAL NOT NULL CHECK (min_order_qty >= 0),
  PRIMARY KEY (snapshot_id, sku, location)
) STRICT, WITHOUT ROWID;

CREATE TABLE resources (
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  resource       TEXT NOT NULL,
  location       TEXT NOT NULL,
  period         TEXT NOT NULL,
  capacity_hours REAL NOT NULL CHECK (capacity_hours >= 0),
  PRIMARY KEY (snapshot_id, resource, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE routings (
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku            TEXT NOT NULL,
  resource       TEXT NOT NULL,
  hours_per_unit REAL NOT NULL CHECK (hours_per_unit >= 0),
  PRIMARY KEY (snapshot_id, sku, resource)
) STRICT, WITHOUT ROWID;
CREATE INDEX routings_by_resource ON routings(snapshot_id, resource);

CREATE TABLE supply (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku         TEXT NOT NULL,
  location    TEXT NOT NULL,
  period      TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'production')),
  qty         REAL NOT NULL CHECK (qty >= 0),
  PRIMARY KEY (snapshot_id, sku, location, period, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE production_actuals (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  resource    TEXT NOT NULL,
  sku         TEXT NOT NULL,
  period      TEXT NOT NULL,
  qty         REAL NOT NULL CHECK (qty >= 0),
  PRIMARY KEY (snapshot_id, resource, sku, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE sales_orders (
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  order_id       TEXT NOT NULL,
  line           INTEGER NOT NULL CHECK (line >= 1),
  customer       TEXT NOT NULL,
  sku            TEXT NOT NULL,
  location       TEXT NOT NULL,
  qty            REAL NOT NULL CHECK (qty >= 0),
  requested_date TEXT NOT NULL,
  committed_date TEXT NOT NULL,
  unit_price     REAL NOT NULL CHECK (unit_price >= 0),
  status         TEXT NOT NULL CHECK (status IN ('open', 'shipped', 'delivered', 'cancelled')),
  PRIMARY KEY (snapshot_id, order_id, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX sales_orders_by_item ON sales_orders(snapshot_id, sku, location, committed_date);

CREATE TABLE actual_sales (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku         TEXT NOT NULL,
  location    TEXT NOT NULL,
  period      TEXT NOT NULL,
  qty         REAL NOT NULL CHECK (qty >= 0),
  PRIMARY KEY (snapshot_id, sku, location, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE erp_on_hand (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku         TEXT NOT NULL,
  location    TEXT NOT NULL,
  on_hand     REAL NOT NULL CHECK (on_hand >= 0),
  PRIMARY KEY (snapshot_id, sku, location)
) STRICT, WITHOUT ROWID;

-- TMS -----------------------------------------------------------------------------------------

CREATE TABLE lanes (
  snapshot_id   INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  lane          TEXT NOT NULL,
  origin        TEXT NOT NULL,
  destination   TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('road', 'rail', 'sea', 'air')),
  transit_days  INTEGER NOT NULL CHECK (transit_days >= 0),
  cost_per_load REAL NOT NULL CHECK (cost_per_load >= 0),
  PRIMARY KEY (snapshot_id, lane)
) STRICT, WITHOUT ROWID;

CREATE TABLE shipments (
  snapshot_id       INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  shipment_id       TEXT NOT NULL,
  order_id          TEXT NOT NULL,
  line              INTEGER NOT NULL CHECK (line >= 1),
  lane              TEXT NOT NULL,
  carrier           TEXT NOT NULL,
  planned_ship_date TEXT NOT NULL,
  eta               TEXT NOT NULL,
  delivered_date    TEXT,
  status            TEXT NOT NULL
    CHECK (status IN ('planned', 'in_transit', 'delivered', 'rerouted', 'cancelled')),
  constraint_code   TEXT,
  freight_cost      REAL NOT NULL CHECK (freight_cost >= 0),
  PRIMARY KEY (snapshot_id, shipment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX shipments_by_order ON shipments(snapshot_id, order_id, line);
CREATE INDEX shipments_by_lane ON shipments(snapshot_id, lane, planned_ship_date);

CREATE TABLE lane_capacity (
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  lane           TEXT NOT NULL,
  period         TEXT NOT NULL,
  capacity_loads REAL NOT NULL CHECK (capacity_loads >= 0),
  booked_loads   REAL NOT NULL CHECK (booked_loads >= 0),
  PRIMARY KEY (snapshot_id, lane, period)
) STRICT, WITHOUT ROWID;

-- WMS -----------------------------------------------------------------------------------------

CREATE TABLE stock (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku         TEXT NOT NULL,
  location    TEXT NOT NULL,
  on_hand     REAL NOT NULL CHECK (on_hand >= 0),
  allocated   REAL NOT NULL CHECK (allocated >= 0),
  blocked     REAL NOT NULL CHECK (blocked >= 0),
  as_of       TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, sku, location)
) STRICT, WITHOUT ROWID;

CREATE TABLE pick_status (
  snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  order_id        TEXT NOT NULL,
  line            INTEGER NOT NULL CHECK (line >= 1),
  status          TEXT NOT NULL
    CHECK (status IN ('not_started', 'picking', 'picked', 'packed', 'blocked')),
  constraint_code TEXT,
  PRIMARY KEY (snapshot_id, order_id, line)
) STRICT, WITHOUT ROWID;

-- CRM -----------------------------------------------------------------------------------------

CREATE TABLE forecasts (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  sku         TEXT NOT NULL,
  location    TEXT NOT NULL,
  period      TEXT NOT NULL,
  version     TEXT NOT NULL,
  qty         REAL NOT NULL CHECK (qty >= 0),
  PRIMARY KEY (snapshot_id, sku, location, period, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE pipeline (
  snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  opportunity_id  TEXT NOT NULL,
  customer        TEXT NOT NULL,
  sku             TEXT NOT NULL,
  qty             REAL NOT NULL CHECK (qty >= 0),
  probability     REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
  expected_period TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, opportunity_id, sku)
) STRICT, WITHOUT ROWID;

-- KPIs, exceptions, data issues ---------------------------------------------------------------

CREATE TABLE kpi_definitions (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  definition  TEXT NOT NULL,
  owner_role  TEXT NOT NULL,
  -- A list of {metric, op, value} conditions; any one breached raises a kpi_breach.
  triggers    TEXT NOT NULL CHECK (json_valid(triggers)),
  playbook    TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

INSERT INTO kpi_definitions (id, name, definition, owner_role, triggers, playbook, updated_at) VALUES
  ('forecast_accuracy', 'Forecast accuracy',
   '1 - WMAPE = 1 - sum |actual - forecast| / sum actual, by family; bias = sum(forecast - actual) / sum actual',
   'Sales',
   '[{"metric":"accuracy","op":"<","value":0.70},{"metric":"abs_bias","op":">","value":0.10}]',
   'Review the family forecast with Sales: remove optimistic pipeline, re-baseline on recent actuals.',
   '2026-01-01T00:00:00Z'),
  ('service_level', 'Service level (OTIF)',
   'Share of order lines delivered complete and by the committed date; fill rate as second figure',
   'COO',
   '[{"metric":"otif","op":"<","value":0.95}]',
   'Expedite the late committed orders and re-confirm dates with customers.',
   '2026-01-01T00:00:00Z'),
  ('inventory_turnover', 'Inventory turnover',
   'Cost of goods sold over the period / average inventory value',
   'Warehouse',
   '[{"metric":"turns","op":"<","value":6}]',
   'Cut replenishment of slow movers and review safety stock on class C items.',
   '2026-01-01T00:00:00Z'),
  ('plan_adherence', 'Production plan adherence',
   'sum min(actual, plan) / sum plan, by resource',
   'Operations',
   '[{"metric":"adherence","op":"<","value":0.90}]',
   'Freeze the schedule inside the lead time and review changeovers on the resource.',
   '2026-01-01T00:00:00Z'),
  ('logistics_deviations', 'Logistics deviations',
   'Share of shipments late, re-routed or over the cost guardrail',
   'Logistics',
   '[{"metric":"deviation_rate","op":">","value":0.05}]',
   'Rebook the congested lane with a second carrier and consolidate small loads.',
   '2026-01-01T00:00:00Z');

-- Exceptions keep a stable key (type + subject) so their review status survives recomputes and
-- is recognised in the next cycle.
CREATE TABLE exceptions (
  cycle_id            INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  key                 TEXT NOT NULL,
  scenario_id         INTEGER REFERENCES scenarios(id) ON DELETE CASCADE,
  type                TEXT NOT NULL CHECK (type IN ('below_safety_stock', 'capacity_shortfall',
                        'otif_risk', 'demand_shift', 'logistics_cost_guardrail', 'kpi_breach')),
  sku                 TEXT,
  location            TEXT,
  family              TEXT,
  resource            TEXT,
  lane                TEXT,
  order_id            TEXT,
  kpi_id              TEXT REFERENCES kpi_definitions(id),
  period_from         TEXT,
  period_to           TEXT,
  peak_period         TEXT,
  peak_value          REAL,
  value_at_risk       REAL NOT NULL DEFAULT 0,
  detail              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  review_status       TEXT NOT NULL DEFAULT 'new'
                        CHECK (review_status IN ('new', 'reviewed', 'actioned', 'dismissed')),
  note                TEXT,
  first_seen_cycle_id INTEGER NOT NULL REFERENCES cycles(id),
  updated_at          TEXT NOT NULL,
  PRIMARY KEY (cycle_id, key)
) STRICT;
CREATE INDEX exceptions_ranked ON exceptions(cycle_id, type, value_at_risk DESC);
CREATE INDEX exceptions_by_key ON exceptions(key);

CREATE TABLE data_issues (
  id          INTEGER PRIMARY KEY,
  cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('stock_mismatch', 'missing_shipment', 'unknown_key',
                'stale_source', 'overestimated_demand')),
  source_id   TEXT NOT NULL REFERENCES sources(id),
  -- Identifies the cause, so re-running reconciliation never duplicates an open issue.
  fingerprint TEXT NOT NULL,
  summary     TEXT NOT NULL,
  owner_role  TEXT NOT NULL,
  assignee    TEXT,
  deadline    TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  evidence    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
  created_at  TEXT NOT NULL,
  closed_at   TEXT,
  -- 'reconciliation' when the cause went away; a person's name when someone closed it (then a
  -- re-run does not raise the same cause again in this cycle).
  closed_by   TEXT
) STRICT;
CREATE UNIQUE INDEX data_issues_open_once ON data_issues(cycle_id, fingerprint) WHERE status = 'open';
CREATE INDEX data_issues_by_owner ON data_issues(cycle_id, status, owner_role);

CREATE TABLE data_issue_comments (
  id         INTEGER PRIMARY KEY,
  issue_id   INTEGER NOT NULL REFERENCES data_issues(id) ON DELETE CASCADE,
  author     TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- Scenarios and decisions ----------------------------------------------------------------------

CREATE TABLE scenarios (
  id          INTEGER PRIMARY KEY,
  cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  owner       TEXT NOT NULL,
  assumptions TEXT NOT NULL DEFAULT '',
  levers      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(levers)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (cycle_id, name)
) STRICT;

CREATE TABLE decisions (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,
  cycle_id       INTEGER NOT NULL REFERENCES cycles(id),
  title          TEXT NOT NULL,
  rationale      TEXT NOT NULL DEFAULT '',
  priority_rank  INTEGER NOT NULL CHECK (priority_rank >= 1),
  owner          TEXT NOT NULL,
  due_date       TEXT,
  exception_key  TEXT,
  scenario_id    INTEGER REFERENCES scenarios(id) ON DELETE SET NULL,
  kpi_id         TEXT REFERENCES kpi_definitions(id),
  expected_value REAL,
  status         TEXT NOT NULL DEFAULT 'proposed'
                   CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
  recorded_by    TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_by_cycle ON decisions(cycle_id, priority_rank);

-- A decision's history is append-only: triggers refuse edits and deletions.
CREATE TABLE decision_events (
  id          INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  UNIQUE (decision_id, seq)
) STRICT;
CREATE TRIGGER decision_events_no_update BEFORE UPDATE ON decision_events
BEGIN SELECT RAISE(ABORT, 'decision_events is append-only'); END;
CREATE TRIGGER decision_events_no_delete BEFORE DELETE ON decision_events
BEGIN SELECT RAISE(ABORT, 'decision_events is append-only'); END;

-- The meeting agenda: time boxes per function.
CREATE TABLE agenda_items (
  id         INTEGER PRIMARY KEY,
  cycle_id   INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 1),
  title      TEXT NOT NULL,
  function   TEXT NOT NULL CHECK (function IN ('review', 'demand', 'supply', 'logistics',
               'warehouse', 'finance', 'executive')),
  owner_role TEXT NOT NULL,
  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 240),
  UNIQUE (cycle_id, position)
) STRICT;

-- Written in the same transaction as what it reports; delivered by the sync loop with its
-- idempotency key, so a retry never creates a duplicate.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  target          TEXT NOT NULL,
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  created_at      TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  next_attempt_at TEXT,
  delivered_at    TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(target, delivered_at, next_attempt_at);
