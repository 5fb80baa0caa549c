// Data issues raised by reconciliation: one open issue per cause (fingerprint), with an owner
// role, an assignee, a deadline, evidence rows and comments. Exceptions parked by a person are
// data issues too (kind exception_parked), which reconciliation leaves alone.
import { AppError } from '../../../shared/domain/errors';
import type { ReadDb, WriteDb } from '../types';
import { nowIso } from '../types';
import { cycleUidOf } from './decisionWrites';
import { nextHlc } from './fieldWrites';
import { localIssueWrites } from './issueWrites';
import { enqueue } from './outbox';

export interface DataIssueRow {
  id: number;
  cycle_id: number;
  kind: string;
  source_id: string | null;
  fingerprint: string;
  summary: string;
  owner_role: string;
  assignee: string | null;
  deadline: string;
  status: 'open' | 'closed';
  evidence: string;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
  exception_key: string | null;
}

export const RECONCILIATION = 'reconciliation';
export const PARKED_KIND = 'exception_parked';

export interface CommentRow {
  id: number;
  issue_id: number;
  author: string;
  body: string;
  created_at: string;
}

const COLUMNS =
  'id, cycle_id, kind, source_id, fingerprint, summary, owner_role, assignee, deadline, status, evidence, created_at, closed_at, closed_by, exception_key';

/** Open reconciliation findings (not parked exceptions: those close only by a person). */
export function openIssuesByFingerprint(db: ReadDb, cycleId: number): Map<string, DataIssueRow> {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM data_issues WHERE cycle_id = ? AND status = 'open' AND kind <> ?`)
    .all(cycleId, PARKED_KIND) as DataIssueRow[];
  return new Map(rows.map((r) => [r.fingerprint, r]));
}

/** Causes a person closed in this cycle: reconciliation does not raise them again. */
export function closedByPeople(db: ReadDb, cycleId: number): Set<string> {
  const rows = db
    .prepare("SELECT fingerprint FROM data_issues WHERE cycle_id = ? AND status = 'closed' AND closed_by <> ?")
    .all(cycleId, RECONCILIATION) as { fingerprint: string }[];
  return new Set(rows.map((r) => r.fingerprint));
}

export function insertIssue(
  db: WriteDb,
  i: Pick<
    DataIssueRow,
    'cycle_id' | 'kind' | 'source_id' | 'fingerprint' | 'summary' | 'owner_role' | 'deadline' | 'evidence'
  > &
    Partial<Pick<DataIssueRow, 'assignee' | 'exception_key'>>,
): number {
  const info = db
    .prepare(
      `INSERT INTO data_issues (cycle_id, kind, source_id, fingerprint, summary, owner_role, assignee, deadline,
         evidence, created_at, exception_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      i.cycle_id,
      i.kind,
      i.source_id,
      i.fingerprint,
      i.summary,
      i.owner_role,
      i.assignee ?? null,
      i.deadline,
      i.evidence,
      nowIso(),
      i.exception_key ?? null,
    );
  return Number(info.lastInsertRowid);
}

export function refreshIssue(db: WriteDb, id: number, summary: string, evidence: string): void {
  db.prepare('UPDATE data_issues SET summary = ?, evidence = ? WHERE id = ?').run(summary, evidence, id);
}

/** Closes an open issue with the reason as its last comment; an already closed one is left as it is. */
export function closeIssue(db: WriteDb, id: number, by: string, reason: string): void {
  const changed = db
    .prepare("UPDATE data_issues SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'")
    .run(nowIso(), by, id).changes;
  if (changed > 0) addComment(db, id, by, reason, ['status']);
}

export function assignIssue(db: WriteDb, id: number, assignee: string, by: string): void {
  getIssue(db, id);
  db.prepare('UPDATE data_issues SET assignee = ? WHERE id = ?').run(assignee, id);
  addComment(db, id, by, `Assigned to ${assignee}.`, ['assignee']);
}

/**
 * Adds a comment. Every change a person makes to a data issue (assign, comment, close, park)
 * leaves one, so the change's outbox entry is written here, in the caller's transaction: the issue as it
 * stands after the change, with the comment that says what changed.
 */
export function addComment(
  db: WriteDb,
  issueId: number,
  author: string,
  body: string,
  /** The merged fields the change set (issueWrites.ts ISSUE_FIELDS); a plain comment sets none. */
  fields: readonly string[] = [],
): number {
  const at = nowIso();
  // Reconciliation's own closes are not sent: every laptop derives them from its snapshot set.
  const sent = author !== RECONCILIATION;
  const hlc = sent ? nextHlc(db, at) : null;
  const info = db
    .prepare('INSERT INTO data_issue_comments (issue_id, author, body, created_at, hlc) VALUES (?, ?, ?, ?, ?)')
    .run(issueId, author, body, at, hlc);
  const commentId = Number(info.lastInsertRowid);
  if (sent && hlc) {
    const issue = getIssue(db, issueId);
    // The fields the change set, as writes other laptops merge (issue 17 item 5).
    const writes = localIssueWrites(db, { issueId, hlc, actor: author, at, fields });
    enqueue(db, 'data_issue_change', [issueId, commentId], {
      issue: { ...issue, evidence: undefined },
      comment: { author, body, at, hlc },
      hlc,
      cycleUid: cycleUidOf(db, issue.cycle_id),
      writes,
    });
  }
  return commentId;
}

export function getIssue(db: ReadDb, id: number): DataIssueRow {
  const row = db.prepare(`SELECT ${COLUMNS} FROM data_issues WHERE id = ?`).get(id) as DataIssueRow | undefined;
  if (!row)
    throw new AppError('not_found', `No data issue with id ${id}.`, { where: { field: 'id', value: String(id) } });
  return row;
}

export interface IssueFilter {
  cycleId: number;
  status?: 'open' | 'closed';
  owner?: string;
  source?: string;
}

export function listIssues(db: ReadDb, f: IssueFilter): DataIssueRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM data_issues
       WHERE cycle_id = $cycleId AND ($status IS NULL OR status = $status)
         AND ($owner IS NULL OR owner_role = $owner) AND ($source IS NULL OR source_id = $source)
       ORDER BY status = 'open' DESC, deadline, kind, id`,
    )
    .all({
      cycleId: f.cycleId,
      status: f.status ?? null,
      owner: f.owner ?? null,
      source: f.source ?? null,
    }) as DataIssueRow[];
}

export function listComments(db: ReadDb, issueIds: number[]): CommentRow[] {
  if (issueIds.length === 0) return [];
  return db
    .prepare(
      `SELECT id, issue_id, author, body, created_at FROM data_issue_comments
       WHERE issue_id IN (SELECT value FROM json_each(?)) ORDER BY issue_id, created_at, hlc, id`,
    )
    .all(JSON.stringify(issueIds)) as CommentRow[];
}

export function countOpenIssues(db: ReadDb, cycleId: number): number {
  return (
    db.prepare("SELECT count(*) AS n FROM data_issues WHERE cycle_id = ? AND status = 'open'").get(cycleId) as {
      n: number;
    }
  ).n;
}

/** The open issue an exception is parked in, if any. */
export function openParkedIssue(db: ReadDb, cycleId: number, exceptionKey: string): DataIssueRow | undefined {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM data_issues WHERE cycle_id = ? AND status = 'open' AND kind = ? AND exception_key = ?`,
    )
    .get(cycleId, PARKED_KIND, exceptionKey) as DataIssueRow | undefined;
}
