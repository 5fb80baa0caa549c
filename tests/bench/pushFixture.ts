// The outbox of the push figure: 10k decision_event entries in a fresh laptop database, written
// by the decision repository itself (insertDecision, writeOrder, appendEvent), so each payload
// has the shape and size the app sends: the event, its changes and the decision as it stands
// after it. One transaction for all of them: the fixture is not what is measured.
import { openDatabase } from '../../electron/db/open';
import { appendEvent, insertDecision, updateDecision } from '../../electron/db/repos/decisions';
import { saveTarget } from '../../electron/db/repos/sync';
import type { WriteDb } from '../../electron/db/types';

/** Events per decision: recorded, owner changed, moved, agreed. */
const EVENTS_PER_DECISION = 4;
const OWNERS = ['COO', 'CFO', 'Logistics', 'Supply planning', 'Sales ops'];

/** A laptop database at `path` whose outbox holds `count` decision events for the hub (a multiple of 4). */
export function pushOutbox(path: string, count: number): WriteDb {
  const db = openDatabase(path);
  // The hub target is what the outbox is written for; its URL is never dialled (the bench hands
  // exchangeWithHub its own client).
  saveTarget(db, 'hub', 'postgres', { url: 'postgres://bench@127.0.0.1:5432/hub', tls: 'disable' });
  const decisions = Math.ceil(count / EVENTS_PER_DECISION);
  const base = Date.parse('2026-12-01T09:00:00.000Z');
  db.transaction(() => {
    const cycleId = Number(
      db
        .prepare(
          `INSERT INTO cycles (name, start_period, horizon_periods, meeting_at, created_at)
           VALUES ('2026-12 S&OP', '2026-W49', 26, '2026-12-01T09:00:00.000Z', '2026-11-30T12:00:00.000Z')`,
        )
        .run().lastInsertRowid,
    );
    // Ranked in the order recorded (writeOrder rewrites the whole order: quadratic here).
    const rank = db.prepare(
      'INSERT INTO cycle_decisions (cycle_id, decision_id, priority_rank, carried_from, linked_at) VALUES (?, ?, ?, NULL, ?)',
    );
    for (let i = 0; i < decisions; i++) {
      const at = (k: number) => new Date(base + (i * EVENTS_PER_DECISION + k) * 1000).toISOString();
      const owner = OWNERS[i % OWNERS.length]!;
      const { id } = insertDecision(db, {
        cycleId,
        title: `Add a second shift at plant P${i % 7} for family F${i % 40} (${i})`,
        rationale: 'Capacity shortfall of 1,240 h over weeks 3-6 breaks committed orders worth 310k.',
        owner,
        dueDate: '2026-12-15',
        function: 'supply',
        kpiId: 'service_level',
        expectedValue: 310_000 + i,
        scenarioId: null,
        exceptionKeys: [`capacity_shortfall:P${i % 7}:R${i % 13}`],
        expectations: [],
        recordedBy: 'Facilitator',
        at: at(0),
      });
      rank.run(cycleId, id, i + 1, at(0));
      appendEvent(db, { decisionId: id, kind: 'recorded', actor: 'Facilitator', at: at(0), cycleId });
      const next = OWNERS[(i + 1) % OWNERS.length]!;
      updateDecision(db, id, { owner: next }, at(1));
      appendEvent(db, {
        decisionId: id,
        kind: 'changed',
        actor: 'Facilitator',
        at: at(1),
        cycleId,
        changes: [{ field: 'owner', from: owner, to: next }],
      });
      appendEvent(db, {
        decisionId: id,
        kind: 'moved',
        actor: 'CFO',
        at: at(2),
        cycleId,
        changes: [{ field: 'priority_rank', from: i + 2, to: i + 1 }],
      });
      updateDecision(db, id, { status: 'agreed' }, at(3));
      appendEvent(db, {
        decisionId: id,
        kind: 'changed',
        actor: 'CFO',
        at: at(3),
        cycleId,
        changes: [{ field: 'status', from: 'proposed', to: 'agreed' }],
        comment: 'Agreed in the room.',
      });
    }
  })();
  return db;
}
