// Decisions in the decision priority log, their per-cycle ranks and their append-only history.
// Every event is written with its outbox entry (the sync loop delivers it to the hub, keyed
// decision_event:<uid>:<hlc>, so a retry never duplicates and two laptops' events never share a
// key) and its field writes (repos/decisionWrites.ts) in the caller's transaction (DESIGN.md: a
// decision and its outbox entry, all or nothing).
import { randomUUID } from 'node:crypto';
import type { DecisionStatus } from '../../../shared/calls/decisions';
import { FIGURES } from '../../../shared/planning/figures';
import type { ReadDb, WriteDb } from '../types';
import { cycleUidOf, localDecisionWrites } from './decisionWrites';
import { nextHlc } from './fieldWrites';
import { laptopId } from './sync';

export interface DecisionRow {
  id: number;
  uid: string;
  cycle_id: number;
  cycle_name: string;
  title: string;
  rationale: string;
  owner: string;
  due_date: string | null;
  status: DecisionStatus;
  function: string | null;
  kpi_id: string | null;
  kpi_name: string | null;
  expected_value: number | null;
  scenario_id: number | null;
  scenario_name: string | null;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
  /** In the cycle listed. */
  priority_rank: number;
  carried_from: number | null;
  carried_from_name: string | null;
}

export interface EventRow {
  decision_id: number;
  seq: number;
  kind: string;
  payload: string;
  actor: string;
  at: string;
  /** Null for events from before the merge (migration 0012). */
  hlc: string | null;
  laptop_id: string | null;
}

const SELECT = `
  SELECT d.id, d.uid, d.cycle_id, oc.name AS cycle_name, d.title, d.rationale, d.owner, d.due_date,
         d.status, d.function, d.kpi_id, k.name AS kpi_name, d.expected_value, d.scenario_id,
         s.name AS scenario_name, d.recorded_by, d.recorded_at, d.updated_at, cd.priority_rank,
         cd.carried_from, fc.name AS carried_from_name
    FROM cycle_decisions cd
    JOIN decisions d ON d.id = cd.decision_id
    JOIN cycles oc ON oc.id = d.cycle_id
    LEFT JOIN cycles fc ON fc.id = cd.carried_from
    LEFT JOIN kpi_definitions k ON k.id = d.kpi_id
    LEFT JOIN scenarios s ON s.id = d.scenario_id`;

/** A cycle's decisions in priority order; ties (never written, but deterministic) by id. */
export function listCycleDecisions(db: ReadDb, cycleId: number): DecisionRow[] {
  return db.prepare(`${SELECT} WHERE cd.cycle_id = ? ORDER BY cd.priority_rank, d.id`).all(cycleId) as DecisionRow[];
}

/** One decision as the given cycle lists it (undefined when that cycle does not list it). */
export function getCycleDecision(db: ReadDb, cycleId: number, id: number): DecisionRow | undefined {
  return db.prepare(`${SELECT} WHERE cd.cycle_id = ? AND d.id = ?`).get(cycleId, id) as DecisionRow | undefined;
}

/** The cycles that list a decision, latest first (the cycle that recorded it is the last). */
export function cyclesListing(db: ReadDb, id: number): number[] {
  return (
    db.prepare('SELECT cycle_id FROM cycle_decisions WHERE decision_id = ? ORDER BY cycle_id DESC').all(id) as {
      cycle_id: number;
    }[]
  ).map((r) => r.cycle_id);
}

export interface AnsweredException {
  key: string;
  /** Null when the exception is no longer stored (its row went with a recompute). */
  type: string | null;
  sku: string | null;
  location: string | null;
  resource: string | null;
  lane: string | null;
  order_id: string | null;
  kpi_id: string | null;
  family: string | null;
}

/** The exceptions each decision answers, by decision id. */
export function decisionExceptions(db: ReadDb, ids: readonly number[]): Map<number, AnsweredException[]> {
  const out = new Map<number, AnsweredException[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT de.decision_id, de.exception_key AS key, e.type, e.sku, e.location, e.resource, e.lane, e.order_id,
              e.kpi_id, e.family
         FROM decision_exceptions de
         LEFT JOIN exceptions e ON e.cycle_id = de.cycle_id AND e.key = de.exception_key
        WHERE de.decision_id IN (SELECT value FROM json_each(?))
        ORDER BY de.decision_id, de.exception_key`,
    )
    .all(JSON.stringify(ids)) as (AnsweredException & { decision_id: number })[];
  for (const { decision_id, ...e } of rows) out.set(decision_id, [...(out.get(decision_id) ?? []), e]);
  return out;
}

export function decisionExpectations(
  db: ReadDb,
  id: number,
): { figure: string; baseline: number | null; expected: number | null }[] {
  const rows = db
    .prepare('SELECT figure, baseline, expected FROM decision_expectations WHERE decision_id = ?')
    .all(id) as { figure: string; baseline: number | null; expected: number | null }[];
  // In the comparison table's order (FIGURES), the order they were recorded in.
  const at = (f: string) => FIGURES.findIndex((x) => x.id === f);
  return rows.sort((a, b) => at(a.figure) - at(b.figure));
}

/**
 * A decision's history, every laptop's events interleaved by clock (events from before clocks by
 * their time, which is the clock's wall), then by local seq.
 */
export function decisionEvents(db: ReadDb, id: number): EventRow[] {
  const rows = db
    .prepare(
      'SELECT decision_id, seq, kind, payload, actor, at, hlc, laptop_id FROM decision_events WHERE decision_id = ? ORDER BY seq',
    )
    .all(id) as EventRow[];
  const key = (e: EventRow) => e.hlc ?? `${String(Date.parse(e.at) || 0).padStart(13, '0')}-0000-`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.seq - b.seq));
}

export interface NewDecisionRow {
  cycleId: number;
  title: string;
  rationale: string;
  owner: string;
  dueDate: string | null;
  function: string | null;
  kpiId: string | null;
  expectedValue: number | null;
  scenarioId: number | null;
  exceptionKeys: readonly string[];
  expectations: readonly { figure: string; kpiId: string | null; baseline: number | null; expected: number | null }[];
  recordedBy: string;
  at: string;
}

/** Inserts a decision (rank: the caller places it), what it expects and what it answers. */
export function insertDecision(db: WriteDb, d: NewDecisionRow): { id: number; uid: string } {
  const uid = randomUUID();
  const id = Number(
    db
      .prepare(
        `INSERT INTO decisions (uid, cycle_id, title, rationale, owner, due_date, exception_key, scenario_id,
           kpi_id, expected_value, function, status, recorded_by, recorded_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?)`,
      )
      .run(
        uid,
        d.cycleId,
        d.title,
        d.rationale,
        d.owner,
        d.dueDate,
        d.exceptionKeys[0] ?? null,
        d.scenarioId,
        d.kpiId,
        d.expectedValue,
        d.function,
        d.recordedBy,
        d.at,
        d.at,
      ).lastInsertRowid,
  );
  const expect = db.prepare(
    'INSERT INTO decision_expectations (decision_id, figure, kpi_id, baseline, expected) VALUES (?, ?, ?, ?, ?)',
  );
  for (const e of d.expectations) expect.run(id, e.figure, e.kpiId, e.baseline, e.expected);
  const answers = db.prepare('INSERT INTO decision_exceptions (decision_id, cycle_id, exception_key) VALUES (?, ?, ?)');
  for (const key of new Set(d.exceptionKeys)) answers.run(id, d.cycleId, key);
  return { id, uid };
}

/** The columns a change may set. */
export type DecisionFields = Partial<{
  title: string;
  rationale: string;
  owner: string;
  due_date: string | null;
  status: DecisionStatus;
  expected_value: number | null;
}>;

export function updateDecision(db: WriteDb, id: number, fields: DecisionFields, at: string): void {
  const names = Object.keys(fields) as (keyof DecisionFields)[];
  if (names.length === 0) return;
  db.prepare(
    `UPDATE decisions SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @at WHERE id = @id`,
  ).run({
    ...fields,
    at,
    id,
  });
}

/** The cycle's order, top first: the ids only. */
export function cycleOrder(db: ReadDb, cycleId: number): number[] {
  return (
    db
      .prepare('SELECT decision_id FROM cycle_decisions WHERE cycle_id = ? ORDER BY priority_rank, decision_id')
      .all(cycleId) as { decision_id: number }[]
  ).map((r) => r.decision_id);
}

/**
 * Writes a cycle's order as ranks 1..n; `link` adds the decisions not yet listed (recorded here, or
 * carried over from `carriedFrom`). Only rows whose rank changes are written.
 */
export function writeOrder(
  db: WriteDb,
  cycleId: number,
  order: readonly number[],
  at: string,
  link: { ids: ReadonlySet<number>; carriedFrom: number | null } = { ids: new Set(), carriedFrom: null },
): void {
  const insert = db.prepare(
    'INSERT INTO cycle_decisions (cycle_id, decision_id, priority_rank, carried_from, linked_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE cycle_decisions SET priority_rank = ? WHERE cycle_id = ? AND decision_id = ? AND priority_rank <> ?',
  );
  order.forEach((id, i) => {
    if (link.ids.has(id)) insert.run(cycleId, id, i + 1, link.carriedFrom, at);
    else update.run(i + 1, cycleId, id, i + 1);
  });
}

/**
 * Appends one event to a decision's history, with its clock, its field writes and its outbox
 * entry: the payload carries the event, the writes (what other laptops merge) and the decision
 * as it stands after it. `force`: fields written even when unchanged (resolving a conflict by
 * keeping the value in force still has to say it saw the other heads).
 */
export function appendEvent(
  db: WriteDb,
  e: {
    decisionId: number;
    kind: string;
    actor: string;
    at: string;
    cycleId: number;
    changes?: readonly { field: string; from: unknown; to: unknown }[];
    comment?: string | null;
    extra?: Record<string, unknown>;
    force?: readonly string[];
  },
): number {
  const seq =
    (
      db.prepare('SELECT max(seq) AS s FROM decision_events WHERE decision_id = ?').get(e.decisionId) as {
        s: number | null;
      }
    ).s ?? 0;
  const hlc = nextHlc(db, e.at);
  const laptop = laptopId(db);
  const body = { cycleId: e.cycleId, changes: e.changes ?? [], comment: e.comment ?? null, ...e.extra };
  db.prepare(
    'INSERT INTO decision_events (decision_id, seq, kind, payload, actor, at, hlc, laptop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.decisionId, seq + 1, e.kind, JSON.stringify(body), e.actor, e.at, hlc, laptop);
  const writes = localDecisionWrites(db, { ...e, hlc });
  const d = db
    .prepare(
      `SELECT uid, cycle_id AS cycleId, title, rationale, owner, due_date AS dueDate, status, function,
              kpi_id AS kpiId, expected_value AS expectedValue, scenario_id AS scenarioId,
              recorded_by AS recordedBy, recorded_at AS recordedAt
         FROM decisions WHERE id = ?`,
    )
    .get(e.decisionId) as { uid: string; cycleId: number } & Record<string, unknown>;
  const ranks = db
    .prepare('SELECT cycle_id AS cycleId, priority_rank AS priorityRank FROM cycle_decisions WHERE decision_id = ?')
    .all(e.decisionId);
  db.prepare(
    `INSERT INTO outbox (idempotency_key, target, kind, payload, created_at) VALUES (?, 'hub', 'decision_event', ?, ?)`,
  ).run(
    `decision_event:${d.uid}:${hlc}`,
    JSON.stringify({
      uid: d.uid,
      seq: seq + 1,
      kind: e.kind,
      actor: e.actor,
      at: e.at,
      ...body,
      hlc,
      laptopId: laptop,
      cycleUid: cycleUidOf(db, e.cycleId),
      decisionCycleUid: cycleUidOf(db, d.cycleId),
      writes,
      decision: { ...d, ranks },
    }),
    e.at,
  );
  return seq + 1;
}

/** The decisions a cycle lists that are still open (neither done nor dropped), in its order. */
export function openDecisionIds(db: ReadDb, cycleId: number): number[] {
  return (
    db
      .prepare(
        `SELECT cd.decision_id FROM cycle_decisions cd JOIN decisions d ON d.id = cd.decision_id
          WHERE cd.cycle_id = ? AND d.status NOT IN ('done', 'dropped')
          ORDER BY cd.priority_rank, cd.decision_id`,
      )
      .all(cycleId) as { decision_id: number }[]
  ).map((r) => r.decision_id);
}

/** Past owners, most used first: the last source of owner suggestions. */
export function pastOwners(db: ReadDb, limit = 20): string[] {
  return (
    db
      .prepare('SELECT owner FROM decisions GROUP BY owner ORDER BY count(*) DESC, max(recorded_at) DESC LIMIT ?')
      .all(limit) as { owner: string }[]
  ).map((r) => r.owner);
}

/** The latest follow-up note of a decision written in a cycle. */
export function followUpNote(
  db: ReadDb,
  decisionId: number,
  cycleId: number,
): { note: string; actor: string; at: string } | undefined {
  const row = db
    .prepare(
      `SELECT json_extract(payload, '$.comment') AS note, actor, at FROM decision_events
        WHERE decision_id = ? AND kind = 'follow_up' AND json_extract(payload, '$.cycleId') = ?
        ORDER BY seq DESC LIMIT 1`,
    )
    .get(decisionId, cycleId) as { note: string; actor: string; at: string } | undefined;
  return row;
}
