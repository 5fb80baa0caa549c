// The "push" figure (BENCHMARKS.md): 10k decision events from a fresh laptop's outbox to a fresh
// hub schema on a real PostgreSQL (started here, as the sync tests start theirs), through the
// app's own code path: exchangeWithHub, with its batches of INSERT ... ON CONFLICT DO NOTHING,
// the local "delivered" marks through the write queue, and the pull that follows (which reads
// this laptop's own events back, without their payloads, to move the cursor past them). Beside it, in the same
// run and on the same server: COPY FROM STDIN (pg-copy-streams) of the same rows, the same
// columns, into an identical table made from the same hub migration: the bulk-load floor.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openReadConnection } from '../../electron/db/readConnection';
import { laptopId, outboxCounts, pendingOutbox, type OutboxRow } from '../../electron/db/repos/sync';
import { nowIso } from '../../electron/db/types';
import { WriteQueue } from '../../electron/services/writeQueue';
import { loadHubMigrations, prepareHub } from '../../electron/sync/hubSchema';
import { exchangeWithHub } from '../../electron/sync/hubSync';
import { postgresBin, startPostgres } from '../helpers/postgres';
import { pushOutbox } from './pushFixture';
import type { Figure } from './figure';


const COUNT = 10_000;
const RATE_TARGET = 5_000;
const RATIO_TARGET = 3;

/** One CSV field, always quoted (payloads hold commas, quotes and newlines). */
const csv = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** COPY of the rows into peer.events (the hub's own DDL, in another schema); returns seconds. */
async function copyPeer(client: pg.Client, laptop: string, rows: OutboxRow[]): Promise<number> {
  await client.query('CREATE SCHEMA peer');
  for (const m of loadHubMigrations()) await client.query(m.sql.replaceAll('planroom.', 'peer.'));
  const t0 = performance.now();
  // Chunks of 500 lines: one stream write per row would measure the stream, not COPY.
  const chunks = function* () {
    for (let i = 0; i < rows.length; i += 500) {
      yield rows
        .slice(i, i + 500)
        .map((r) => `${csv(r.idempotency_key)},${csv(laptop)},${csv(r.kind)},${csv(r.payload)},${csv(r.created_at)}\n`)
        .join('');
    }
  };
  await pipeline(
    Readable.from(chunks()),
    client.query(
      copyFrom('COPY peer.events (idempotency_key, laptop_id, kind, payload, created_at) FROM STDIN (FORMAT csv)'),
    ),
  );
  return (performance.now() - t0) / 1000;
}

export async function benchPush(work: string): Promise<Figure[]> {
  const figure = `push (${COUNT / 1000}k decision events)`;
  if (!postgresBin()) {
    const none = 'PostgreSQL not installed (apt-get install postgresql)';
    return [{ figure, value: none, peer: '-', ratio: null, target: '-', pass: null }];
  }
  const dir = join(work, 'push');
  mkdirSync(dir, { recursive: true });
  const db = pushOutbox(join(dir, 'laptop.db'), COUNT);
  const read = openReadConnection(db);
  const server = await startPostgres();
  const client = new pg.Client({ connectionString: server.url('postgres') });
  try {
    await client.connect();
    await prepareHub(client);
    const laptop = laptopId(read);
    // The peer's rows, read before either is timed: the same entries the push will read.
    const rows = pendingOutbox(read, 'hub', COUNT + 1);
    if (rows.length !== COUNT) throw new Error(`push bench: ${rows.length} entries in the outbox, not ${COUNT}`);

    const t0 = performance.now();
    const done = await exchangeWithHub(db, read, new WriteQueue(), client, {
      target: 'hub',
      laptop,
      cursor: 0,
      now: nowIso,
    });
    const pushSecs = (performance.now() - t0) / 1000;
    const copySecs = await copyPeer(client, laptop, rows);

    // Both landed whole: every key once on the hub, the same keys in the peer, nothing pending.
    const check = await client.query<{ hub: string; peer: string; same: string }>(
      `SELECT (SELECT count(DISTINCT idempotency_key) FROM planroom.events) hub,
              (SELECT count(*) FROM peer.events) peer,
              (SELECT count(*) FROM planroom.events h JOIN peer.events p USING (idempotency_key)
                WHERE h.payload = p.payload AND h.created_at = p.created_at) same`,
    );
    const c = check.rows[0]!;
    const landed = Number(c.hub) === COUNT && Number(c.peer) === COUNT && Number(c.same) === COUNT;
    const whole = landed && done.pushed === COUNT && outboxCounts(read, 'hub').pending === 0;
    const rate = COUNT / pushSecs;
    const ratio = pushSecs / copySecs;
    const broken = whole ? '' : ` (NOT WHOLE: hub ${c.hub}, peer ${c.peer}, equal ${c.same}, pushed ${done.pushed})`;
    return [
      {
        figure,
        value: `${pushSecs.toFixed(2)} s, ${Math.round(rate).toLocaleString('en')} events/s${broken}`,
        peer: '-',
        ratio: null,
        target: `>= ${RATE_TARGET.toLocaleString('en')} events/s`,
        pass: whole && rate >= RATE_TARGET,
      },
      {
        figure: `${figure} vs COPY`,
        value: `${pushSecs.toFixed(2)} s`,
        peer: `COPY ${copySecs.toFixed(2)} s (${Math.round(COUNT / copySecs).toLocaleString('en')} rows/s)`,
        ratio,
        target: `<= ${RATIO_TARGET}x COPY`,
        pass: whole && ratio <= RATIO_TARGET,
      },
    ];
  } finally {
    await client.end().catch(() => undefined);
    server.stop();
    read.close();
    db.close();
  }
}
