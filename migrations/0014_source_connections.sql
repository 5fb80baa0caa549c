-- Source connections (issue 18): where each source system is pulled from when it is not an
-- export folder a person picks each time: a folder, an HTTP/OData API or a PostgreSQL database,
-- and when (a cron schedule). The settings never hold a secret (the token, password or API key
-- is kept by the secret store of the mode: safeStorage, an environment variable, a 0600 file).
CREATE TABLE source_connections (
  source     TEXT PRIMARY KEY CHECK (source IN ('ERP', 'TMS', 'WMS', 'CRM')),
  kind       TEXT NOT NULL CHECK (kind IN ('folder', 'http', 'postgres')),
  -- The connection as shared/calls/sources.ts SourceConnection describes it (JSON).
  settings   TEXT NOT NULL CHECK (json_valid(settings)),
  -- Five-field cron in the cycle's time zone; NULL: pulled on demand only.
  schedule   TEXT,
  updated_at TEXT NOT NULL,
  -- The last pull's outcome (PullOutcome JSON), good or not; NULL before the first.
  last_pull  TEXT CHECK (last_pull IS NULL OR json_valid(last_pull)),
  -- When the last good pull started: a modified-since pull asks for rows changed after it.
  last_good_pull_at TEXT
) STRICT;
