// Decisions in the decision priority log. Recording one writes, in one transaction, the decision,
// the first event of its append-only history, what it expects and answers, and the outbox entry
// the sync loop delivers to the hub (DESIGN.md: a decision and its outbox entry, all or nothing).
import { randomUUID } from 'node:crypto';
import { nowIso, type WriteDb } from '../types';
import { logScenario } from './scenarios';
import { writeTx } from '../writeTx';

export interface NewDecision {
  cycleId: number;
  title: string;
  rationale: string;
  owner: string;
  dueDate: string | null;
  scenarioId: number;
  scenarioName: string;
  exceptionKeys: string[];
  kpiId: string | null;
  expectedValue: number | null;
  expectations: { figure: string; kpiId: string | null; baseline: number | null; expected: number | null }[];
  recordedBy: string;
}

export interface RecordedDecision {
  id: number;
  uid: string;
  priorityRank: number;
  recordedAt: string;
}

export function recordDecision(db: WriteDb, d: NewDecision): RecordedDecision {
  const uid = randomUUID();
  const at = nowIso();
  return writeTx(db, 'scenario-choose', () => {
    const rank =
      (
        db.prepare('SELECT max(priority_rank) AS r FROM decisions WHERE cycle_id = ?').get(d.cycleId) as {
          r: number | null;
        }
      ).r ?? 0;
    const id = Number(
      db
        .prepare(
          `INSERT INTO decisions (uid, cycle_id, title, rationale, priority_rank, owner, due_date, exception_key,
             scenario_id, kpi_id, expected_value, status, recorded_by, recorded_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?)`,
        )
        .run(
          uid,
          d.cycleId,
          d.title,
          d.rationale,
          rank + 1,
          d.owner,
          d.dueDate,
          d.exceptionKeys[0] ?? null,
          d.scenarioId,
          d.kpiId,
          d.expectedValue,
          d.recordedBy,
          at,
          at,
        ).lastInsertRowid,
    );
    const expect = db.prepare(
      'INSERT INTO decision_expectations (decision_id, figure, kpi_id, baseline, expected) VALUES (?, ?, ?, ?, ?)',
    );
    for (const e of d.expectations) expect.run(id, e.figure, e.kpiId, e.baseline, e.expected);
    const answers = db.prepare(
      'INSERT INTO decision_exceptions (decision_id, cycle_id, exception_key) VALUES (?, ?, ?)',
    );
    for (const key of d.exceptionKeys) answers.run(id, d.cycleId, key);
    const event = {
      decision: {
        uid,
        cycleId: d.cycleId,
        title: d.title,
        rationale: d.rationale,
        priorityRank: rank + 1,
        owner: d.owner,
      },
      dueDate: d.dueDate,
      scenario: { id: d.scenarioId, name: d.scenarioName },
      kpiId: d.kpiId,
      expectedValue: d.expectedValue,
      expectations: d.expectations,
      exceptionKeys: d.exceptionKeys,
      status: 'proposed',
    };
    const payload = JSON.stringify(event);
    db.prepare(
      'INSERT INTO decision_events (decision_id, seq, kind, payload, actor, at) VALUES (?, 1, ?, ?, ?, ?)',
    ).run(id, 'recorded', payload, d.recordedBy, at);
    db.prepare(
      `INSERT INTO outbox (idempotency_key, target, kind, payload, created_at) VALUES (?, 'hub', 'decision_event', ?, ?)`,
    ).run(
      `decision_event:${uid}:1`,
      JSON.stringify({ uid, seq: 1, kind: 'recorded', actor: d.recordedBy, at, ...event }),
      at,
    );
    logScenario(db, d.scenarioId, d.cycleId, 'choose', { decision: uid, title: d.title }, d.recordedBy, at);
    return { id, uid, priorityRank: rank + 1, recordedAt: at };
  });
}
