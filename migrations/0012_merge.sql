-- The multi-laptop merge through the hub (issue 17 item 5). Cycles get an identity shared by
-- every laptop holding a copy of them (local ids differ); every field change of a decision or a
-- data issue is kept as a write with its hybrid logical clock and the writes it saw (its bases),
-- so any laptop computes the same value per field (last writer wins) and sees the same conflicts
-- (shared/sync/fieldMerge.ts), whatever order the events arrive in.

ALTER TABLE cycles ADD COLUMN uid TEXT;
UPDATE cycles SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX cycles_uid ON cycles(uid);
-- Every way a cycle is made (the app, a bundle import, a test's INSERT) gets one at creation.
CREATE TRIGGER cycles_uid_at_creation AFTER INSERT ON cycles WHEN NEW.uid IS NULL
BEGIN UPDATE cycles SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;

CREATE TABLE field_writes (
  entity     TEXT NOT NULL CHECK (entity IN ('decision', 'data_issue')),
  -- A decision's uid; a data issue's '<cycle uid>:<fingerprint>' (its local id differs per laptop).
  entity_uid TEXT NOT NULL,
  -- A column name, or 'rank:<cycle uid>' for a decision's place in a cycle's order.
  field      TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  laptop_id  TEXT NOT NULL,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  -- The clocks of the field's heads this write saw (JSON array).
  bases      TEXT NOT NULL CHECK (json_valid(bases)),
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL,
  PRIMARY KEY (entity, entity_uid, field, hlc)
) STRICT, WITHOUT ROWID;

-- History rows carry the clock and laptop of the event (NULL for events from before the merge:
-- they sort by their time); rows applied from another laptop keep that laptop's.
ALTER TABLE decision_events ADD COLUMN hlc TEXT;
ALTER TABLE decision_events ADD COLUMN laptop_id TEXT;
CREATE INDEX decision_events_by_hlc ON decision_events(decision_id, hlc);

-- Data issue comments from every laptop interleave by time, then clock (NULL: from before it).
ALTER TABLE data_issue_comments ADD COLUMN hlc TEXT;

-- A pulled event is applied once; one that waits (its cycle is not on this laptop) stays NULL.
ALTER TABLE hub_events ADD COLUMN applied_at TEXT;
CREATE INDEX hub_events_unapplied ON hub_events(hub_seq) WHERE applied_at IS NULL;

-- Decisions made before the merge: their current values become writes with a clock from their
-- last change on this laptop, and their ranks writes from when they were listed. Done here, once,
-- so a database copied to another laptop after it carries the same writes on both.
INSERT INTO field_writes (entity, entity_uid, field, hlc, laptop_id, value, bases, actor, at)
  SELECT 'decision', d.uid, f.field,
         printf('%013d-0000-%s', CAST(round((julianday(d.updated_at) - 2440587.5) * 86400000) AS INTEGER), s.value),
         s.value,
         CASE f.field WHEN 'title' THEN json_quote(d.title) WHEN 'rationale' THEN json_quote(d.rationale)
           WHEN 'owner' THEN json_quote(d.owner) WHEN 'due_date' THEN json_quote(d.due_date)
           WHEN 'status' THEN json_quote(d.status) ELSE json_quote(d.expected_value) END,
         '[]', d.recorded_by, d.updated_at
    FROM decisions d
    CROSS JOIN (SELECT 'title' AS field UNION ALL SELECT 'rationale' UNION ALL SELECT 'owner'
                UNION ALL SELECT 'due_date' UNION ALL SELECT 'status' UNION ALL SELECT 'expected_value') f
    CROSS JOIN sync_state s WHERE s.key = 'laptop_id';
INSERT INTO field_writes (entity, entity_uid, field, hlc, laptop_id, value, bases, actor, at)
  SELECT 'decision', d.uid, 'rank:' || c.uid,
         printf('%013d-0000-%s', CAST(round((julianday(cd.linked_at) - 2440587.5) * 86400000) AS INTEGER), s.value),
         s.value, json_quote(cd.priority_rank), '[]', d.recorded_by, cd.linked_at
    FROM cycle_decisions cd
    JOIN decisions d ON d.id = cd.decision_id
    JOIN cycles c ON c.id = cd.cycle_id
    CROSS JOIN sync_state s WHERE s.key = 'laptop_id';
