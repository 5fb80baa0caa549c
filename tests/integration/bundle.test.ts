// The cycle bundle for travellers (issue 17 item 6): a cycle of the demo company, with decisions,
// a data-issue comment and a scenario, exported to one file and imported as a second laptop's
// database reads back the same through the API (exceptions, KPIs, decisions with history and
// ranks, scenarios); the copy is another laptop with nothing of the first one's to send. A newer
// schema, a file that is not a bundle and an existing database are refused, writing nothing.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/bundle/exportBundle';
import { importBundle } from '../../electron/bundle/importBundle';
import { loadMigrations, migrate } from '../../electron/db/migrate';
import { openDatabase } from '../../electron/db/open';
import { pendingFor } from '../../electron/db/repos/deliveries';
import { laptopId } from '../../electron/db/repos/sync';
import type { WriteDb } from '../../electron/db/types';
import { EngineHost } from '../../electron/engine/engineHost';
import { migrationsDir } from '../../electron/paths';
import { bundleExportFile } from '../../electron/services/bundle';
import { WriteQueue } from '../../electron/services/writeQueue';
import { openReadConnection } from '../../electron/db/readConnection';
import { OUTBOX_KINDS } from '../../shared/calls/sync';
import { AppError } from '../../shared/domain/errors';
import { apiOn, openDemoApi, type DemoApi } from '../helpers/demoApi';
import { sha256, tempDir } from '../helpers/tmp';

/** The API over an existing database file, as the app opens it. */
const openApi = (path: string): DemoApi => apiOn(openDatabase(path, { create: false }), path);

/** The refusal an import throws, as its shape. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.toShape();
    throw e;
  }
  throw new Error('the import should have been refused');
}

const later = (iso: string, weeks: number) => new Date(Date.parse(iso) + weeks * 7 * 86_400_000).toISOString();
const fileSize = (f: string) => statSync(f).size + (existsSync(`${f}-wal`) ? statSync(`${f}-wal`).size : 0);

describe('cycle bundle', () => {
  const dir = tempDir('planroom-bundle-', 'all');
  const bundle = join(dir, 'jan.planroom');
  const copyPath = join(dir, 'traveller', 'planroom.db');
  let a: DemoApi;
  let b: DemoApi;
  let c2: number;
  let firstMeeting: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'traveller'));
    a = await openDemoApi(join(dir, 'a'));
    const first = await a.call('cycle.overview', {});
    firstMeeting = first!.cycle.meetingAt;
    const d1 = await a.call('decision.add', { title: 'Add a second shift at P1', owner: 'COO', by: 'Facilitator' });
    await a.call('decision.add', { title: 'Expedite lane D2-EAST', owner: 'Logistics', by: 'Facilitator' });
    await a.call('decision.set', { id: d1.id, status: 'agreed', by: 'CEO' });
    // Carried into the bundled cycle: a decision answering one of this cycle's exceptions, and a chosen scenario.
    const [answered] = (await a.call('exception.list', { limit: 1 })).rows;
    await a.call('decision.add', {
      title: 'Rebalance stock to D1',
      owner: 'Supply',
      exceptionKeys: [answered!.key],
      by: 'Facilitator',
    });
    const plan = await a.call('scenario.create', { name: 'Overtime in P1', owner: 'COO', levers: [], by: 'COO' });
    await a.call('scenario.choose', { id: plan.id, title: 'Go with overtime in P1', owner: 'COO', by: 'CEO' });
    // A second cycle: the first one's open decisions come along; the bundle is this one.
    c2 = (await a.call('cycle.create', { name: 'Jan', meetingAt: later(first!.cycle.meetingAt, 4) })).id;
    await a.call('decision.add', { cycleId: c2, title: 'Hold price on Outdoor', owner: 'CFO', by: 'Planner' });
    await a.call('decision.move', { id: d1.id, cycleId: c2, to: 'bottom', by: 'Facilitator' });
    await a.call('decision.set', { id: d1.id, cycleId: c2, comment: 'second shift from week 3', by: 'COO' });
    await a.call('scenario.create', { cycleId: c2, name: 'Weekend overtime', owner: 'COO', levers: [], by: 'COO' });
    const [issue] = await a.call('dataIssue.list', { cycleId: c2 });
    await a.call('dataIssue.comment', { id: issue!.id, author: 'Planner', body: 'ERP recount on Monday' });
    await a.call('sync.setHub', { url: 'postgres://laptop@hub.example:5432/planroom', tls: 'disable' });
    // A file-drop target as sync.setTarget stores it (written directly: its folder check is not the point here).
    const drop = { kind: 'file', id: 'drop', folder: join(dir, 'a'), formats: ['csv'] };
    a.db
      .prepare(
        "INSERT INTO sync_targets (id, kind, config, created_at, updated_at) VALUES ('drop', 'file', ?, 'now', 'now')",
      )
      .run(JSON.stringify(drop));
    a.db.prepare('UPDATE sync_targets SET pull_cursor = 42').run();
  }, 180_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('exports the cycle to one compact file and imports it as another laptop', async () => {
    await a.call('kpi.list', { cycleId: c2 });
    const summary = await exportBundle(a.db, c2, bundle);
    expect(summary).toMatchObject({ cycleId: c2, cycleName: 'Jan', decisions: 5 });
    expect(summary.snapshots).toBeGreaterThan(0);
    // One file: no -wal or -shm beside it, nothing temporary left; smaller than the two-cycle source.
    expect(readdirSync(dir).sort()).toEqual(['a', 'jan.planroom', 'traveller']);
    expect(summary.bytes).toBe(statSync(bundle).size);
    expect(summary.bytes).toBeLessThan(fileSize(join(dir, 'a', 'p.db')));
    const raw = new Database(bundle, { readonly: true });
    expect(raw.prepare('SELECT id FROM cycles WHERE status = ? ORDER BY id').pluck().all('open')).toEqual([c2]);
    raw.close();

    const imported = await importBundle(bundle, copyPath);
    expect(imported).toMatchObject({ cycleName: 'Jan', decisions: 5, backup: null, exportedBy: laptopId(a.db) });
    expect(imported.outboxCarried).toBeGreaterThan(0);
    b = await openApi(copyPath);
    expect(laptopId(b.db)).toBe(imported.laptopId);
    expect(imported.laptopId).not.toBe(laptopId(a.db));
  });

  it('reads back the same cycle: exceptions, KPIs, decisions with history and ranks, scenarios, issues', async () => {
    expect((await b.call('cycle.overview', {}))!.cycle.id).toBe(c2);
    for (const filter of [{}, { type: 'below_safety_stock' as const }, { q: 'P1' }]) {
      const input = { cycleId: c2, limit: 1000, ...filter };
      expect(await b.call('exception.list', input)).toEqual(await a.call('exception.list', input));
    }
    for (const by of ['family', 'lane'] as const) {
      const input = { cycleId: c2, by };
      expect(await b.call('exception.rollup', input)).toEqual(await a.call('exception.rollup', input));
    }
    const kpisA = await a.call('kpi.list', { cycleId: c2 });
    expect(kpisA.previousCycle).not.toBeNull();
    expect(await b.call('kpi.list', { cycleId: c2 })).toEqual(kpisA);
    const logA = await a.call('decision.list', { cycleId: c2 });
    const carried = logA.decisions.filter((d) => d.cycleId !== c2);
    expect(carried.some((d) => d.scenario !== null)).toBe(true);
    expect(carried.some((d) => d.exceptions.length > 0 && d.exceptions[0]!.type !== null)).toBe(true);
    expect(await b.call('decision.list', { cycleId: c2 })).toEqual(logA);
    for (const d of logA.decisions) {
      expect(await b.call('decision.history', { id: d.id })).toEqual(await a.call('decision.history', { id: d.id }));
    }
    expect(await b.call('decision.followUp', { cycleId: c2 })).toEqual(
      await a.call('decision.followUp', { cycleId: c2 }),
    );
    expect(await b.call('scenario.list', { cycleId: c2 })).toEqual(await a.call('scenario.list', { cycleId: c2 }));
    expect(await b.call('dataIssue.list', { cycleId: c2 })).toEqual(await a.call('dataIssue.list', { cycleId: c2 }));
    expect(await b.call('attendee.list', { cycleId: c2 })).toEqual(await a.call('attendee.list', { cycleId: c2 }));
    // The agenda and its run; `now` is each call's own clock.
    const run = async (api: DemoApi) => ({ ...(await api.call('meeting.state', { cycleId: c2 })), now: null });
    expect(await run(b)).toEqual(await run(a));
    const pins = b.db.prepare('SELECT snapshot_id FROM cycle_snapshots ORDER BY snapshot_id').pluck().all();
    expect(b.db.prepare('SELECT id FROM snapshots ORDER BY id').pluck().all()).toEqual(pins);
    expect(b.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('leaves the carried outbox to the exporting laptop and sends what is recorded here, as this laptop', async () => {
    expect(b.db.prepare('SELECT count(*) FROM outbox WHERE delivered_at IS NULL').pluck().get()).toBe(0);
    expect(pendingFor(b.db, 'drop', OUTBOX_KINDS, 100)).toEqual([]);
    expect(b.db.prepare('SELECT DISTINCT pull_cursor FROM sync_targets').pluck().all()).toEqual([0]);

    const d = await b.call('decision.add', {
      cycleId: c2,
      title: 'Book a charter for week 5',
      owner: 'COO',
      by: 'Planner',
    });
    const [issue] = await b.call('dataIssue.list', { cycleId: c2 });
    await b.call('dataIssue.comment', { id: issue!.id, author: 'Planner', body: 'recount done' });
    const pending = b.db
      .prepare('SELECT idempotency_key FROM outbox WHERE delivered_at IS NULL ORDER BY id')
      .pluck()
      .all() as string[];
    // A decision event's key ends in its clock, which names this laptop.
    expect(pending[0]).toMatch(new RegExp(`^decision_event:${d.uid}:\\d+-\\d+-${laptopId(b.db)}$`));
    expect(pending.at(-1)).toMatch(new RegExp(`^data_issue_change:${laptopId(b.db)}:`));
    expect(pendingFor(b.db, 'drop', OUTBOX_KINDS, 100).map((o) => o.idempotency_key)).toEqual(pending);
  });

  it('refuses a bundle made by a newer Planroom, writing nothing at the target', async () => {
    const newer = join(dir, 'newer.planroom');
    copyFileSync(bundle, newer);
    const raw = new Database(newer);
    const ours = loadMigrations().length;
    raw
      .prepare(
        "INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, 'from_the_future', 'x', 'now')",
      )
      .run(ours + 1);
    raw.close();
    const target = join(dir, 'newer.db');
    const e = await refusal(importBundle(newer, target));
    expect(e.code).toBe('db_newer');
    expect(e.message).toBe(
      `This bundle was made by a newer Planroom (schema ${ours + 1}, this one has ${ours}); update Planroom to open it.`,
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('newer.db') || f.startsWith('.newer'))).toEqual([]);
  });

  it('migrates a bundle of an older schema forward with the normal migrations', async () => {
    // A database as a Planroom of one migration fewer wrote it.
    const all = loadMigrations();
    const olderDir = join(dir, 'older-migrations');
    mkdirSync(olderDir);
    for (const f of readdirSync(migrationsDir())
      .sort()
      .slice(0, all.length - 1))
      copyFileSync(join(migrationsDir(), f), join(olderDir, f));
    const older = join(dir, 'older.planroom');
    const raw = new Database(older);
    migrate(raw as WriteDb, loadMigrations(olderDir));
    const oldLaptop = laptopId(raw as WriteDb);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const done = await importBundle(older, join(dir, 'older.db'));
    expect(done).toMatchObject({ schemaFrom: all.length - 1, schemaTo: all.length, cycleName: null });
    const opened = openDatabase(join(dir, 'older.db'), { create: false });
    expect(opened.prepare('SELECT max(id) FROM schema_migrations').pluck().get()).toBe(all.length);
    expect(laptopId(opened)).not.toBe(oldLaptop);
    opened.close();
  });

  it('refuses a file that is not a bundle, or one cut short, with what to do', async () => {
    const text = join(dir, 'notes.planroom');
    writeFileSync(text, 'minutes of the last meeting\n'.repeat(200));
    const cut = join(dir, 'cut.planroom');
    writeFileSync(cut, readFileSync(bundle).subarray(0, Math.floor(statSync(bundle).size / 2)));
    for (const f of [text, cut]) {
      const e = await refusal(importBundle(f, join(dir, 'never.db')));
      expect(['db_unavailable', 'db_corrupt']).toContain(e.code);
      expect(e.message).toContain('nothing was imported');
      expect(e.hint).toContain('planroom bundle export');
    }
    expect(readdirSync(dir).filter((f) => f.includes('never.db'))).toEqual([]);
  });

  it('never replaces a database unless forced, and then keeps the old one beside it', async () => {
    const e = await refusal(importBundle(bundle, copyPath));
    expect(e.code).toBe('conflict');
    expect(e.hint).toContain('--force');
    const other = join(dir, 'other.db');
    copyFileSync(bundle, other);
    const before = sha256(other);
    const done = await importBundle(bundle, other, { force: true });
    expect(done.backup).toMatch(/other\.db\.before-bundle-\d{8}T\d{6}Z$/);
    expect(sha256(done.backup!)).toBe(before);
    expect(existsSync(other)).toBe(true);
  });

  it('hands the app the same bundle as a download (bundle.export), named after the cycle', async () => {
    const file = await a.call('bundle.export', { cycleId: c2 });
    expect(file).toMatchObject({ fileName: 'jan.planroom', encoding: 'base64', mime: 'application/vnd.sqlite3' });
    const saved = join(dir, 'download.planroom');
    writeFileSync(saved, Buffer.from(file.content, 'base64'));
    expect(readFileSync(saved).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect((await importBundle(saved, join(dir, 'download.db'))).decisions).toBe(5);
  });

  it('refuses a download past its size limit with the command to run, leaving no file behind', async () => {
    const engine = new EngineHost(join(dir, 'a', 'p.db'));
    const read = openReadConnection(a.db);
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('planroom-bundle-download-')).length;
    try {
      const ctx = { db: a.db, read, engine, writes: new WriteQueue() };
      const e = await refusal(bundleExportFile(ctx, { cycleId: c2 }, 1024));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/too big to download here/);
      expect(e.hint).toBe(`Run \`planroom bundle export --cycle ${c2} --out jan.planroom\` on this laptop instead.`);
    } finally {
      read.close();
      await engine.close();
    }
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('planroom-bundle-download-')).length).toBe(before);
  });

  it('refuses to write over an existing bundle file without --force', async () => {
    const e = await refusal(exportBundle(a.db, c2, bundle));
    expect(e.code).toBe('conflict');
    const replaced = await exportBundle(a.db, c2, bundle, { force: true });
    expect(replaced.decisions).toBe(5);
  });

  it('bundles the third of three cycles: a decision carried twice keeps the cycle it was recorded in, as a row', async () => {
    const c3 = (await a.call('cycle.create', { name: 'Feb', meetingAt: later(firstMeeting, 8) })).id;
    const third = join(dir, 'feb.planroom');
    await a.call('kpi.list', { cycleId: c3 });
    await exportBundle(a.db, c3, third);
    const path = join(dir, 'feb.db');
    await importBundle(third, path);
    const f = await openApi(path);
    try {
      const logA = await a.call('decision.list', { cycleId: c3 });
      expect(logA.decisions.some((d) => d.cycleId !== c3 && d.carriedFrom?.cycleId === c2)).toBe(true);
      expect(await f.call('decision.list', { cycleId: c3 })).toEqual(logA);
      for (const d of logA.decisions) {
        expect(await f.call('decision.history', { id: d.id })).toEqual(await a.call('decision.history', { id: d.id }));
      }
      for (const call of ['decision.followUp', 'kpi.list', 'exception.list'] as const) {
        expect(await f.call(call, { cycleId: c3 })).toEqual(await a.call(call, { cycleId: c3 }));
      }
      // The recording cycle and the previous one as rows, closed: of the first only the exception a
      // carried decision answers, of the previous one its KPI values.
      const rows = f.db
        .prepare(
          `SELECT id, status, (SELECT count(*) FROM kpi_values v WHERE v.cycle_id = c.id) > 0 AS kpis,
                  (SELECT count(*) FROM exceptions e WHERE e.cycle_id = c.id) > 0 AS exceptions
             FROM cycles c ORDER BY id`,
        )
        .all();
      expect(rows).toEqual([
        { id: 1, status: 'closed', kpis: 0, exceptions: 1 },
        { id: c2, status: 'closed', kpis: 1, exceptions: 0 },
        { id: c3, status: 'open', kpis: 1, exceptions: 1 },
      ]);
      expect(f.db.pragma('foreign_key_check')).toEqual([]);
      // The sync log travels only for what stayed: Jan's data-issue comment is not Feb's.
      const sent = (sql: string) => f.db.prepare(sql).pluck().get();
      expect(
        sent(
          `SELECT count(*) FROM outbox WHERE kind = 'decision_event'
             AND json_extract(payload, '$.uid') NOT IN (SELECT uid FROM decisions)`,
        ),
      ).toBe(0);
      expect(sent("SELECT count(*) FROM outbox WHERE kind = 'data_issue_change'")).toBe(0);
      expect(
        sent(
          "SELECT count(*) FROM field_writes WHERE entity = 'decision' AND entity_uid NOT IN (SELECT uid FROM decisions)",
        ),
      ).toBe(0);
      expect(sent('SELECT count(*) FROM hub_events')).toBe(0);
    } finally {
      await f.close();
    }
  });
});
