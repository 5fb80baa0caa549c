import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { loadMigrations, migrate } from '../../electron/db/migrate';
import type { WriteDb } from '../../electron/db/types';
import { CANONICAL_TABLES } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import { sha256, tempDir } from '../helpers/tmp';

const TABLES = [
  'sources',
  'snapshots',
  'cycles',
  'cycle_snapshots',
  'cycle_pin_log',
  'items',
  'locations',
  'customers',
  'item_locations',
  'resources',
  'routings',
  'supply',
  'production_actuals',
  'sales_orders',
  'actual_sales',
  'erp_on_hand',
  'lanes',
  'shipments',
  'lane_capacity',
  'stock',
  'pick_status',
  'forecasts',
  'pipeline',
  'kpi_definitions',
  'exceptions',
  'data_issues',
  'data_issue_comments',
  'scenarios',
  'decisions',
  'decision_events',
  'agenda_items',
  'outbox',
  'planning_settings',
  'settings_log',
  'cycle_computations',
  'kpi_values',
  'exception_reviews',
];

describe('migrations', () => {
  it('apply to an empty database, and a second run is a no-op', () => {
    const db = new Database(':memory:') as WriteDb;
    const all = loadMigrations();
    expect(migrate(db, all)).toEqual(all.map((m) => m.id));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const t of TABLES) expect(tables).toContain(t);
    const schema = db.prepare('SELECT group_concat(sql) s FROM sqlite_master').get();
    expect(migrate(db, all)).toEqual([]);
    expect(db.prepare('SELECT group_concat(sql) s FROM sqlite_master').get()).toEqual(schema);
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('create every canonical table with the columns shared/domain/canonical.ts declares', () => {
    const db = new Database(':memory:') as WriteDb;
    migrate(db);
    for (const table of CANONICAL_TABLES) {
      const cols = db.pragma(`table_info(${table.name})`) as { name: string; notnull: number; pk: number }[];
      expect(
        cols.map((c) => c.name),
        table.name,
      ).toEqual(['snapshot_id', ...table.columns.map((c) => c.name)]);
      for (const c of table.columns) {
        const info = cols.find((x) => x.name === c.name)!;
        expect(info.notnull === 1, `${table.name}.${c.name} NOT NULL`).toBe(!c.optional);
      }
      const pk = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      expect(pk, `${table.name} key`).toEqual(['snapshot_id', ...table.key]);
    }
  });

  it('keep the decision history append-only', () => {
    const db = new Database(':memory:') as WriteDb;
    migrate(db);
    db.exec(`INSERT INTO cycles (name, start_period, horizon_periods, meeting_at, created_at) VALUES ('c', '2026-W49', 26, 'x', 'x');
      INSERT INTO decisions (uid, cycle_id, title, owner, recorded_by, recorded_at, updated_at) VALUES ('u1', 1, 't', 'o', 'r', 'x', 'x');
      INSERT INTO decision_events (decision_id, seq, kind, payload, actor, at) VALUES (1, 1, 'created', '{}', 'r', 'x');`);
    expect(() => db.exec("UPDATE decision_events SET kind = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM decision_events')).toThrow(/append-only/);
  });
});

describe('migration 0012 (merge)', () => {
  it('gives cycles a uid and turns the decisions made before it into writes', () => {
    const db = new Database(':memory:') as WriteDb;
    const all = loadMigrations();
    migrate(db, all.slice(0, 11));
    db.exec(`INSERT INTO cycles (name, start_period, horizon_periods, meeting_at, created_at) VALUES ('c', '2026-W49', 26, 'x', 'x');
      INSERT INTO decisions (uid, cycle_id, title, owner, due_date, recorded_by, recorded_at, updated_at)
        VALUES ('u1', 1, 'Ship "it"', 'COO', NULL, 'r', '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z');
      INSERT INTO cycle_decisions (cycle_id, decision_id, priority_rank, linked_at) VALUES (1, 1, 1, '2026-03-02T10:00:00.000Z');`);
    migrate(db, all);
    const cycle = db.prepare('SELECT uid FROM cycles').get() as { uid: string };
    expect(cycle.uid).toMatch(/^[0-9a-f]{32}$/);
    const laptop = (db.prepare("SELECT value FROM sync_state WHERE key = 'laptop_id'").get() as { value: string })
      .value;
    const writes = db.prepare('SELECT field, value, hlc FROM field_writes ORDER BY field').all() as {
      field: string;
      value: string;
      hlc: string;
    }[];
    expect(writes.map((w) => [w.field, JSON.parse(w.value)])).toEqual([
      ['due_date', null],
      ['expected_value', null],
      ['owner', 'COO'],
      [`rank:${cycle.uid}`, 1],
      ['rationale', ''],
      ['status', 'proposed'],
      ['title', 'Ship "it"'],
    ]);
    expect(writes[0]!.hlc).toBe(`${Date.parse('2026-03-02T10:00:00.000Z')}-0000-${laptop}`);
    db.exec(
      "INSERT INTO cycles (name, start_period, horizon_periods, meeting_at, created_at) VALUES ('d', '2026-W50', 26, 'x', 'x')",
    );
    const uids = db.prepare('SELECT uid FROM cycles').all() as { uid: string }[];
    expect(new Set(uids.map((u) => u.uid)).size).toBe(2);
  });
});

describe('openDatabase', () => {
  it('creates the file with WAL and foreign keys on', () => {
    const file = join(tempDir(), 'p.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a database written by a newer version, and changes nothing', () => {
    const file = join(tempDir(), 'newer.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'from_the_future', 'x', 'x')").run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(file);
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'db_newer' }) as unknown as Error);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database whose applied migrations do not match the files', () => {
    const file = join(tempDir(), 'other.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET name = 'something_else' WHERE id = 1").run();
    raw.close();
    expect(() => openDatabase(file)).toThrowError(/migration 1 "something_else"/);
  });

  it('says what to do when the folder is missing, and creates nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'missing', 'p.db');
    try {
      openDatabase(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('db_unavailable');
      expect((e as AppError).hint).toMatch(/--db/);
    }
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('rejects a file that is not SQLite without touching it', async () => {
    const file = join(tempDir(), 'notes.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is not a database, just some text that is long enough to have a header '.repeat(5));
    const before = sha256(file);
    expect(() => openDatabase(file)).toThrowError(/not a Planroom database/);
    expect(sha256(file)).toBe(before);
  });
});
