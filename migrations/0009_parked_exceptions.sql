-- Exceptions parked as data issues (issue 16, `p` on the Exceptions list): a person decides the
-- figure cannot be discussed until its data is fixed, and gives it an owner and a deadline.
-- Such an issue is not a reconciliation finding: kind 'exception_parked', it names the
-- exception it came from, and it may have no source (the exception's source may not be pinned).
--
-- SQLite cannot change a CHECK in place, so data_issues is rebuilt. Its comments reference it
-- (ON DELETE CASCADE): dropping the old table with them still attached would delete them, so
-- both tables are rebuilt, children first out and parents first in. A RENAME rewrites the
-- comments' reference to the final name.

CREATE TABLE data_issues_new (
  id            INTEGER PRIMARY KEY,
  cycle_id      INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('stock_mismatch', 'missing_shipment', 'unknown_key',
                  'stale_source', 'overestimated_demand', 'exception_parked')),
  source_id     TEXT REFERENCES sources(id),
  -- Identifies the cause, so re-running reconciliation never duplicates an open issue.
  fingerprint   TEXT NOT NULL,
  summary       TEXT NOT NULL,
  owner_role    TEXT NOT NULL,
  assignee      TEXT,
  deadline      TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  evidence      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
  created_at    TEXT NOT NULL,
  closed_at     TEXT,
  -- 'reconciliation' when the cause went away; a person's name when someone closed it (then a
  -- re-run does not raise the same cause again in this cycle).
  closed_by     TEXT,
  -- The exception a person parked here (kind 'exception_parked' only).
  exception_key TEXT,
  CHECK (source_id IS NOT NULL OR kind = 'exception_parked'),
  CHECK ((kind = 'exception_parked') = (exception_key IS NOT NULL))
) STRICT;
INSERT INTO data_issues_new (id, cycle_id, kind, source_id, fingerprint, summary, owner_role, assignee,
    deadline, status, evidence, created_at, closed_at, closed_by)
  SELECT id, cycle_id, kind, source_id, fingerprint, summary, owner_role, assignee,
    deadline, status, evidence, created_at, closed_at, closed_by
  FROM data_issues;

CREATE TABLE data_issue_comments_new (
  id         INTEGER PRIMARY KEY,
  issue_id   INTEGER NOT NULL REFERENCES data_issues_new(id) ON DELETE CASCADE,
  author     TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO data_issue_comments_new (id, issue_id, author, body, created_at)
  SELECT id, issue_id, author, body, created_at FROM data_issue_comments;

DROP TABLE data_issue_comments;
DROP TABLE data_issues;
ALTER TABLE data_issues_new RENAME TO data_issues;
ALTER TABLE data_issue_comments_new RENAME TO data_issue_comments;

CREATE UNIQUE INDEX data_issues_open_once ON data_issues(cycle_id, fingerprint) WHERE status = 'open';
CREATE INDEX data_issues_by_owner ON data_issues(cycle_id, status, owner_role);
CREATE INDEX data_issue_comments_by_issue ON data_issue_comments(issue_id);
