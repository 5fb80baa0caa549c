// A data issue's merged fields (issue 17 item 5): across laptops an issue is its cycle and its
// cause (`<cycle uid>:<fingerprint>`; local ids differ). A person's change writes the fields it
// set; pulled writes set the columns to the values in force.
// Comments are not merged: they are appended and read in time order.
import type { ReadDb, WriteDb } from '../types';
import { cycleUidOf } from './decisionWrites';
import { entityStates, winningValue, writeLocal, type WireWrite } from './fieldWrites';

export const ISSUE_FIELDS = ['status', 'assignee', 'deadline', 'owner_role'] as const;
type IssueField = (typeof ISSUE_FIELDS)[number];

export const issueUid = (cycleUid: string, fingerprint: string): string => `${cycleUid}:${fingerprint}`;

export function issueUidOf(db: ReadDb, issueId: number): string {
  const r = db.prepare('SELECT cycle_id, fingerprint FROM data_issues WHERE id = ?').get(issueId) as {
    cycle_id: number;
    fingerprint: string;
  };
  return issueUid(cycleUidOf(db, r.cycle_id), r.fingerprint);
}

type Row = { id: number } & Record<IssueField, unknown>;
const readRow = (db: ReadDb, id: number): Row =>
  db.prepare(`SELECT id, ${ISSUE_FIELDS.join(', ')} FROM data_issues WHERE id = ?`).get(id) as Row;

/**
 * The writes of a person's change: the fields it set (a comment sets none). Not every field that
 * differs from the value in force: issues have no writes from before the merge, and writing an
 * untouched field would contest another laptop's change of it.
 */
export function localIssueWrites(
  db: WriteDb,
  e: { issueId: number; hlc: string; actor: string; at: string; fields: readonly string[] },
): WireWrite[] {
  const row = readRow(db, e.issueId);
  const uid = issueUidOf(db, e.issueId);
  return ISSUE_FIELDS.filter((f) => e.fields.includes(f)).map((field) =>
    writeLocal(db, { entity: 'data_issue', uid, field, value: row[field], hlc: e.hlc, actor: e.actor, at: e.at }),
  );
}

/** Sets an issue's merged columns to the values in force (a close by its writer and time). */
export function applyIssueWinners(db: WriteDb, issueId: number): string[] {
  const row = readRow(db, issueId);
  const states = entityStates(db, 'data_issue', issueUidOf(db, issueId));
  const changed: string[] = [];
  for (const field of ISSUE_FIELDS) {
    const s = states.get(field);
    if (!s?.winner || winningValue(s) === row[field]) continue;
    changed.push(field);
    db.prepare(`UPDATE data_issues SET ${field} = ? WHERE id = ?`).run(winningValue(s), issueId);
    if (field === 'status') {
      const closed = winningValue(s) === 'closed';
      db.prepare('UPDATE data_issues SET closed_at = ?, closed_by = ? WHERE id = ?').run(
        closed ? s.winner.at : null,
        closed ? s.winner.actor : null,
        issueId,
      );
    }
  }
  return changed;
}
