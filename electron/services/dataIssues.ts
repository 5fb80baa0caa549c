// Data issue services: list with filters, re-run reconciliation, assign, comment, close.
import type { DataIssueT } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import {
  addComment,
  assignIssue,
  closeIssue,
  getIssue,
  listComments,
  listIssues,
  type DataIssueRow,
  type IssueFilter,
} from '../db/repos/dataIssues';
import type { ReadDb, WriteDb } from '../db/types';
import { reconcileCycle } from '../snapshots/reconcile';
import { cycleIdOrCurrent } from './cycles';
import { writeTx } from '../db/writeTx';

function toApi(db: ReadDb, rows: DataIssueRow[]): DataIssueT[] {
  const comments = listComments(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    kind: r.kind as DataIssueT['kind'],
    source: r.source_id,
    exceptionKey: r.exception_key,
    summary: r.summary,
    ownerRole: r.owner_role,
    assignee: r.assignee,
    deadline: r.deadline,
    status: r.status,
    evidence: JSON.parse(r.evidence) as DataIssueT['evidence'],
    createdAt: r.created_at,
    closedAt: r.closed_at,
    comments: comments
      .filter((c) => c.issue_id === r.id)
      .map((c) => ({ author: c.author, body: c.body, createdAt: c.created_at })),
  }));
}

export function listDataIssues(db: ReadDb, f: Omit<IssueFilter, 'cycleId'> & { cycleId?: number }): DataIssueT[] {
  return toApi(db, listIssues(db, { ...f, cycleId: cycleIdOrCurrent(db, f.cycleId) }));
}

export function reconcile(db: WriteDb, cycleId?: number) {
  return reconcileCycle(db, cycleIdOrCurrent(db, cycleId));
}

export function dataIssueById(db: ReadDb, id: number): DataIssueT {
  return toApi(db, [getIssue(db, id)])[0]!;
}

export function assign(db: WriteDb, id: number, assignee: string, by: string): DataIssueT {
  writeTx(db, 'data-issue', () => assignIssue(db, id, assignee, by));
  return dataIssueById(db, id);
}

export function comment(db: WriteDb, id: number, author: string, body: string): DataIssueT {
  getIssue(db, id);
  writeTx(db, 'data-issue', () => addComment(db, id, author, body));
  return dataIssueById(db, id);
}

export function close(db: WriteDb, id: number, by: string, reason: string): DataIssueT {
  const issue = getIssue(db, id);
  if (issue.status === 'closed') {
    throw new AppError('conflict', `Data issue ${id} is already closed.`, {
      where: { field: 'id', value: String(id) },
    });
  }
  writeTx(db, 'data-issue', () => closeIssue(db, id, by, reason));
  return dataIssueById(db, id);
}
