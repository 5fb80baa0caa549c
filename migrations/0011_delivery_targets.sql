-- HTTP write-back and file-drop targets (issue 17 items 3 and 4) read the same outbox as the hub
-- (whose entries keep their own delivered_at). Each keeps, per entry, whether it was delivered or
-- refused for good (an HTTP 4xx) with the answer, so a failure is shown and can be retried.
CREATE TABLE outbox_deliveries (
  target_id   TEXT NOT NULL REFERENCES sync_targets(id) ON DELETE CASCADE,
  outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
  state       TEXT NOT NULL CHECK (state IN ('delivered', 'failed')),
  http_status INTEGER,
  -- The answer's body, cut to 2,000 characters.
  response    TEXT,
  at          TEXT NOT NULL,
  PRIMARY KEY (target_id, outbox_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX outbox_deliveries_failed ON outbox_deliveries(target_id, at) WHERE state = 'failed';
