// Applies the events pulled from the hub to this laptop's decision log and data issues (issue 17
// item 5): their field writes are stored, the clock moves past theirs, the touched fields are set
// to the values in force and the touched cycles' order recomputed (repos/decisionWrites.ts), and
// each decision event becomes a history row with its laptop's clock. Idempotent (an event is
// marked applied, writes are INSERT OR IGNORE), order-free (the merge is a function of the set of
// writes), and never an outbox entry: it is not this laptop's change. An event for a cycle this
// laptop does not hold, or for a decision whose first event has not arrived, waits unapplied.
import { hlcFromIso, isHlc } from '../../shared/sync/hlc';
import { SAW_ALL_BEFORE } from '../../shared/sync/fieldMerge';
import { applyCycleOrder, applyDecisionWinners, cycleIdOfUid, DECISION_FIELDS } from '../db/repos/decisionWrites';
import { insertWrites, seeHlc, type WireWrite } from '../db/repos/fieldWrites';
import { applyIssueWinners } from '../db/repos/issueWrites';
import type { ReadDb, WriteDb } from '../db/types';
import { writeTx } from '../db/writeTx';
import { writeLog } from '../log';
import type { WriteQueue } from '../services/writeQueue';

const BATCH = 200;

interface HubEventRow {
  hub_seq: number;
  laptop_id: string;
  kind: string;
  payload: string;
}

interface DecisionPayload {
  uid: string;
  kind: string;
  actor: string;
  at: string;
  cycleId?: number;
  changes?: { field: string; from: unknown; to: unknown }[];
  comment?: string | null;
  hlc?: string;
  cycleUid?: string;
  decisionCycleUid?: string;
  writes?: WireWrite[];
  exceptionKeys?: string[];
  expectations?: { figure: string; kpiId: string | null; baseline: number | null; expected: number | null }[];
  decision?: Record<string, unknown>;
}

interface IssuePayload {
  issue: Record<string, unknown> & { fingerprint: string };
  comment: { author: string; body: string; at: string; hlc?: string };
  hlc?: string;
  cycleUid?: string;
  writes?: WireWrite[];
}

export type Outcome = 'applied' | 'waiting';

export interface ApplyResult {
  applied: number;
  /** Events still waiting for a cycle (or a decision's first event) not on this laptop. */
  waiting: number;
}

/** A write as another laptop sent it is data, not trusted: one of the wrong shape is left out. */
const wellFormed = (w: WireWrite): boolean =>
  (w.entity === 'decision' || w.entity === 'data_issue') &&
  typeof w.uid === 'string' &&
  typeof w.field === 'string' &&
  w.field.length <= 200 &&
  isHlc(w.hlc) &&
  Array.isArray(w.bases) &&
  w.bases.every((b) => typeof b === 'string') &&
  (w.value === null || typeof w.value === 'string' || typeof w.value === 'number') &&
  typeof w.actor === 'string' &&
  typeof w.at === 'string';

/** Stores writes and moves the clock past every one of them. */
function takeWrites(db: WriteDb, all: readonly WireWrite[], nowMs: number): void {
  const writes = all.filter(wellFormed);
  insertWrites(db, writes);
  for (const w of writes) seeHlc(db, w.hlc, nowMs);
}

const decisionIdOf = (db: WriteDb, uid: string): number | undefined =>
  (db.prepare('SELECT id FROM decisions WHERE uid = ?').get(uid) as { id: number } | undefined)?.id;

/** A decision first seen here: its row from the 'recorded' event (values then set from the writes). */
function createDecision(db: WriteDb, p: DecisionPayload, cycleId: number): number {
  const d = p.decision ?? {};
  const kpi = typeof d.kpiId === 'string' ? d.kpiId : null;
  const kpiHere = kpi !== null && db.prepare('SELECT 1 FROM kpi_definitions WHERE id = ?').get(kpi) !== undefined;
  const fn = typeof d.function === 'string' ? d.function : null;
  const id = Number(
    db
      .prepare(
        `INSERT INTO decisions (uid, cycle_id, title, rationale, owner, due_date, exception_key, scenario_id, kpi_id,
           expected_value, function, status, recorded_by, recorded_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 'proposed', ?, ?, ?)`,
      )
      .run(
        p.uid,
        cycleId,
        String(d.title ?? ''),
        String(d.rationale ?? ''),
        String(d.owner ?? ''),
        typeof d.dueDate === 'string' ? d.dueDate : null,
        p.exceptionKeys?.[0] ?? null,
        kpiHere ? kpi : null,
        typeof d.expectedValue === 'number' ? d.expectedValue : null,
        fn,
        String(d.recordedBy ?? p.actor),
        String(d.recordedAt ?? p.at),
        p.at,
      ).lastInsertRowid,
  );
  // The scenario is left out: scenarios have no identity across laptops (local ids differ).
  const answers = db.prepare(
    'INSERT OR IGNORE INTO decision_exceptions (decision_id, cycle_id, exception_key) VALUES (?, ?, ?)',
  );
  for (const key of new Set(p.exceptionKeys ?? [])) answers.run(id, cycleId, key);
  const expect = db.prepare(
    `INSERT OR IGNORE INTO decision_expectations (decision_id, figure, kpi_id, baseline, expected)
     VALUES (?, ?, (SELECT id FROM kpi_definitions WHERE id = ?), ?, ?)`,
  );
  for (const e of p.expectations ?? []) expect.run(id, e.figure, e.kpiId, e.baseline, e.expected);
  return id;
}

/**
 * Writes of an entry pushed before writes travelled: each changed field (all, when recorded) as
 * it stood after the event, at a clock from its time, having seen every earlier write.
 */
function legacyWrites(p: DecisionPayload, laptop: string): WireWrite[] {
  const d = p.decision ?? {};
  const hlc = hlcFromIso(p.at, laptop);
  const column: Record<string, string> = { due_date: 'dueDate', expected_value: 'expectedValue' };
  const changed = new Set((p.changes ?? []).map((c) => c.field));
  return DECISION_FIELDS.filter((f) => p.kind === 'recorded' || changed.has(f)).map((field) => ({
    entity: 'decision' as const,
    uid: p.uid,
    field,
    value: d[column[field] ?? field] ?? null,
    hlc,
    bases: [SAW_ALL_BEFORE],
    laptopId: laptop,
    actor: p.actor,
    at: p.at,
  }));
}

function applyDecisionEvent(db: WriteDb, ev: HubEventRow, p: DecisionPayload, now: string): Outcome {
  const legacy = !Array.isArray(p.writes);
  let decisionId = decisionIdOf(db, p.uid);
  let cycleId: number | undefined;
  if (legacy) {
    // No cycle uid: only a decision this laptop already holds can take it.
    if (decisionId === undefined) return 'waiting';
    cycleId = (db.prepare('SELECT cycle_id AS c FROM decisions WHERE id = ?').get(decisionId) as { c: number }).c;
  } else {
    cycleId = p.cycleUid ? cycleIdOfUid(db, p.cycleUid) : undefined;
    if (cycleId === undefined) return 'waiting';
    if (decisionId === undefined) {
      const home = p.decisionCycleUid ? cycleIdOfUid(db, p.decisionCycleUid) : cycleId;
      if (p.kind !== 'recorded' || home === undefined) return 'waiting';
      decisionId = createDecision(db, p, home);
    }
  }
  const hlc = p.hlc && isHlc(p.hlc) ? p.hlc : hlcFromIso(p.at, ev.laptop_id);
  const writes = legacy ? legacyWrites(p, ev.laptop_id) : p.writes!;
  const nowMs = Date.parse(now);
  takeWrites(db, writes, nowMs);
  seeHlc(db, hlc, nowMs);
  // The fields and orders the writes touch, recomputed from every write held.
  const uids = new Set(writes.filter((w) => w.entity === 'decision').map((w) => w.uid));
  for (const uid of uids) {
    const id = decisionIdOf(db, uid);
    if (id !== undefined) applyDecisionWinners(db, id, p.at);
  }
  const cycles = new Set(
    writes.filter((w) => w.field.startsWith('rank:')).map((w) => cycleIdOfUid(db, w.field.slice('rank:'.length))),
  );
  // A decision created now takes its place in every cycle it has a rank in.
  if (p.kind === 'recorded') cycles.add(cycleId);
  for (const c of cycles) if (c !== undefined) applyCycleOrder(db, c, p.at);
  const seen = db.prepare('SELECT 1 FROM decision_events WHERE decision_id = ? AND hlc = ?').get(decisionId, hlc);
  if (!seen) {
    const seq =
      (
        db.prepare('SELECT max(seq) AS s FROM decision_events WHERE decision_id = ?').get(decisionId) as {
          s: number | null;
        }
      ).s ?? 0;
    const body = {
      cycleId,
      changes: p.changes ?? [],
      comment: p.comment ?? null,
      ...(p.exceptionKeys ? { exceptionKeys: p.exceptionKeys } : {}),
    };
    db.prepare(
      'INSERT INTO decision_events (decision_id, seq, kind, payload, actor, at, hlc, laptop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(decisionId, seq + 1, p.kind, JSON.stringify(body), p.actor, p.at, hlc, ev.laptop_id);
  }
  return 'applied';
}

function applyIssueChange(db: WriteDb, p: IssuePayload, now: string): Outcome {
  // An entry pushed before writes travelled names its cycle by a local id only: nothing to merge.
  if (!Array.isArray(p.writes) || !p.cycleUid) return 'applied';
  const cycleId = cycleIdOfUid(db, p.cycleUid);
  if (cycleId === undefined) return 'waiting';
  const i = p.issue;
  let issueId = (
    db
      .prepare('SELECT max(id) AS id FROM data_issues WHERE cycle_id = ? AND fingerprint = ?')
      .get(cycleId, i.fingerprint) as {
      id: number | null;
    }
  ).id;
  if (issueId === null) {
    // Raised on the other laptop only (a parked exception): made here from the change.
    const source = typeof i.source_id === 'string' ? i.source_id : null;
    const sourceHere = source !== null && db.prepare('SELECT 1 FROM sources WHERE id = ?').get(source) !== undefined;
    issueId = Number(
      db
        .prepare(
          `INSERT INTO data_issues (cycle_id, kind, source_id, fingerprint, summary, owner_role, assignee, deadline,
             evidence, created_at, exception_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
        )
        .run(
          cycleId,
          String(i.kind),
          sourceHere ? source : null,
          i.fingerprint,
          String(i.summary ?? ''),
          String(i.owner_role ?? ''),
          typeof i.assignee === 'string' ? i.assignee : null,
          String(i.deadline ?? ''),
          String(i.created_at ?? p.comment.at),
          typeof i.exception_key === 'string' ? i.exception_key : null,
        ).lastInsertRowid,
    );
  }
  const nowMs = Date.parse(now);
  takeWrites(db, p.writes, nowMs);
  if (p.hlc && isHlc(p.hlc)) seeHlc(db, p.hlc, nowMs);
  applyIssueWinners(db, issueId);
  const c = p.comment;
  const here = db
    .prepare('SELECT 1 FROM data_issue_comments WHERE issue_id = ? AND author = ? AND body = ? AND created_at = ?')
    .get(issueId, c.author, c.body, c.at);
  if (!here) {
    db.prepare('INSERT INTO data_issue_comments (issue_id, author, body, created_at, hlc) VALUES (?, ?, ?, ?, ?)').run(
      issueId,
      c.author,
      c.body,
      c.at,
      c.hlc ?? p.hlc ?? null,
    );
  }
  return 'applied';
}

/** One pulled event; the caller's transaction. Kinds with nothing to merge are applied as they are. */
export function applyEvent(db: WriteDb, ev: HubEventRow, now: string): Outcome {
  const payload = JSON.parse(ev.payload) as unknown;
  if (ev.kind === 'decision_event') return applyDecisionEvent(db, ev, payload as DecisionPayload, now);
  if (ev.kind === 'data_issue_change') return applyIssueChange(db, payload as IssuePayload, now);
  return 'applied';
}

/**
 * One event in its own savepoint: one that cannot be applied (a value this schema refuses, sent
 * by a newer or broken Planroom) is logged and set aside, and never blocks the events after it.
 */
function applySafely(db: WriteDb, ev: HubEventRow, at: string): Outcome {
  try {
    return db.transaction(() => applyEvent(db, ev, at))();
  } catch (e) {
    writeLog('warn', `hub event ${ev.hub_seq} from laptop ${ev.laptop_id.slice(0, 40)} set aside`, e);
    return 'applied';
  }
}

export function waitingCount(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM hub_events WHERE applied_at IS NULL').get() as { n: number }).n;
}

/** Applies every pulled event not yet applied, in hub order, one transaction per batch. */
export async function applyPulled(db: WriteDb, writes: WriteQueue, now: () => string): Promise<ApplyResult> {
  let after = 0;
  let applied = 0;
  for (;;) {
    const done = await writes.run(() =>
      writeTx(db, 'sync-apply', () => {
        const rows = db
          .prepare(
            'SELECT hub_seq, laptop_id, kind, payload FROM hub_events WHERE applied_at IS NULL AND hub_seq > ? ORDER BY hub_seq LIMIT ?',
          )
          .all(after, BATCH) as HubEventRow[];
        const at = now();
        const mark = db.prepare('UPDATE hub_events SET applied_at = ? WHERE hub_seq = ?');
        let n = 0;
        for (const ev of rows) {
          if (applySafely(db, ev, at) === 'applied') {
            mark.run(at, ev.hub_seq);
            n++;
          }
        }
        return { n, last: rows.at(-1)?.hub_seq, more: rows.length === BATCH };
      }),
    );
    applied += done.n;
    if (done.last !== undefined) after = done.last;
    if (!done.more) break;
  }
  // Waiting events are tried again on every run (after a bundle import brings their cycle).
  return { applied, waiting: await writes.run(() => waitingCount(db)) };
}
