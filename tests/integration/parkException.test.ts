// Parking an exception as a data issue (`p` on the Exceptions list, `planroom data-issues park`):
// one transaction opens the issue and marks the exception actioned; a second park of the same
// exception is refused naming the issue; reconciliation never closes a parked issue; a bad
// deadline is refused with the field and what to type; and migration 0009 keeps the data issues
// and comments a database had at 0008.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/db/migrate';
import type { WriteDb } from '../../electron/db/types';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('parking an exception as a data issue', () => {
  const dir = tempDir('planroom-park-', 'all');
  let api: DemoApi;

  beforeAll(async () => {
    api = await openDemoApi(dir);
  });
  afterAll(() => api.close());

  it('opens a data issue with owner and deadline and marks the exception actioned with its number', async () => {
    const list = await api.call('exception.list', { type: 'below_safety_stock', offset: 0, limit: 5 });
    const exc = list.rows[0]!;
    const openBefore = (await api.call('dataIssue.list', { status: 'open' })).length;

    const issue = await api.call('dataIssue.park', {
      key: exc.key,
      ownerRole: 'Warehouse manager',
      deadline: '2031-01-15',
      note: 'The count at DC looks a week old.',
      by: 'Facilitator',
    });
    expect(issue).toMatchObject({
      kind: 'exception_parked',
      exceptionKey: exc.key,
      ownerRole: 'Warehouse manager',
      deadline: '2031-01-15',
      status: 'open',
      source: 'WMS',
    });
    expect(issue.summary).toContain('Below safety stock');
    expect(issue.evidence.rows[0]).toMatchObject({ type: 'below_safety_stock', valueAtRisk: exc.valueAtRisk });
    expect(issue.comments).toEqual([
      expect.objectContaining({ author: 'Facilitator', body: 'The count at DC looks a week old.' }),
    ]);
    expect((await api.call('dataIssue.list', { status: 'open' })).length).toBe(openBefore + 1);

    const now = await api.call('exception.get', { key: exc.key });
    expect(now.reviewStatus).toBe('actioned');
    expect(now.note).toBe(`Parked as data issue #${issue.id}: Warehouse manager, deadline 2031-01-15`);
    expect(now.reviews[0]).toMatchObject({ status: 'actioned', by: 'Facilitator' });

    const again = await api.fail('dataIssue.park', {
      key: exc.key,
      ownerRole: 'Someone',
      deadline: 'fri',
      by: 'Facilitator',
    });
    expect(again.code).toBe('conflict');
    expect(again.message).toContain(`#${issue.id}`);

    // Reconciliation closes findings whose cause is gone; a parked exception is not its finding.
    await api.call('dataIssue.reconcile', {});
    const after = await api.call('dataIssue.list', { status: 'open' });
    expect(after.find((i) => i.id === issue.id)?.status).toBe('open');

    // Closed by a person, it can be parked again.
    await api.call('dataIssue.close', { id: issue.id, by: 'Warehouse manager', reason: 'Recounted.' });
    const second = await api.call('dataIssue.park', { key: exc.key, ownerRole: 'WH', deadline: '+3d', by: 'F' });
    expect(second.id).not.toBe(issue.id);
  });

  it('reads a typed deadline in the cycle zone and refuses one it cannot read, changing nothing', async () => {
    const list = await api.call('exception.list', { type: 'capacity_shortfall', offset: 0, limit: 1 });
    const exc = list.rows[0]!;
    const before = (await api.call('dataIssue.list', {})).length;
    const bad = await api.fail('dataIssue.park', { key: exc.key, ownerRole: 'Ops', deadline: 'someday', by: 'F' });
    expect(bad.code).toBe('invalid_input');
    expect(bad.where).toMatchObject({ field: 'deadline', value: 'someday' });
    expect(bad.hint).toContain('+3d');
    expect((await api.call('dataIssue.list', {})).length).toBe(before);
    expect((await api.call('exception.get', { key: exc.key })).reviewStatus).toBe(exc.reviewStatus);

    const unknown = await api.fail('dataIssue.park', { key: 'nope', ownerRole: 'Ops', deadline: 'fri', by: 'F' });
    expect(unknown.code).toBe('not_found');

    const ok = await api.call('dataIssue.park', { key: exc.key, ownerRole: 'Ops', deadline: 'end of month', by: 'F' });
    expect(ok.deadline).toMatch(/^\d{4}-\d{2}-(28|29|30|31)$/);
    expect(ok.source).toBe('ERP');
  });
});

describe('migration 0009 on a database at 0008', () => {
  it('keeps every data issue and its comments, and the comments still cascade with their issue', () => {
    const dir = tempDir('planroom-mig9-', 'all');
    const db = new Database(join(dir, 'old.db')) as unknown as WriteDb;
    db.pragma('foreign_keys = ON');
    const all = loadMigrations();
    migrate(db, all.slice(0, 8));
    const now = '2026-12-01T10:00:00.000Z';
    db.prepare(
      "INSERT INTO sources (id, name, system, owner_role, created_at) VALUES ('ERP', 'ERP', 'ERP', 'Data owner', ?)",
    ).run(now);
    db.prepare(
      `INSERT INTO cycles (id, name, start_period, horizon_periods, meeting_at, currency, created_at)
       VALUES (1, 'C', '2026-W49', 13, ?, 'EUR', ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO data_issues (id, cycle_id, kind, source_id, fingerprint, summary, owner_role, deadline, created_at)
       VALUES (7, 1, 'unknown_key', 'ERP', 'unknown_key|X', 'X unknown', 'Data owner', '2026-12-08', ?)`,
    ).run(now);
    db.prepare(
      "INSERT INTO data_issue_comments (issue_id, author, body, created_at) VALUES (7, 'Ana', 'Looking', ?)",
    ).run(now);

    expect(migrate(db, all)).toEqual(all.slice(8).map((m) => m.id));
    expect(db.prepare('SELECT id, kind, source_id, exception_key FROM data_issues').all()).toEqual([
      { id: 7, kind: 'unknown_key', source_id: 'ERP', exception_key: null },
    ]);
    expect(db.prepare('SELECT issue_id, body FROM data_issue_comments').all()).toEqual([
      { issue_id: 7, body: 'Looking' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const fk = db.prepare('SELECT "table" FROM pragma_foreign_key_list(\'data_issue_comments\')').all();
    expect(fk).toEqual([{ table: 'data_issues' }]);
    // Only a parked exception may lack a source, and only it names an exception.
    expect(() =>
      db
        .prepare(
          `INSERT INTO data_issues (cycle_id, kind, source_id, fingerprint, summary, owner_role, deadline, created_at)
           VALUES (1, 'unknown_key', NULL, 'f', 's', 'o', '2026-12-08', ?)`,
        )
        .run(now),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM data_issues WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) n FROM data_issue_comments').get()).toEqual({ n: 0 });
    db.close();
  });
});
