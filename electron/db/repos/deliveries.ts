// Delivery state of the HTTP and file-drop targets (migration 0011): they read the one outbox the
// hub reads, and keep per entry whether it was delivered or refused for good, with the answer.
import type { ReadDb, WriteDb } from '../types';
import { writeTx } from '../writeTx';
import type { OutboxRow } from './sync';

/** Entries of the given kinds that a target has neither delivered nor failed, oldest first. */
export function pendingFor(db: ReadDb, target: string, kinds: readonly string[], limit: number): OutboxRow[] {
  return db
    .prepare(
      `SELECT o.id, o.idempotency_key, o.kind, o.payload, o.created_at FROM outbox o
        WHERE o.kind IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.target_id = ? AND d.outbox_id = o.id)
        ORDER BY o.id LIMIT ?`,
    )
    .all(JSON.stringify(kinds), target, limit) as OutboxRow[];
}

export interface DeliveryMark {
  outboxId: number;
  state: 'delivered' | 'failed';
  httpStatus?: number | null;
  response?: string | null;
}

/** Records the outcome of entries for a target in one transaction (a repeat keeps the last). */
export function markDeliveries(db: WriteDb, target: string, marks: readonly DeliveryMark[], at: string): void {
  writeTx(db, 'sync', () => {
    const put = db.prepare(
      `INSERT INTO outbox_deliveries (target_id, outbox_id, state, http_status, response, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (target_id, outbox_id) DO UPDATE SET state = excluded.state, http_status = excluded.http_status,
         response = excluded.response, at = excluded.at`,
    );
    for (const m of marks) {
      put.run(target, m.outboxId, m.state, m.httpStatus ?? null, m.response?.slice(0, 2000) ?? null, at);
    }
  });
}

/** Forgets a target's failures, so the next run sends those entries again. */
export function clearFailures(db: WriteDb, target: string): number {
  return writeTx(db, 'sync', () =>
    db.prepare("DELETE FROM outbox_deliveries WHERE target_id = ? AND state = 'failed'").run(target),
  ).changes;
}

export function deliveryCounts(
  db: ReadDb,
  target: string,
  kinds: readonly string[],
): { pending: number; delivered: number; failed: number } {
  return (
    db
      .prepare(
        `SELECT
         (SELECT count(*) FROM outbox o WHERE o.kind IN (SELECT value FROM json_each(?1))
            AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.target_id = ?2 AND d.outbox_id = o.id)) pending,
         (SELECT count(*) FROM outbox_deliveries WHERE target_id = ?2 AND state = 'delivered') delivered,
         (SELECT count(*) FROM outbox_deliveries WHERE target_id = ?2 AND state = 'failed') failed`,
      )
      // Numbered parameters (?1 used twice) are bound by number: better-sqlite3 refuses them as a list.
      .get({ 1: JSON.stringify(kinds), 2: target }) as { pending: number; delivered: number; failed: number }
  );
}

export function lastFailure(
  db: ReadDb,
  target: string,
): { idempotencyKey: string; kind: string; status: number | null; response: string; at: string } | null {
  return (
    (db
      .prepare(
        `SELECT o.idempotency_key AS idempotencyKey, o.kind, d.http_status AS status, coalesce(d.response, '') AS response, d.at
           FROM outbox_deliveries d JOIN outbox o ON o.id = d.outbox_id
          WHERE d.target_id = ? AND d.state = 'failed' ORDER BY d.at DESC, d.outbox_id DESC LIMIT 1`,
      )
      .get(target) as
      { idempotencyKey: string; kind: string; status: number | null; response: string; at: string } | undefined) ?? null
  );
}
