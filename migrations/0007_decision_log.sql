-- The decision priority log (issue 15): ranks per cycle, carry-over, attendance, and history.
--
-- A decision belongs to the cycle it was recorded in; a later cycle that follows it up links to
-- it (carry-over links, never copies), and each cycle ranks its own list. The rank lives here,
-- per cycle, so the column on decisions (its first rank only) goes.
CREATE TABLE cycle_decisions (
  cycle_id      INTEGER NOT NULL REFERENCES cycles(id),
  decision_id   INTEGER NOT NULL REFERENCES decisions(id),
  priority_rank INTEGER NOT NULL CHECK (priority_rank >= 1),
  -- The cycle it was carried over from; null in the cycle that recorded it.
  carried_from  INTEGER REFERENCES cycles(id),
  linked_at     TEXT NOT NULL,
  PRIMARY KEY (cycle_id, decision_id)
) STRICT;
CREATE INDEX cycle_decisions_by_rank ON cycle_decisions(cycle_id, priority_rank);

INSERT INTO cycle_decisions (cycle_id, decision_id, priority_rank, carried_from, linked_at)
  SELECT cycle_id, id, priority_rank, NULL, recorded_at FROM decisions;

DROP INDEX decisions_by_cycle;
ALTER TABLE decisions DROP COLUMN priority_rank;
CREATE INDEX decisions_by_cycle ON decisions(cycle_id);

-- The agenda function a decision belongs to (demand, supply, ...), for the log's filter.
ALTER TABLE decisions ADD COLUMN function TEXT CHECK (function IN ('review', 'demand', 'supply',
  'logistics', 'warehouse', 'finance', 'executive'));
-- Decisions recorded before it take the function of the KPI they aim at (shared/planning/decisionAim.ts).
UPDATE decisions SET function = CASE kpi_id
  WHEN 'service_level' THEN 'executive' WHEN 'forecast_accuracy' THEN 'demand'
  WHEN 'inventory_turnover' THEN 'warehouse' WHEN 'plan_adherence' THEN 'supply'
  WHEN 'logistics_deviations' THEN 'logistics' END;

-- Who is expected in the meeting, and who is in the room. The first source of owner suggestions
-- when a decision is recorded; a new cycle starts from the previous cycle's list.
CREATE TABLE cycle_attendees (
  cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL DEFAULT '',
  email    TEXT,
  present  INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0, 1)),
  added_at TEXT NOT NULL,
  PRIMARY KEY (cycle_id, name)
) STRICT;

-- Actual minutes an agenda item took, when the meeting was run (null: not recorded).
ALTER TABLE agenda_items ADD COLUMN actual_minutes REAL;
