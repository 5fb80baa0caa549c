-- Running the meeting (issue 16): when the cycle's meeting started and ended, and which agenda
-- item is on now. Each visit to an item is one span (Previous goes back: a second span), so an
-- item's actual minutes are the sum of its spans, written to agenda_items.actual_minutes as each
-- span closes. Times are the server's clock, ISO-8601 UTC.
CREATE TABLE meeting_runs (
  cycle_id        INTEGER PRIMARY KEY REFERENCES cycles(id) ON DELETE CASCADE,
  started_at      TEXT NOT NULL,
  started_by      TEXT NOT NULL,
  current_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
  ended_at        TEXT,
  ended_by        TEXT
) STRICT;

CREATE TABLE meeting_spans (
  id             INTEGER PRIMARY KEY,
  cycle_id       INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
  started_at     TEXT NOT NULL,
  ended_at       TEXT
) STRICT;
CREATE INDEX meeting_spans_item ON meeting_spans (agenda_item_id);
