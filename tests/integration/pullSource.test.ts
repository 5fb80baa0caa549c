// A pull from a source system's connection: one snapshot through the file import's pipeline,
// compared with importing the demo's export files (issue 18 item 3). The feeds are in-test table
// readers over the demo's typed tables (tests/helpers/demoReaders.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConnection } from '../../shared/calls/sources';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import { openDatabase } from '../../electron/db/open';
import { getConnection, saveConnection } from '../../electron/db/repos/sourceConnections';
import { demoDir } from '../../electron/paths';
import { pullSource, type PullOptions } from '../../electron/pulls/pullSource';
import { envSecrets } from '../../electron/secrets/envSecrets';
import type { ImportProgress } from '../../electron/snapshots/importSource';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { demoTablesOf } from '../helpers/demoTables';
import { demoConnection, demoHttpConnection, demoReaders, type DemoReaderOptions } from '../helpers/demoReaders';
import { tempDir } from '../helpers/tmp';
import { exceptionKeys, pinnedOf, snapshotCount } from '../helpers/cycleState';

const secrets = envSecrets({});
const PULLED_AT = new Date('2026-12-01T06:00:00.000Z');

async function pull(
  api: DemoApi,
  source: SourceSystem,
  connection: SourceConnection = demoConnection(source),
  opts: DemoReaderOptions & Partial<PullOptions> = {},
) {
  saveConnection(api.db, source, connection, null);
  return pullSource(api.db, getConnection(api.db, source)!, {
    secrets,
    now: () => PULLED_AT,
    makeReader: demoReaders(source, opts),
    ...opts,
  });
}

describe('pullSource: a pull is one snapshot through the import pipeline', () => {
  const dir = tempDir('planroom-pull-', 'all');
  let files: DemoApi;
  let pulled: DemoApi;

  beforeAll(async () => {
    for (const d of ['files', 'pulled']) mkdirSync(join(dir, d));
    files = await openDemoApi(join(dir, 'files'));
    pulled = await openDemoApi(join(dir, 'pulled'));
  }, 120_000);
  afterAll(async () => {
    await files?.close();
    await pulled?.close();
  });

  it('pulls every demo source with the row counts of the files and, pinned, the same exceptions', async () => {
    const before = pinnedOf(pulled);
    const progress: ImportProgress[] = [];
    for (const source of SOURCE_SYSTEMS) {
      const imported = files.db
        .prepare('SELECT row_counts, extracted_at FROM snapshots WHERE id = ?')
        .get(before[source]) as { row_counts: string; extracted_at: string };
      // Pulled when the files were exported: the planning as-of is the extraction time.
      const at = new Date(imported.extracted_at);
      const r = await pull(pulled, source, undefined, { now: () => at, onProgress: (p) => progress.push(p) });
      expect(r.unchanged).toBe(false);
      expect(r.rowCounts).toEqual(JSON.parse(imported.row_counts));
      expect(r.extractedAt).toBe(at.toISOString());
      expect(r.files.every((f) => f.file.startsWith('query for '))).toBe(true);
      await pulled.call('cycle.pin', { source, snapshotId: r.snapshotId, by: 'test', reason: 'pulled' });
    }
    // Progress counts rows (no byte total: the size of a feed is not known up front) with a pace.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.bytesTotal === 0)).toBe(true);
    expect(progress.at(-1)!.rows).toBeGreaterThan(0);
    expect(progress.some((p) => (p.rowsPerSecond ?? 0) > 0)).toBe(true);
    const pins = pinnedOf(pulled);
    for (const s of SOURCE_SYSTEMS) expect(pins[s]).not.toBe(before[s]);
    expect(await exceptionKeys(pulled)).toEqual(await exceptionKeys(files));
  }, 240_000);

  it("shows the pull's start as the source's extraction time on the cycle page", async () => {
    const r = await pull(pulled, 'ERP', undefined, {
      edit: (table, row, field) => (table === 'items' && row === 1 && field === 'Description' ? 'Fresh' : undefined),
    });
    expect(r.extractedAt).toBe(PULLED_AT.toISOString());
    await pulled.call('cycle.pin', { source: 'ERP', snapshotId: r.snapshotId, by: 'test', reason: 'pulled' });
    const o = await pulled.call('cycle.overview', {});
    const erp = o!.sources.find((s) => s.source === 'ERP')!;
    expect(erp.extractedAt).toBe(PULLED_AT.toISOString());
    expect(erp.ageHours).toBe(3); // the meeting is at 09:00Z
    expect(erp.stale).toBe(false);
    const conn = getConnection(pulled.db, 'ERP')!;
    expect(conn.lastPull).toMatchObject({ ok: true, unchanged: false, error: null, at: PULLED_AT.toISOString() });
    expect(conn.lastPull!.rows).toBeGreaterThan(0);
    expect(conn.lastGoodPullAt).toBe(PULLED_AT.toISOString());
  });

  it('an unchanged second pull is a no-op; a changed cell makes a new snapshot', async () => {
    const n = snapshotCount(pulled);
    const pinned = pinnedOf(pulled).ERP;
    const fresh = (table: string, row: number, field: string) =>
      table === 'items' && row === 1 && field === 'Description' ? 'Fresh' : undefined;
    const again = await pull(pulled, 'ERP', undefined, {
      now: () => new Date('2026-12-01T07:00:00.000Z'),
      edit: fresh,
    });
    expect(again).toMatchObject({ unchanged: true, snapshotId: pinned, files: [] });
    expect(snapshotCount(pulled)).toBe(n);
    expect(getConnection(pulled.db, 'ERP')!.lastPull).toMatchObject({ ok: true, unchanged: true, snapshotId: pinned });

    const changed = await pull(pulled, 'ERP', undefined, {
      now: () => new Date('2026-12-01T07:30:00.000Z'),
      edit: (table, row, field) => (table === 'items' && row === 0 && field === 'Description' ? 'Renamed' : undefined),
    });
    expect(changed.unchanged).toBe(false);
    expect(snapshotCount(pulled)).toBe(n + 1);
    // Back to the content of an older snapshot: a new, fresher snapshot, not the old one.
    const back = await pull(pulled, 'ERP', undefined, {
      now: () => new Date('2026-12-01T08:00:00.000Z'),
      edit: fresh,
    });
    expect(back.unchanged).toBe(false);
    expect(back.snapshotId).not.toBe(pinned);
    expect(snapshotCount(pulled)).toBe(n + 2);
  });

  it('a reader failing mid-table leaves no snapshot, the previous one pinned, and records the failure', async () => {
    const n = snapshotCount(pulled);
    const pins = pinnedOf(pulled);
    const good = getConnection(pulled.db, 'WMS')!.lastGoodPullAt;
    const failing = pull(pulled, 'WMS', undefined, {
      now: () => new Date('2026-12-01T08:30:00.000Z'),
      failAt: { table: 'stock', row: 150 },
    });
    await expect(failing).rejects.toThrow(/closed the connection/);
    expect(snapshotCount(pulled)).toBe(n);
    expect(pinnedOf(pulled)).toEqual(pins);
    const conn = getConnection(pulled.db, 'WMS')!;
    expect(conn.lastPull).toMatchObject({
      ok: false,
      snapshotId: null,
      at: '2026-12-01T08:30:00.000Z',
      error: {
        code: 'import_failed',
        message: expect.stringMatching(/closed the connection/),
        where: { file: 'query for stock' },
      },
    });
    expect(conn.lastGoodPullAt).toBe(good);
    expect(
      pulled.db.prepare('SELECT count(*) n FROM stock WHERE snapshot_id NOT IN (SELECT id FROM snapshots)').get(),
    ).toEqual({ n: 0 });
  });

  it('refuses, before reading, a required table the connection names no query for', async () => {
    const c = demoConnection('TMS');
    const { lanes: _dropped, ...rest } = c.queries as Record<string, string>;
    void _dropped;
    const n = snapshotCount(pulled);
    const e = await pull(pulled, 'TMS', { ...c, queries: rest }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/no query for the lanes table/);
    expect((e as AppError).hint).toMatch(/planroom source set TMS/);
    expect(snapshotCount(pulled)).toBe(n);
  });

  it('refuses an HTTP connection that logs in with a secret when none is set, naming the variable', async () => {
    const http: SourceConnection = {
      kind: 'http',
      odata: false,
      auth: { kind: 'bearer' },
      timeoutSeconds: 30,
      retries: 0,
      maxPageMb: 16,
      tables: { customers: { url: 'https://crm.example/api/customers', rowsPath: 'data', paging: { kind: 'none' } } },
    };
    const e = await pull(pulled, 'CRM', http).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/needs a secret/);
    expect((e as AppError).hint).toMatch(/PLANROOM_SOURCE_CRM_SECRET/);
    expect(getConnection(pulled.db, 'CRM')!.lastPull).toMatchObject({
      ok: false,
      error: { hint: expect.stringContaining('PLANROOM_SOURCE_CRM_SECRET') },
    });
  });

  it('a folder connection pulls as an import of the folder does', async () => {
    const fresh = openDatabase(join(dir, 'folder.db'));
    try {
      saveConnection(fresh, 'ERP', { kind: 'folder', dir: join(demoDir(), 'erp') }, null);
      const r = await pullSource(fresh, getConnection(fresh, 'ERP')!, { secrets });
      const imported = files.db
        .prepare('SELECT row_counts, checksum, extracted_at FROM snapshots WHERE id = ?')
        .get(pinnedOf(files).ERP) as {
        row_counts: string;
        checksum: string;
        extracted_at: string;
      };
      expect(r.rowCounts).toEqual(JSON.parse(imported.row_counts));
      expect(r.extractedAt).toBe(imported.extracted_at);
      expect(fresh.prepare('SELECT checksum FROM snapshots WHERE id = ?').get(r.snapshotId)).toEqual({
        checksum: imported.checksum,
      });
      expect(getConnection(fresh, 'ERP')!.lastPull).toMatchObject({ ok: true, snapshotId: r.snapshotId });
    } finally {
      fresh.close();
    }
  });

  it('modified-since: a first pull reads everything, the next ones only the changed rows, laid over by key', async () => {
    // The database of file imports: TMS was never pulled there, so the first pull reads every row.
    const api = files;
    const conn = demoHttpConnection('TMS', ['lanes']);
    const lanes = demoTablesOf('TMS', 'S').find((t) => t.table === 'lanes')!;
    const stored = (id: number) =>
      (api.db.prepare('SELECT count(*) n FROM lanes WHERE snapshot_id = ?').get(id) as { n: number }).n;
    const made: { table: string; since?: string | null }[] = [];
    const first = await pull(api, 'TMS', conn, { made, now: () => new Date('2026-12-01T06:10:00.000Z') });
    expect(made.every((m) => m.since === null)).toBe(true);
    const full = stored(first.snapshotId);
    expect(full).toBeGreaterThan(1);

    // One lane changed: only it is read, the other lanes come from the previous snapshot.
    const firstLane = [...lanes.rows()][0]!;
    const numeric = lanes.fields.findIndex((_, i) => typeof firstLane[i] === 'number');
    const field = lanes.fields[numeric]!;
    const edit = (table: string, row: number, f: string) =>
      table === 'lanes' && row === 0 && f === field ? (firstLane[numeric] as number) + 1 : undefined;
    made.length = 0;
    const changed = await pull(api, 'TMS', conn, { made, edit, now: () => new Date('2026-12-01T06:20:00.000Z') });
    expect(made.find((m) => m.table === 'lanes')!.since).toBe('2026-12-01T06:10:00.000Z');
    expect(changed.unchanged).toBe(false);
    expect(changed.files.find((f) => f.table === 'lanes')!.rows).toBe(1);
    expect(changed.rowCounts.lanes).toBe(full);
    expect(stored(changed.snapshotId)).toBe(full);
    // The changed lane has its new value; every other lane is as it was.
    const alike = api.db
      .prepare(
        `SELECT count(*) n FROM lanes n JOIN lanes p ON p.snapshot_id = ? AND p.lane = n.lane
         WHERE n.snapshot_id = ? AND n.origin IS p.origin AND n.destination IS p.destination AND n.mode IS p.mode
           AND n.transit_days IS p.transit_days AND n.cost_per_load IS p.cost_per_load`,
      )
      .get(first.snapshotId, changed.snapshotId) as { n: number };
    expect(alike.n).toBe(full - 1);

    // Nothing changed since: no lanes read, the rest as before, so the pull is a no-op.
    const same = await pull(api, 'TMS', conn, { now: () => new Date('2026-12-01T06:30:00.000Z') });
    expect(same).toMatchObject({ unchanged: true, snapshotId: changed.snapshotId });

    // A changed profile maps rows otherwise: the next pull reads every row again.
    const { profile } = await api.call('profile.get', { source: 'TMS' });
    const lanesOptional = {
      ...profile,
      files: profile.files.map((f) => (f.table === 'lanes' ? { ...f, optional: true } : f)),
    };
    await api.call('profile.save', { source: 'TMS', profile: lanesOptional, by: 'test' });
    made.length = 0;
    const afterProfile = await pull(api, 'TMS', conn, { made, now: () => new Date('2026-12-01T06:40:00.000Z') });
    expect(made.every((m) => m.since === null)).toBe(true);
    expect(afterProfile.files.find((f) => f.table === 'lanes')!.rows).toBe(full);
  });
});
