// Readers and writers at once: a reader never sees an import's uncommitted snapshot, a write
// call and a reader's recompute never wait on each other forever, another process's write lock
// answers "busy" (exit 4) with what to do, and two processes importing at once both succeed.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotInfoT } from '../../shared/api';
import { dispatch } from '../../shared/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { planroom, ROOT } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

const DEMO = join(ROOT, 'assets', 'demo');

/** A copy of a demo source folder whose export is newer: importing it makes a new snapshot. */
function newerExport(dir: string, source: string, extractedAt: string): string {
  const out = join(dir, `${source}-${extractedAt.slice(0, 10)}`);
  cpSync(join(DEMO, source), out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ extracted_at: extractedAt }));
  return out;
}

describe('reads and writes at once', () => {
  it("a reader during an import sees the snapshots committed before it, never the import's own", async () => {
    const dir = tempDir();
    const api = await openDemoApi(dir);
    try {
      const handlers = createHandlers({ db: api.db, dbPath: api.db.name, version: 'test' });
      const before = (await api.call('snapshot.list', {})).length;
      let during: Promise<SnapshotInfoT[]> | undefined;
      const imported = await dispatch(
        handlers,
        'snapshot.import',
        { source: 'WMS', dir: newerExport(dir, 'wms', '2026-12-01T05:00:00Z') },
        {
          // The first progress line comes with the snapshot's row inserted, inside its transaction.
          progress: () => {
            during ??= dispatch(handlers, 'snapshot.list', {}).then((r) => (r.ok ? (r.data as SnapshotInfoT[]) : []));
          },
        },
      );
      expect(imported.ok).toBe(true);
      expect(api.db.inTransaction).toBe(false);
      expect(during, 'a progress line came').toBeDefined();
      const seen = await during!;
      expect(seen).toHaveLength(before);
      expect(seen.every((s) => s.rowCount > 0)).toBe(true);
      expect(await api.call('snapshot.list', {})).toHaveLength(before + 1);
    } finally {
      await api.close();
    }
  });

  it("a write call that first brings the results up to date does not wait for a reader's recompute queued behind it", async () => {
    const dir = tempDir();
    const api = await openDemoApi(dir);
    try {
      const created = await api.call('scenario.create', {
        name: 'Lift',
        owner: 'Sales',
        by: 'Dana',
        levers: [{ kind: 'demand_lift', percent: 10 }],
      });
      // Stale results: the next reader recomputes, and so does the choice.
      await api.call('planning.saveSettings', { settings: { consumption: 'sum' }, by: 'Dana' });
      const [chosen, list] = await Promise.all([
        api.call('scenario.choose', { id: created.id, by: 'CEO' }),
        api.call('exception.list', {}),
      ]);
      expect(chosen.decision.title).toBe('Adopt scenario "Lift"');
      expect(list.total).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });
});

describe('two processes on one database', () => {
  it('a write while another process holds the write lock ends "busy", exit 4, and changes nothing', () => {
    const db = join(tempDir(), 'p.db');
    expect(planroom(['import', '--source', 'WMS', join(DEMO, 'wms'), '--db', db]).code).toBe(0);
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = planroom(['profile', 'reset', 'WMS', '--db', db], { PLANROOM_BUSY_TIMEOUT_MS: '50' });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/Another Planroom process is writing to this database.*Try again when it ends/);
      // A reader is not held up by the lock.
      expect(planroom(['snapshots', '--db', db], { PLANROOM_BUSY_TIMEOUT_MS: '50' }).code).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(planroom(['profile', 'reset', 'WMS', '--db', db]).code).toBe(0);
  });

  it('two processes importing at once both commit: the second waits for the first', async () => {
    const db = join(tempDir(), 'p.db');
    expect(planroom(['import', '--source', 'WMS', join(DEMO, 'wms'), '--db', db]).code).toBe(0);
    const importing = (source: string): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [
          join(ROOT, 'bin', 'planroom.cjs'),
          'import',
          '--source',
          source,
          join(DEMO, source.toLowerCase()),
          '--db',
          db,
        ]);
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const [erp, crm] = await Promise.all([importing('ERP'), importing('CRM')]);
    expect(erp.code, erp.stderr).toBe(0);
    expect(crm.code, crm.stderr).toBe(0);
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.prepare('SELECT source_id FROM snapshots ORDER BY source_id').pluck().all()).toEqual([
        'CRM',
        'ERP',
        'WMS',
      ]);
    } finally {
      raw.close();
    }
  }, 120_000);
});
