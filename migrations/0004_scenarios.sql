-- Scenarios (issue 6): who last changed one, its computed outcome, its change log, and what a
-- decision that chose a scenario expects and answers.

ALTER TABLE scenarios ADD COLUMN updated_by TEXT;

-- A scenario's outcome as last computed, and the inputs it came from (the baseline's snapshot
-- set, settings and KPI definitions, plus the levers): a read recomputes when they changed.
-- The baseline's outcome is stored beside it, so a comparison needs no engine when all are current.
CREATE TABLE scenario_outcomes (
  scenario_id      INTEGER PRIMARY KEY REFERENCES scenarios(id) ON DELETE CASCADE,
  input_key        TEXT NOT NULL,
  outcome          TEXT NOT NULL CHECK (json_valid(outcome)),
  baseline_outcome TEXT NOT NULL CHECK (json_valid(baseline_outcome)),
  -- Every baseline exception the scenario resolves, largest first.
  resolved_keys    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(resolved_keys)),
  compute_ms       REAL NOT NULL,
  incremental      INTEGER NOT NULL CHECK (incremental IN (0, 1)),
  computed_at      TEXT NOT NULL
) STRICT;

-- Every change to a cycle's scenarios, append-only; it outlives a deleted scenario.
CREATE TABLE scenario_log (
  id          INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL,
  cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'duplicate', 'delete', 'choose')),
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX scenario_log_by_scenario ON scenario_log(scenario_id, id);

-- The figures a decision expects from the scenario it chose, beside the baseline's: the next
-- cycle's agenda follows them up against what happened.
CREATE TABLE decision_expectations (
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  figure      TEXT NOT NULL,
  kpi_id      TEXT REFERENCES kpi_definitions(id),
  baseline    REAL,
  expected    REAL,
  PRIMARY KEY (decision_id, figure)
) STRICT, WITHOUT ROWID;

-- The baseline exceptions a decision answers (those its scenario resolves).
CREATE TABLE decision_exceptions (
  decision_id   INTEGER NOT NULL REFERENCES decisions(id),
  cycle_id      INTEGER NOT NULL REFERENCES cycles(id),
  exception_key TEXT NOT NULL,
  PRIMARY KEY (decision_id, exception_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX decision_exceptions_by_exception ON decision_exceptions(cycle_id, exception_key);
