-- 0002: mapping profiles stored per source, and rows rejected by a "skip bad rows" import.

-- The mapping profile in force for a source (JSON, shape in shared/domain/profile.ts). A source
-- without a row here uses the profile that ships for it.
CREATE TABLE mapping_profiles (
  source_id  TEXT PRIMARY KEY,
  profile    TEXT NOT NULL CHECK (json_valid(profile)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every saved version, so a changed mapping can be traced and undone.
CREATE TABLE mapping_profile_log (
  id         INTEGER PRIMARY KEY,
  source_id  TEXT NOT NULL,
  profile    TEXT CHECK (profile IS NULL OR json_valid(profile)),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  note       TEXT
) STRICT;
CREATE INDEX mapping_profile_log_by_source ON mapping_profile_log(source_id, id);

-- Rows left out of a snapshot by a "skip bad rows" import, with the reason, for review.
CREATE TABLE rejected_rows (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  file        TEXT NOT NULL,
  sheet       TEXT,
  row_number  INTEGER NOT NULL,
  column_name TEXT,
  value       TEXT,
  reason      TEXT NOT NULL,
  cells       TEXT NOT NULL CHECK (json_valid(cells)),
  PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

ALTER TABLE snapshots ADD COLUMN rejected_count INTEGER NOT NULL DEFAULT 0 CHECK (rejected_count >= 0);
-- The profile the snapshot was imported with: what its numbers mean depends on it.
ALTER TABLE snapshots ADD COLUMN profile TEXT CHECK (profile IS NULL OR json_valid(profile));
