-- Sync back (issue 17): the outbox (0001) is delivered to targets. This laptop's id names its
-- events on the hub; each target keeps its state here (never a password: DESIGN.md, secrets
-- are not stored in clear text in SQLite); events other laptops pushed are pulled into hub_events.

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sync_targets (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  -- Where and how to connect, without the password (postgres: url with no password, tls).
  config          TEXT NOT NULL CHECK (json_valid(config)),
  paused          INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  -- The last hub sequence number pulled (events after it are new to this laptop).
  pull_cursor     INTEGER NOT NULL DEFAULT 0,
  -- Consecutive failed runs: the backoff before the next attempt grows with them.
  failures        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_attempt_at TEXT,
  last_success_at TEXT,
  last_error      TEXT,
  last_error_hint TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE hub_events (
  hub_seq         INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  laptop_id       TEXT NOT NULL,
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  created_at      TEXT NOT NULL,
  pulled_at       TEXT NOT NULL
) STRICT;

-- Pending entries per target in the order they were written (the push reads them so).
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox(target, id) WHERE delivered_at IS NULL;

-- The laptop id, made once per database file (a copied file, such as an imported cycle bundle,
-- gets a new one when it is opened as another laptop's).
INSERT INTO sync_state (key, value) VALUES ('laptop_id', lower(hex(randomblob(16))));
