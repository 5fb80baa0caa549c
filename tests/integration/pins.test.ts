import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { cycleOverview } from '../../electron/services/cycles';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { listDataIssues } from '../../electron/services/dataIssues';
import { listPinLog, pinToCycle } from '../../electron/services/pins';
import { importSource } from '../../electron/snapshots/importSource';
import { tempDir } from '../helpers/tmp';

describe("changing the cycle's snapshot set", () => {
  const dir = tempDir('planroom-test-', 'all');
  let db: WriteDb;
  let fresh: number;

  beforeAll(async () => {
    db = openDatabase(join(dir, 'p.db'));
    await loadDemoCompany(db);
    // A fresher CRM export, same data: a new snapshot only because its content differs.
    const crm = join(dir, 'crm');
    cpSync(join(demoDir(), 'crm'), crm, { recursive: true });
    const pipeline = join(crm, 'pipeline.csv');
    writeFileSync(
      pipeline,
      readFileSync(pipeline, 'utf8').trimEnd() + '\nOPP-999999,C00001,SKU-00001,10,0.5,2026-W50\n',
    );
    writeFileSync(join(crm, 'manifest.json'), JSON.stringify({ extracted_at: '2026-12-01T06:00:00Z' }));
    fresh = (await importSource(db, 'CRM', crm)).snapshotId;
  });

  it('refuses a snapshot of another source, or one that does not exist, and changes nothing', async () => {
    const before = cycleOverview(db)!.sources;
    await expect(pinToCycle(db, { source: 'ERP', snapshotId: fresh, by: 'Ann', reason: 'x' })).rejects.toThrow(
      `Snapshot ${fresh} is a CRM snapshot, not ERP.`,
    );
    await expect(pinToCycle(db, { source: 'CRM', snapshotId: 999, by: 'Ann', reason: 'x' })).rejects.toThrow(
      /No snapshot with id 999/,
    );
    expect(cycleOverview(db)!.sources).toEqual(before);
    expect(listPinLog(db)).toHaveLength(4);
  });

  it('pins, logs who and why, and re-runs reconciliation: the stale-source issue closes', async () => {
    expect(listDataIssues(db, { status: 'open' }).some((i) => i.kind === 'stale_source')).toBe(true);
    const r = await pinToCycle(db, {
      source: 'CRM',
      snapshotId: fresh,
      by: 'Ann',
      reason: 'Fresh export for the meeting',
    });
    expect(r).toMatchObject({ changed: true, reconciliation: { closed: 1 } });
    const crm = cycleOverview(db)!.sources.find((s) => s.source === 'CRM')!;
    expect(crm).toMatchObject({ snapshotId: fresh, stale: false, ageHours: 3 });
    expect(listPinLog(db)[0]).toMatchObject({
      source: 'CRM',
      oldSnapshotId: 4,
      newSnapshotId: fresh,
      by: 'Ann',
      reason: 'Fresh export for the meeting',
    });
    expect(listDataIssues(db, { status: 'open' }).some((i) => i.kind === 'stale_source')).toBe(false);
  });

  it('pinning the snapshot already pinned changes and logs nothing', async () => {
    expect((await pinToCycle(db, { source: 'CRM', snapshotId: fresh, by: 'Ann', reason: 'again' })).changed).toBe(
      false,
    );
    expect(listPinLog(db)).toHaveLength(5);
  });
});
