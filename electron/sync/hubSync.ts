// One exchange with the hub: push this laptop's outbox in batches, then pull the events other
// laptops pushed since the cursor. A push is one multi-row INSERT ... ON CONFLICT
// (idempotency_key) DO NOTHING per batch: sent twice (a crash between the hub's COMMIT and the
// local "delivered" mark, or a lost answer), the second is a no-op, so every event lands
// exactly once. Named crash points (PLANROOM_TEST_CRASH_AT=sync-push:before-commit|after-commit)
// let the tests kill the process inside a push.
import type { ClientBase } from 'pg';
import { crashPoint } from '../db/crashPoints';
import type { ReadDb, WriteDb } from '../db/types';
import { markDelivered, pendingOutbox, storePulled, type OutboxRow, type PulledEvent } from '../db/repos/sync';
import type { WriteQueue } from '../services/writeQueue';

/** Taken by every push, so hub seq order is commit order and a pulling cursor never skips one. */
const PUSH_LOCK = 7_201_602;
export const PUSH_BATCH = 1000;
const PULL_BATCH = 2000;

export interface HubExchange {
  pushed: number;
  pulled: number;
}

/**
 * The batch as one JSON array, each entry's payload spliced in as it is stored (the outbox's
 * CHECK (json_valid(payload)) makes it JSON already): PostgreSQL parses it once, where four text
 * arrays had pg escape every payload as an array element and the hub parse each twice (the array
 * literal, then ::jsonb). On 10k events that escaping and its garbage were most of this side's
 * time (tests/bench/pushBench.ts).
 */
const batchJson = (rows: OutboxRow[]): string =>
  `[${rows
    .map(
      (r) =>
        `{"k":${JSON.stringify(r.idempotency_key)},"kind":${JSON.stringify(r.kind)},"created_at":${JSON.stringify(r.created_at)},"payload":${r.payload}}`,
    )
    .join(',')}]`;

/** Pushes one batch; returns the outbox ids the hub now holds (inserted now or before). */
async function pushBatch(client: ClientBase, laptop: string, rows: OutboxRow[]): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    await client.query(
      `INSERT INTO planroom.events (idempotency_key, laptop_id, kind, payload, created_at)
       SELECT k, $1, kind, payload, created_at
       FROM jsonb_to_recordset($2::jsonb) AS t(k text, kind text, payload jsonb, created_at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [laptop, batchJson(rows)],
    );
    crashPoint('sync-push', 'before-commit');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  crashPoint('sync-push', 'after-commit');
  return rows.map((r) => r.id);
}

export async function exchangeWithHub(
  db: WriteDb,
  /** Reads go to the read connection: an import's open transaction on `db` is never seen. */
  read: ReadDb,
  writes: WriteQueue,
  client: ClientBase,
  opts: { target: string; laptop: string; cursor: number; now: () => string },
): Promise<HubExchange> {
  let pushed = 0;
  // A batch's local mark is written while the next batch is on its way to the hub (the hub's
  // insert is the longer wait); only a batch the hub has committed is ever marked, so a crash
  // anywhere leaves at most unmarked batches, sent again and ignored by the hub.
  let marking: Promise<void> | null = null;
  try {
    let after = 0;
    for (;;) {
      const rows = pendingOutbox(read, opts.target, PUSH_BATCH, after);
      if (rows.length === 0) break;
      const ids = await pushBatch(client, opts.laptop, rows);
      await marking;
      // The local mark queues behind other writes: an import's long transaction is never joined.
      marking = writes.run(() => markDelivered(db, ids, opts.now()));
      // Its failure is awaited (and thrown) below; this only keeps it from counting as unhandled meanwhile.
      marking.catch(() => undefined);
      pushed += ids.length;
      after = ids.at(-1)!;
    }
  } finally {
    await marking;
  }
  let pulled = 0;
  let cursor = opts.cursor;
  for (;;) {
    const got = await client.query<{
      seq: string;
      idempotency_key: string;
      laptop_id: string;
      kind: string;
      payload: string | null;
      created_at: Date;
    }>(
      // This laptop's own events only move the cursor: their payloads are not sent back.
      `SELECT seq, idempotency_key, laptop_id, kind,
              CASE WHEN laptop_id = $3 THEN NULL ELSE payload::text END AS payload, created_at
       FROM planroom.events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [cursor, PULL_BATCH, opts.laptop],
    );
    if (got.rows.length === 0) break;
    const last = Number(got.rows.at(-1)!.seq);
    // This laptop's own events come back too: skipped, but the cursor moves past them.
    const theirs: PulledEvent[] = got.rows
      .filter((r) => r.laptop_id !== opts.laptop)
      .map((r) => ({
        seq: Number(r.seq),
        idempotencyKey: r.idempotency_key,
        laptopId: r.laptop_id,
        kind: r.kind,
        payload: r.payload!,
        createdAt: r.created_at.toISOString(),
      }));
    pulled += await writes.run(() => storePulled(db, opts.target, theirs, last));
    cursor = last;
    if (got.rows.length < PULL_BATCH) break;
  }
  return { pushed, pulled };
}
