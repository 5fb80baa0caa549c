-- "Trust the numbers": every figure as of its data.
-- A cycle's own time zone (IANA name): the start week, the meeting day and every date derived from
-- the meeting are read in it, never in the machine's zone. Cycles made before it were computed on
-- UTC dates, so they keep UTC.
ALTER TABLE cycles ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

-- Each KPI value's window (the weeks or lines it covers and the source as of which it reads them,
-- as JSON) and, when a figure has no data, why (a KPI without data is "no data", never 0).
ALTER TABLE kpi_values ADD COLUMN window_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(window_json));
ALTER TABLE kpi_values ADD COLUMN no_data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(no_data));

-- Who changed a cycle's time zone, from what, and when (the start week may follow it).
CREATE TABLE cycle_time_zone_log (
  id             INTEGER PRIMARY KEY,
  cycle_id       INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  old_time_zone  TEXT NOT NULL,
  new_time_zone  TEXT NOT NULL,
  old_start      TEXT NOT NULL,
  new_start      TEXT NOT NULL,
  changed_by     TEXT NOT NULL,
  changed_at     TEXT NOT NULL
) STRICT;
