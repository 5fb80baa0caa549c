-- 0003: the planning engine. Its settings (DOMAIN.md: "a setting, not a fork"), the KPI values
-- of each cycle (kept for the trend against the next cycle), what each recompute was made from,
-- and the review trail of exceptions.

-- One JSON document validated by shared/planning/settings.ts; absent means the defaults.
CREATE TABLE planning_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT NOT NULL CHECK (json_valid(settings)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every change of a setting or a KPI definition: subject is 'planning' or a KPI id.
CREATE TABLE settings_log (
  id         INTEGER PRIMARY KEY,
  subject    TEXT NOT NULL,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;

ALTER TABLE kpi_definitions ADD COLUMN updated_by TEXT;

-- The latest recompute of a cycle. input_key names the snapshot set, settings and KPI
-- definitions it used: a read whose inputs have the same key needs no recompute.
CREATE TABLE cycle_computations (
  cycle_id        INTEGER PRIMARY KEY REFERENCES cycles(id) ON DELETE CASCADE,
  input_key       TEXT NOT NULL,
  computed_at     TEXT NOT NULL,
  load_ms         REAL NOT NULL,
  compute_ms      REAL NOT NULL,
  exception_count INTEGER NOT NULL
) STRICT;

CREATE TABLE kpi_values (
  cycle_id  INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  kpi_id    TEXT NOT NULL REFERENCES kpi_definitions(id),
  dimension TEXT NOT NULL CHECK (dimension IN ('total', 'family', 'resource', 'lane')),
  grp       TEXT NOT NULL,
  metrics   TEXT NOT NULL CHECK (json_valid(metrics)),
  basis     REAL NOT NULL,
  at_stake  REAL NOT NULL,
  breached  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(breached)),
  PRIMARY KEY (cycle_id, kpi_id, dimension, grp)
) STRICT;

-- An exception the latest recompute no longer raises keeps its row, review and note (it may
-- come back); resolved_at says since when it is gone.
ALTER TABLE exceptions ADD COLUMN resolved_at TEXT;
ALTER TABLE exceptions ADD COLUMN reviewed_by TEXT;
CREATE INDEX exceptions_active ON exceptions(cycle_id, resolved_at, value_at_risk DESC);

-- Append-only trail of review changes: who set which status and note, when.
CREATE TABLE exception_reviews (
  id            INTEGER PRIMARY KEY,
  cycle_id      INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  review_status TEXT NOT NULL,
  note          TEXT,
  reviewed_by   TEXT NOT NULL,
  reviewed_at   TEXT NOT NULL
) STRICT;
CREATE INDEX exception_reviews_by_key ON exception_reviews(cycle_id, key);
