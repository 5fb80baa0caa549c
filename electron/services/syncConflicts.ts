// Conflicts between laptops (issue 17 items 5 and 7): the fields two laptops changed without
// seeing each other's change, and resolving one by keeping a value. Resolving is a local edit
// like any other, written with every head as its bases (so it settles the field on every laptop
// once synced), with its history event ("resolved a conflict") and its outbox entry.
import type { ApiInput, ApiOutput, SyncConflictT } from '../../shared/api';
import { AppError, cutInput } from '../../shared/domain/errors';
import { cycleIdOfUid, DECISION_FIELDS } from '../db/repos/decisionWrites';
import { ISSUE_FIELDS } from '../db/repos/issueWrites';
import { addComment } from '../db/repos/dataIssues';
import { appendEvent, cyclesListing, updateDecision, type DecisionFields } from '../db/repos/decisions';
import { listConflicts, type ConflictRow } from '../db/repos/fieldWrites';
import { nowIso, type ReadDb, type WriteDb } from '../db/types';
import { writeTx } from '../db/writeTx';

/** Fields a person may type a new value for when resolving (the others take a candidate's). */
const FREE_TEXT = new Set(['title', 'rationale', 'owner', 'assignee']);

interface Located {
  id: number;
  cycleId: number;
  label: string;
}

function locate(db: ReadDb, c: { entity: string; uid: string }): Located | undefined {
  if (c.entity === 'decision') {
    const d = db.prepare('SELECT id, cycle_id, title FROM decisions WHERE uid = ?').get(c.uid) as
      { id: number; cycle_id: number; title: string } | undefined;
    return d && { id: d.id, cycleId: cyclesListing(db, d.id)[0] ?? d.cycle_id, label: d.title };
  }
  const cut = c.uid.indexOf(':');
  const cycleId = cycleIdOfUid(db, c.uid.slice(0, cut));
  if (cycleId === undefined) return undefined;
  const i = db
    .prepare('SELECT id, summary FROM data_issues WHERE cycle_id = ? AND fingerprint = ? ORDER BY id DESC LIMIT 1')
    .get(cycleId, c.uid.slice(cut + 1)) as { id: number; summary: string } | undefined;
  return i && { id: i.id, cycleId, label: i.summary };
}

const parse = (v: string): string | number | null => JSON.parse(v) as string | number | null;

/** The merged columns only: a field name from another laptop never reaches SQL otherwise. */
const KNOWN: Record<string, readonly string[]> = { decision: DECISION_FIELDS, data_issue: ISSUE_FIELDS };

function toConflict(db: ReadDb, c: ConflictRow): SyncConflictT | undefined {
  if (!KNOWN[c.entity]?.includes(c.field)) return undefined;
  const at = locate(db, c);
  if (!at) return undefined;
  return {
    entity: c.entity,
    uid: c.uid,
    id: at.id,
    cycleId: at.cycleId,
    label: at.label,
    field: c.field,
    candidates: c.state.candidates.map((w) => ({
      value: parse(w.value),
      hlc: w.hlc,
      laptopId: w.laptopId,
      actor: w.actor,
      at: w.at,
    })),
    shown: parse(c.state.winner!.value),
  };
}

export function syncConflicts(db: ReadDb, input: ApiInput<'sync.conflicts'>): ApiOutput<'sync.conflicts'> {
  return listConflicts(db)
    .map((c) => toConflict(db, c))
    .filter((c): c is SyncConflictT => c !== undefined && (input.cycleId === undefined || c.cycleId === input.cycleId));
}

/** The decisions (by this laptop's id) with a conflict, for the Decisions page's badge. */
export const conflictedDecisionIds = (db: ReadDb): Set<number> =>
  new Set(syncConflicts(db, {}).flatMap((c) => (c.entity === 'decision' ? [c.id] : [])));

export function resolveConflict(
  db: WriteDb,
  input: ApiInput<'sync.resolveConflict'>,
): ApiOutput<'sync.resolveConflict'> {
  const found = syncConflicts(db, {}).find(
    (c) => c.entity === input.entity && c.uid === input.uid && c.field === input.field,
  );
  if (!found) {
    throw new AppError('not_found', `No conflict on ${cutInput(input.field, 40)} of ${cutInput(input.uid, 80)}.`, {
      where: { field: 'field', value: cutInput(input.field, 40) },
      hint: 'planroom sync conflicts lists the conflicts to resolve (it may have been resolved meanwhile).',
    });
  }
  const offered = found.candidates.some((c) => c.value === input.value);
  if (!offered && !(FREE_TEXT.has(input.field) && typeof input.value === 'string' && input.value.trim() !== '')) {
    throw new AppError(
      'invalid_input',
      `"${cutInput(String(input.value), 40)}" is not one of the values in conflict.`,
      {
        where: { field: 'value', value: cutInput(String(input.value), 40) },
        hint: `Keep one of: ${found.candidates.map((c) => JSON.stringify(c.value)).join(', ')}.`,
      },
    );
  }
  const value = typeof input.value === 'string' && !offered ? input.value.trim() : input.value;
  const at = nowIso();
  writeTx(db, 'sync-resolve', () => {
    if (input.entity === 'decision') {
      updateDecision(db, found.id, { [input.field]: value } as DecisionFields, at);
      appendEvent(db, {
        decisionId: found.id,
        kind: 'changed',
        actor: input.by,
        at,
        cycleId: found.cycleId,
        changes: [{ field: input.field, from: found.shown, to: value }],
        comment: 'resolved a conflict',
        force: [input.field],
      });
    } else {
      db.prepare(`UPDATE data_issues SET ${input.field} = ? WHERE id = ?`).run(value, found.id);
      // Who closed it and when follow the status kept, as when a person closes an issue.
      if (input.field === 'status') {
        const closed = value === 'closed';
        db.prepare('UPDATE data_issues SET closed_at = ?, closed_by = ? WHERE id = ?').run(
          closed ? at : null,
          closed ? input.by : null,
          found.id,
        );
      }
      addComment(db, found.id, input.by, `Resolved a conflict: ${input.field} is ${String(value)}.`, [input.field]);
    }
  });
  return syncConflicts(db, {});
}
