// A kill -9 at any moment of an import leaves either the old or the new state: the import runs
// in a child process that is killed mid-write, then the database is checked.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import { CANONICAL_TABLES } from '../../shared/domain/canonical';
import { planroom, ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

/** Starts an import and kills it with SIGKILL `delayMs` after its first progress line. */
function importAndKill(dir: string, db: string, delayMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      join(ROOT, 'bin', 'planroom.cjs'),
      'import',
      '--source',
      'ERP',
      dir,
      '--db',
      db,
    ]);
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!timer && /rows/.test(err)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) => resolve(String(signal)));
  });
}

function check(db: string): { erpSnapshots: number; wmsSnapshots: number } {
  const raw = new Database(db);
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    const snaps = raw.prepare('SELECT id, source_id, row_count, row_counts FROM snapshots').all() as {
      id: number;
      source_id: string;
      row_count: number;
      row_counts: string;
    }[];
    // No rows without a snapshot, and every snapshot holds exactly the rows it counts.
    for (const t of CANONICAL_TABLES) {
      const orphans = raw
        .prepare(`SELECT count(*) n FROM ${t.name} WHERE snapshot_id NOT IN (SELECT id FROM snapshots)`)
        .get();
      expect(orphans, t.name).toEqual({ n: 0 });
    }
    for (const s of snaps) {
      const counts = JSON.parse(s.row_counts) as Record<string, number>;
      for (const [table, n] of Object.entries(counts)) {
        expect(
          raw.prepare(`SELECT count(*) n FROM ${table} WHERE snapshot_id = ?`).get(s.id),
          `${s.source_id} ${table}`,
        ).toEqual({ n });
      }
    }
    return {
      erpSnapshots: snaps.filter((s) => s.source_id === 'ERP').length,
      wmsSnapshots: snaps.filter((s) => s.source_id === 'WMS').length,
    };
  } finally {
    raw.close();
  }
}

describe('kill -9 during an import', () => {
  const dir = tempDir();
  const db = join(dir, 'crash.db');

  beforeAll(async () => {
    await generateDemo({ size: 'M', out: join(dir, 'm') });
    expect(planroom(['import', '--source', 'WMS', join(dir, 'm', 'wms'), '--db', db]).code).toBe(0);
  });

  it('leaves the previous state intact, whatever the moment, and a later import completes', async () => {
    for (const delay of [0, 150, 600, 1500]) {
      expect(await importAndKill(join(dir, 'm', 'erp'), db, delay)).toBe('SIGKILL');
      expect(check(db)).toEqual({ erpSnapshots: 0, wmsSnapshots: 1 });
    }
    const done = planroom(['import', '--source', 'ERP', join(dir, 'm', 'erp'), '--db', db]);
    expect(done.code, done.stderr).toBe(0);
    expect(check(db)).toEqual({ erpSnapshots: 1, wmsSnapshots: 1 });
  });
});
