// A scratch database for the "long lists" figure: the demo company computed once, then its
// exceptions copied into the exceptions table until the cycle has `count` of them. No demo size
// has 10k (S about 220, M a few thousand): the copies keep each original's type, subject and
// detail under a new key, with values spread so the ranking interleaves them. For the bench and
// its test only; the app never seeds rows.
import { openDatabase } from '../../electron/db/open';
import { EngineHost } from '../../electron/engine/engineHost';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { createHandlers } from '../../electron/services/handlers';
import type { ApiOutput } from '../../shared/api';
import { dispatch } from '../../shared/dispatch';

/** Builds the database at `dbPath`; returns the current cycle's open exceptions (≥ count). */
export async function longListDatabase(dbPath: string, count = 10_000): Promise<number> {
  const db = openDatabase(dbPath);
  const engine = new EngineHost(dbPath);
  try {
    await loadDemoCompany(db);
    const handlers = createHandlers({ db, dbPath, version: 'bench', engine });
    const list = async (): Promise<ApiOutput<'exception.list'>> => {
      const r = await dispatch(handlers, 'exception.list', { limit: 1 });
      if (!r.ok) throw new Error(`exception.list: ${r.error.message}`);
      return r.data as ApiOutput<'exception.list'>;
    };
    // Computes the cycle, so serving it later finds the results stored and up to date.
    const { cycleId, total } = await list();
    const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('exceptions') as { name: string }[]).map(
      (c) => c.name,
    );
    const base = db
      .prepare('SELECT * FROM exceptions WHERE cycle_id = ? AND scenario_id IS NULL AND resolved_at IS NULL ORDER BY key')
      .all(cycleId) as Record<string, unknown>[];
    if (base.length === 0) throw new Error('the demo cycle has no exceptions to copy');
    const insert = db.prepare(
      `INSERT INTO exceptions (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    db.transaction(() => {
      for (let i = 0; total + i < count; i++) {
        const row = base[i % base.length]!;
        // 0.2x-1.0x of the original, varied by copy: the copies rank among the originals.
        const scale = 0.2 + 0.8 * (((i * 7919) % 1000) / 1000);
        insert.run({ ...row, key: `${String(row.key)}~copy${i}`, value_at_risk: Number(row.value_at_risk) * scale });
      }
    })();
    return (await list()).total;
  } finally {
    await engine.close();
    db.close();
  }
}
