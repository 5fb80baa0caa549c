import { addBusinessDays, formatISO } from 'date-fns';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { currentCycle, pinSnapshot } from '../../electron/db/repos/cycles';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { assign, close, comment, listDataIssues, reconcile } from '../../electron/services/dataIssues';
import { importSource } from '../../electron/snapshots/importSource';
import { checkInput, checksInWorker, cycleSnapshotSet } from '../../electron/snapshots/reconcile';
import { runChecks } from '../../electron/snapshots/reconcileChecks';
import { DATA_ISSUE_KINDS } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../helpers/tmp';

describe('reconciliation of the pinned snapshot set', () => {
  const dir = tempDir('planroom-test-', 'all');
  let db: WriteDb;

  beforeAll(async () => {
    db = openDatabase(join(dir, 'p.db'));
    await loadDemoCompany(db);
  });

  it('raises every kind of data issue on the demo, owned by the source that must act', () => {
    const issues = listDataIssues(db, {});
    // Every kind reconciliation raises (a parked exception is a person's, not a finding).
    expect(new Set(issues.map((i) => i.kind))).toEqual(
      new Set(DATA_ISSUE_KINDS.filter((k) => k !== 'exception_parked')),
    );
    const deadline = formatISO(addBusinessDays(new Date(), 5), { representation: 'date' });
    for (const i of issues) {
      expect(i.status).toBe('open');
      expect(i.deadline).toBe(deadline);
      expect(i.evidence.rows.length).toBeGreaterThan(0);
    }
    expect(issues.find((i) => i.kind === 'stale_source')).toMatchObject({ source: 'CRM', ownerRole: 'Sales' });
    expect(issues.filter((i) => i.kind === 'stock_mismatch').every((i) => i.ownerRole === 'Warehouse')).toBe(true);
    expect(issues.filter((i) => i.kind === 'missing_shipment').every((i) => i.ownerRole === 'Logistics')).toBe(true);
    const over = issues.filter((i) => i.kind === 'overestimated_demand');
    expect(over.map((i) => i.summary)).toEqual([expect.stringMatching(/^Outdoor forecast runs 4\d% above actuals/)]);
    expect(issues.find((i) => i.summary.includes('"D3"'))).toMatchObject({ kind: 'unknown_key', source: 'WMS' });
    expect(issues.find((i) => i.summary.includes('D9-NOWHERE-R'))).toMatchObject({ source: 'TMS' });
  });

  it('filters by owner role and source', () => {
    const sales = listDataIssues(db, { owner: 'Sales' });
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((i) => i.ownerRole === 'Sales')).toBe(true);
    const wms = listDataIssues(db, { source: 'WMS' });
    expect(wms.every((i) => i.source === 'WMS')).toBe(true);
    expect(listDataIssues(db, { status: 'closed' })).toEqual([]);
  });

  it('re-running never duplicates an open issue', async () => {
    const before = listDataIssues(db, {}).map((i) => i.id);
    expect(await reconcile(db)).toEqual({ opened: 0, refreshed: before.length, closed: 0, open: before.length });
    expect(listDataIssues(db, {}).map((i) => i.id)).toEqual(before);
  });

  it('closes the issues whose cause is gone when a corrected snapshot is pinned', async () => {
    const wms = join(dir, 'wms');
    cpSync(join(demoDir(), 'wms'), wms, { recursive: true });
    const stock = join(wms, 'stock.csv');
    writeFileSync(
      stock,
      readFileSync(stock, 'utf8')
        .split('\n')
        .filter((l) => !l.includes(',D3,'))
        .join('\n'),
    );
    const snap = await importSource(db, 'WMS', wms);
    const cycleId = currentCycle(db)!.id;
    pinSnapshot(db, { cycleId, source: 'WMS', snapshotId: snap.snapshotId, by: 'test', reason: 'D3 fixed' });
    const before = listDataIssues(db, { status: 'open' }).length;
    expect(await reconcile(db)).toMatchObject({ opened: 0, closed: 1, open: before - 1 });
    const closed = listDataIssues(db, { status: 'closed' });
    expect(closed).toHaveLength(1);
    expect(closed[0]!.summary).toContain('"D3"');
    expect(closed[0]!.comments.at(-1)).toMatchObject({
      author: 'reconciliation',
      body: expect.stringMatching(/cause is gone/),
    });
  });

  it('lets users assign, comment and close, and refuses to close twice', async () => {
    const issue = listDataIssues(db, { status: 'open', source: 'CRM' })[0]!;
    expect(assign(db, issue.id, 'Dana (Sales ops)', 'Facilitator')).toMatchObject({ assignee: 'Dana (Sales ops)' });
    expect(
      comment(db, issue.id, 'Dana (Sales ops)', 'Asked CRM admin for a fresh export.').comments.at(-1),
    ).toMatchObject({
      author: 'Dana (Sales ops)',
      body: 'Asked CRM admin for a fresh export.',
    });
    const closed = close(db, issue.id, 'Dana (Sales ops)', 'Fresh export scheduled nightly.');
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.comments.map((c) => c.body)).toEqual([
      'Assigned to Dana (Sales ops).',
      'Asked CRM admin for a fresh export.',
      'Fresh export scheduled nightly.',
    ]);
    expect(() => close(db, issue.id, 'x', 'again')).toThrow(AppError);
    // Its cause is still in the snapshot set, but a person closed it: a re-run respects that.
    expect((await reconcile(db)).opened).toBe(0);
    expect(listDataIssues(db, { status: 'open' }).some((i) => i.summary === issue.summary)).toBe(false);
    expect(() => comment(db, 99_999, 'x', 'y')).toThrow(/No data issue with id 99999/);
  });

  it('runs the checks in a worker thread on its own connection, with the same findings as here', async () => {
    const cycle = currentCycle(db)!;
    const { input } = checkInput(db, cycleSnapshotSet(db, cycle.id));
    const inWorker = await checksInWorker(join(dir, 'p.db'), input);
    expect(inWorker.length).toBeGreaterThan(5);
    expect(inWorker).toEqual(runChecks({ ...input, db }));
  });
});
