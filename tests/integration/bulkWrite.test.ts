// A snapshot import runs with bulk-write settings (no automatic checkpoint, no per-row foreign
// key lookups) and puts the connection back as it was, also when it fails;
// the WAL it wrote is copied into the database file by a worker thread after the commit.
import { cpSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../electron/db/checkpoint';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { importSource } from '../../electron/snapshots/importSource';
import { tempDir } from '../helpers/tmp';

const SETTINGS = ['wal_autocheckpoint', 'cache_size', 'foreign_keys'] as const;
const settings = (db: WriteDb) => SETTINGS.map((name) => db.pragma(name, { simple: true }));

describe('bulk writes', () => {
  const dir = tempDir('planroom-test-', 'all');

  it('commit an import without copying the WAL on the calling thread, then checkpoint in a worker', async () => {
    const path = join(dir, 'planroom.db');
    const db = openDatabase(path);
    const before = settings(db);
    expect(before).toMatchObject([1000, expect.any(Number), 1]);
    const result = await importSource(db, 'ERP', join(demoDir(), 'erp'));
    expect(result.rowCount).toBeGreaterThan(20_000);
    expect(settings(db)).toEqual(before);
    // The rows are committed (visible to a new connection) but still only in the WAL.
    const fileAtCommit = statSync(path).size;
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(4 * fileAtCommit);
    await checkpointInBackground(path, 'import');
    expect(statSync(path).size).toBeGreaterThan(4 * fileAtCommit);
    const [ckpt] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(ckpt!.checkpointed).toBe(ckpt!.log);
    const reader = openDatabase(path, { readonly: true });
    expect(reader.prepare('SELECT count(*) n FROM sales_orders').get()).toEqual({ n: 5000 });
    reader.close();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('put the connection back when the import fails', async () => {
    const db = openDatabase(join(dir, 'failed.db'));
    const before = settings(db);
    const wms = join(dir, 'wms');
    cpSync(join(demoDir(), 'wms'), wms, { recursive: true });
    writeFileSync(join(wms, 'stock.csv'), 'item,site,on_hand,allocated,blocked,as_of\n');
    await expect(importSource(db, 'WMS', wms)).rejects.toThrow(/header but no data rows/);
    expect(settings(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) n FROM snapshots').get()).toEqual({ n: 0 });
    // Foreign keys are enforced again.
    expect(() => db.prepare("INSERT INTO erp_on_hand VALUES (999, 'X', 'Y', 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
