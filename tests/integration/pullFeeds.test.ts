// Whole demo sources pulled from the real readers: the OData feed of the test HTTP server
// (tests/helpers/feedServer.ts) and a real PostgreSQL loaded with the demo company
// (tests/helpers/demoPostgres.ts). Each gives the row counts of importing the demo files and,
// with every source pinned, the same exceptions.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConnection } from '../../shared/calls/sources';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { getConnection, saveConnection } from '../../electron/db/repos/sourceConnections';
import { pullSource } from '../../electron/pulls/pullSource';
import { envNameOf } from '../../electron/secrets/secretStore';
import { envSecrets } from '../../electron/secrets/envSecrets';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { loadDemoPostgres, type DemoPostgres } from '../helpers/demoPostgres';
import { startFeedServer, type FeedServer } from '../helpers/feedServer';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';
import { exceptionKeys, pinnedOf } from '../helpers/cycleState';

const TOKEN = 'feed-token-pull-3b7a';

/** Pulls every source of `api` from its connection, at the files' extraction times, and pins each. */
async function pullAll(
  api: DemoApi,
  files: DemoApi,
  connectionOf: (s: SourceSystem) => SourceConnection,
  secret: string,
): Promise<void> {
  const env = Object.fromEntries(SOURCE_SYSTEMS.map((s) => [envNameOf(`source:${s}`), secret]));
  const secrets = envSecrets(env);
  const imported = pinnedOf(files);
  for (const source of SOURCE_SYSTEMS) {
    const snap = files.db
      .prepare('SELECT row_counts, extracted_at FROM snapshots WHERE id = ?')
      .get(imported[source]) as { row_counts: string; extracted_at: string };
    saveConnection(api.db, source, connectionOf(source), null);
    const r = await pullSource(api.db, getConnection(api.db, source)!, {
      secrets,
      now: () => new Date(snap.extracted_at),
    });
    expect(r.unchanged).toBe(false);
    expect(r.rowCounts, source).toEqual(JSON.parse(snap.row_counts));
    expect(r.rejectedCount).toBe(0);
    await api.call('cycle.pin', { source, snapshotId: r.snapshotId, by: 'test', reason: 'pulled' });
  }
  const stored = api.db
    .prepare('SELECT origin, checksum FROM snapshots WHERE id IN (SELECT snapshot_id FROM cycle_snapshots)')
    .all() as {
    origin: string;
    checksum: string;
  }[];
  expect(stored.every((s) => s.checksum.startsWith('pull:'))).toBe(true);
  for (const s of stored) expect(s.origin).not.toContain(secret);
}

describe('pulling whole demo sources from the real readers', () => {
  const dir = tempDir('planroom-pull-feeds-', 'all');
  let files: DemoApi;
  let feed: FeedServer;
  let server: TestPostgres;
  let demo: DemoPostgres;

  beforeAll(async () => {
    for (const d of ['files', 'http', 'pg']) mkdirSync(join(dir, d));
    files = await openDemoApi(join(dir, 'files'));
    feed = await startFeedServer({ size: 'S', token: TOKEN });
    server = await startPostgres();
    demo = await loadDemoPostgres(server, 'S');
  }, 240_000);
  afterAll(async () => {
    await files?.close();
    await feed?.close();
    server?.stop();
  });

  it('from the OData feeds: the files’ row counts and the same exceptions', async () => {
    const api = await openDemoApi(join(dir, 'http'));
    try {
      await pullAll(api, files, (s) => ({ ...feed.settingsFor(s, 'odata'), auth: { kind: 'bearer' } }), TOKEN);
      expect(await exceptionKeys(api)).toEqual(await exceptionKeys(files));
      // Pulled again: nothing changed at the source, so nothing is written.
      const again = await pullSource(api.db, getConnection(api.db, 'ERP')!, {
        secrets: envSecrets({ PLANROOM_SOURCE_ERP_SECRET: TOKEN }),
      });
      expect(again).toMatchObject({ unchanged: true, snapshotId: pinnedOf(api).ERP });

      // Modified-since on customers: the feed is asked ($filter) only for rows changed since the
      // last good pull; none were, so the previous customers are carried over.
      const settings = { ...feed.settingsFor('ERP', 'odata'), auth: { kind: 'bearer' as const } };
      settings.tables.customers = { ...settings.tables.customers!, modifiedSince: 'ModifiedAt' };
      saveConnection(api.db, 'ERP', settings, null);
      const since = getConnection(api.db, 'ERP')!.lastGoodPullAt!;
      const asked = feed.requests.length;
      const secrets = envSecrets({ PLANROOM_SOURCE_ERP_SECRET: TOKEN });
      const delta = await pullSource(api.db, getConnection(api.db, 'ERP')!, { secrets });
      const filtered = feed.requests.slice(asked).filter((r) => decodeURIComponent(r.url).includes('$filter'));
      expect(filtered).toHaveLength(1);
      expect(decodeURIComponent(filtered[0]!.url)).toContain('ModifiedAt gt');
      expect(delta.files.find((f) => f.table === 'customers')!.rows).toBe(0);
      expect(delta.rowCounts).toEqual(again.rowCounts);
      expect(since).not.toBeNull();
      // The table is hashed as stored from now on: the next pull that brings nothing is a no-op.
      const still = await pullSource(api.db, getConnection(api.db, 'ERP')!, { secrets });
      expect(still).toMatchObject({ unchanged: true, snapshotId: delta.snapshotId });
    } finally {
      await api.close();
    }
  }, 240_000);

  it('from PostgreSQL: the files’ row counts and the same exceptions', async () => {
    const api = await openDemoApi(join(dir, 'pg'));
    try {
      await pullAll(api, files, (s) => demo.sources[s], demo.reader.password);
      expect(await exceptionKeys(api)).toEqual(await exceptionKeys(files));
    } finally {
      await api.close();
    }
  }, 240_000);
});
