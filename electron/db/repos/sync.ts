// Sync state in SQLite: this laptop's id, each target's configuration and health, the outbox
// entries still to deliver, and the events pulled from the hub.
import type { ReadDb, WriteDb } from '../types';
import { nowIso } from '../types';
import { writeTx } from '../writeTx';

export interface SyncTargetRow {
  id: string;
  kind: string;
  config: string;
  paused: 0 | 1;
  pull_cursor: number;
  failures: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_hint: string | null;
}

export interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload: string;
  created_at: string;
}

export interface PulledEvent {
  seq: number;
  idempotencyKey: string;
  laptopId: string;
  kind: string;
  payload: string;
  createdAt: string;
}

/** This laptop's stable id (made by migration 0010): it names this laptop's events on the hub. */
export function laptopId(db: ReadDb): string {
  return (db.prepare("SELECT value FROM sync_state WHERE key = 'laptop_id'").get() as { value: string }).value;
}

export function listTargets(db: ReadDb): SyncTargetRow[] {
  return db.prepare('SELECT * FROM sync_targets ORDER BY id').all() as SyncTargetRow[];
}

export function getTarget(db: ReadDb, id: string): SyncTargetRow | undefined {
  return db.prepare('SELECT * FROM sync_targets WHERE id = ?').get(id) as SyncTargetRow | undefined;
}

/** Sets a target's configuration; a new one starts healthy, a changed one forgets old errors. */
export function saveTarget(db: WriteDb, id: string, kind: string, config: object): void {
  const at = nowIso();
  writeTx(db, 'sync', () =>
    db
      .prepare(
        `INSERT INTO sync_targets (id, kind, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, config = excluded.config, failures = 0,
           next_attempt_at = NULL, last_error = NULL, last_error_hint = NULL, updated_at = excluded.updated_at`,
      )
      .run(id, kind, JSON.stringify(config), at, at),
  );
}

export function deleteTarget(db: WriteDb, id: string): void {
  writeTx(db, 'sync', () => db.prepare('DELETE FROM sync_targets WHERE id = ?').run(id));
}

/** False when there is no such target (the caller reports it). */
export function setPaused(db: WriteDb, id: string, paused: boolean): boolean {
  return (
    writeTx(db, 'sync', () =>
      db.prepare('UPDATE sync_targets SET paused = ?, updated_at = ? WHERE id = ?').run(paused ? 1 : 0, nowIso(), id),
    ).changes > 0
  );
}

export function recordSuccess(db: WriteDb, id: string, at: string): void {
  writeTx(db, 'sync', () =>
    db
      .prepare(
        `UPDATE sync_targets SET failures = 0, next_attempt_at = NULL, last_attempt_at = ?, last_success_at = ?,
           last_error = NULL, last_error_hint = NULL WHERE id = ?`,
      )
      .run(at, at, id),
  );
}

export function recordFailure(db: WriteDb, id: string, at: string, next: string, error: string, hint: string): void {
  writeTx(db, 'sync', () =>
    db
      .prepare(
        `UPDATE sync_targets SET failures = failures + 1, next_attempt_at = ?, last_attempt_at = ?, last_error = ?,
           last_error_hint = ? WHERE id = ?`,
      )
      .run(next, at, error, hint, id),
  );
}

/**
 * The oldest entries not yet delivered to a target, in the order they were written; `afterId`:
 * only those after it (a push reads its next batch while the last one's marks are being written).
 */
export function pendingOutbox(db: ReadDb, target: string, limit: number, afterId = 0): OutboxRow[] {
  return db
    .prepare(
      `SELECT id, idempotency_key, kind, payload, created_at FROM outbox
       WHERE target = ? AND delivered_at IS NULL AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(target, afterId, limit) as OutboxRow[];
}

export function markDelivered(db: WriteDb, ids: number[], at: string): void {
  writeTx(db, 'sync', () =>
    db
      .prepare(
        `UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL
         WHERE id IN (SELECT value FROM json_each(?)) AND delivered_at IS NULL`,
      )
      .run(at, JSON.stringify(ids)),
  );
}

/** Stores pulled events (a repeat is ignored) and moves the cursor past them, in one transaction. */
export function storePulled(db: WriteDb, target: string, events: PulledEvent[], cursor: number): number {
  const at = nowIso();
  return writeTx(db, 'sync', () => {
    const insert = db.prepare(
      `INSERT OR IGNORE INTO hub_events (hub_seq, idempotency_key, laptop_id, kind, payload, created_at, pulled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    let stored = 0;
    for (const e of events) {
      stored += insert.run(e.seq, e.idempotencyKey, e.laptopId, e.kind, e.payload, e.createdAt, at).changes;
    }
    db.prepare('UPDATE sync_targets SET pull_cursor = max(pull_cursor, ?) WHERE id = ?').run(cursor, target);
    return stored;
  });
}

export function outboxCounts(db: ReadDb, target: string): { pending: number; delivered: number } {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE delivered_at IS NULL) pending, count(*) FILTER (WHERE delivered_at IS NOT NULL) delivered
       FROM outbox WHERE target = ?`,
    )
    .get(target) as { pending: number; delivered: number };
}

/** Undelivered entries for targets that are not configured. */
export function undeliverableCount(db: ReadDb): number {
  return (
    db
      .prepare(
        'SELECT count(*) n FROM outbox WHERE delivered_at IS NULL AND target NOT IN (SELECT id FROM sync_targets)',
      )
      .get() as { n: number }
  ).n;
}

/** Events pulled from the hub; the one hub's, since hub_events names no target (migration 0010). */
export const pulledCount = (db: ReadDb): number =>
  (db.prepare('SELECT count(*) n FROM hub_events').get() as { n: number }).n;
