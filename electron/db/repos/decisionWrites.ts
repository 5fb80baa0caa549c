// A decision's merged fields (issue 17 item 5): which columns are merged field by field, the
// writes a local event makes (each column that differs from the value in force, and the rank of
// every decision of the cycle whose place changed), and the columns and order recomputed from
// the writes after pulled ones arrive. The same function of the writes on every laptop.
import { mergeOrder } from '../../../shared/sync/orderMerge';
import type { ReadDb, WriteDb } from '../types';
import { entityStates, fieldStates, winningValue, writeLocal, type WireWrite } from './fieldWrites';

/** The columns merged field by field (the rest is set once, when the decision is recorded). */
export const DECISION_FIELDS = ['title', 'rationale', 'owner', 'due_date', 'status', 'expected_value'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export const rankField = (cycleUid: string): string => `rank:${cycleUid}`;

export const cycleUidOf = (db: ReadDb, cycleId: number): string =>
  (db.prepare('SELECT uid FROM cycles WHERE id = ?').get(cycleId) as { uid: string }).uid;

export const cycleIdOfUid = (db: ReadDb, uid: string): number | undefined =>
  (db.prepare('SELECT id FROM cycles WHERE uid = ?').get(uid) as { id: number } | undefined)?.id;

/** The writes of a local event: the fields that differ from the value in force (or `force`d). */
export function localDecisionWrites(
  db: WriteDb,
  e: { decisionId: number; cycleId: number; hlc: string; actor: string; at: string; force?: readonly string[] },
): WireWrite[] {
  const row = db.prepare(`SELECT uid, ${DECISION_FIELDS.join(', ')} FROM decisions WHERE id = ?`).get(e.decisionId) as
    ({ uid: string } & Record<DecisionField, unknown>) | undefined;
  if (!row) return [];
  const out: WireWrite[] = [];
  const states = entityStates(db, 'decision', row.uid);
  const base = { entity: 'decision' as const, hlc: e.hlc, actor: e.actor, at: e.at };
  for (const field of DECISION_FIELDS) {
    const state = states.get(field);
    const differs = !state?.winner || winningValue(state) !== row[field];
    if (differs || e.force?.includes(field))
      out.push(writeLocal(db, { ...base, uid: row.uid, field, value: row[field] }));
  }
  // The cycle's order: every decision whose place is not the rank in force gets one (one clock
  // per move). The rank in force is the write with the greatest clock (a write's bases are always
  // older than it, so that write is a head and the winner: fieldMerge.ts), so one statement finds
  // the places that moved instead of merging every decision's writes on every event.
  const cycleUid = cycleUidOf(db, e.cycleId);
  const field = rankField(cycleUid);
  const moved = db
    .prepare(
      `SELECT d.uid, cd.priority_rank AS rank FROM cycle_decisions cd JOIN decisions d ON d.id = cd.decision_id
        WHERE cd.cycle_id = @cycle
          AND cd.priority_rank IS NOT (SELECT value ->> '$' FROM field_writes w
                                        WHERE w.entity = 'decision' AND w.entity_uid = d.uid AND w.field = @field
                                        ORDER BY w.hlc DESC LIMIT 1)
        ORDER BY cd.priority_rank`,
    )
    .all({ cycle: e.cycleId, field }) as { uid: string; rank: number }[];
  for (const r of moved) out.push(writeLocal(db, { ...base, uid: r.uid, field, value: r.rank }));
  return out;
}

/** Sets a decision's merged columns to the values in force; returns the fields that changed. */
export function applyDecisionWinners(db: WriteDb, decisionId: number, at: string): string[] {
  const row = db.prepare(`SELECT uid, ${DECISION_FIELDS.join(', ')} FROM decisions WHERE id = ?`).get(decisionId) as {
    uid: string;
  } & Record<DecisionField, unknown>;
  const states = entityStates(db, 'decision', row.uid);
  const changed: Record<string, unknown> = {};
  for (const field of DECISION_FIELDS) {
    const s = states.get(field);
    if (s?.winner && winningValue(s) !== row[field]) changed[field] = winningValue(s);
  }
  const names = Object.keys(changed);
  if (names.length > 0) {
    db.prepare(
      `UPDATE decisions SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @at WHERE id = @id`,
    ).run({ ...changed, at, id: decisionId });
  }
  return names;
}

/**
 * Rewrites a cycle's order from the rank writes in force (mergeOrder): the decisions it lists,
 * and those here with a rank write in it but not yet listed (carried over on another laptop).
 */
export function applyCycleOrder(db: WriteDb, cycleId: number, at: string): void {
  const cycleUid = cycleUidOf(db, cycleId);
  const field = rankField(cycleUid);
  const rows = db
    .prepare(
      `SELECT d.id, d.uid, cd.priority_rank AS rank FROM decisions d
         LEFT JOIN cycle_decisions cd ON cd.decision_id = d.id AND cd.cycle_id = ?
        WHERE cd.cycle_id IS NOT NULL
           OR d.uid IN (SELECT entity_uid FROM field_writes WHERE entity = 'decision' AND field = ?)`,
    )
    .all(cycleId, field) as { id: number; uid: string; rank: number | null }[];
  const byUid = new Map(rows.map((r) => [r.uid, r]));
  const states = fieldStates(db, 'decision', field);
  const order = mergeOrder(
    rows.map((r) => {
      const s = states.get(r.uid);
      return { uid: r.uid, rank: s?.winner ? { value: Number(winningValue(s)), hlc: s.winner.hlc } : null };
    }),
  );
  const previous = (
    db.prepare('SELECT previous_cycle_id AS p FROM cycles WHERE id = ?').get(cycleId) as { p: number | null }
  ).p;
  // Ranks are unique per cycle only by convention: each row is set once, to its final value.
  const insert = db.prepare(
    `INSERT INTO cycle_decisions (cycle_id, decision_id, priority_rank, carried_from, linked_at)
     VALUES (?, ?, ?, (SELECT cycle_id FROM cycle_decisions WHERE cycle_id = ? AND decision_id = ?), ?)`,
  );
  const update = db.prepare('UPDATE cycle_decisions SET priority_rank = ? WHERE cycle_id = ? AND decision_id = ?');
  for (const o of order) {
    const r = byUid.get(o.uid)!;
    if (r.rank === null) insert.run(cycleId, r.id, o.rank, previous, r.id, at);
    else if (r.rank !== o.rank) update.run(o.rank, cycleId, r.id);
  }
}
