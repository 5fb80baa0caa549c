-- The team hub's schema (PostgreSQL), migrated by Planroom itself like the local SQLite file:
-- numbered files, each applied once in its own transaction and recorded with its checksum in
-- planroom.schema_migrations. Never edit a landed file.
--
-- Every laptop pushes its outbox here; the idempotency key makes a push repeated after a crash
-- or a lost answer a no-op. seq orders the events for the laptops pulling them (pushes take an
-- advisory lock, so seq order is commit order and a cursor never skips a late commit).

CREATE TABLE planroom.events (
  seq             BIGSERIAL PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  laptop_id       TEXT NOT NULL,
  kind            TEXT NOT NULL,
  payload         JSONB NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  received_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX events_by_laptop ON planroom.events (laptop_id, seq);
