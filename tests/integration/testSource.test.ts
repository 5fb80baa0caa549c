// "Test connection": the first rows of each table the profile maps, and what was found; nothing
// is written.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { demoDir } from '../../electron/paths';
import { testSource } from '../../electron/pulls/testSource';
import type { readerFor } from '../../electron/pulls/readersFor';
import { envSecrets } from '../../electron/secrets/envSecrets';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { demoConnection, demoReader, demoReaders } from '../helpers/demoReaders';
import { demoTablesOf } from '../helpers/demoTables';
import { tempDir } from '../helpers/tmp';

const secrets = envSecrets({});

describe('testSource', () => {
  const db = openDatabase(join(tempDir('planroom-test-source-', 'all'), 'p.db'));
  afterAll(() => db.close());
  const snapshots = () => db.prepare('SELECT count(*) n FROM snapshots').get();

  it('reads at most five rows of every table the profile maps, and writes nothing', async () => {
    const made: { table: string; maxRows?: number }[] = [];
    const r = await testSource(db, 'ERP', demoConnection('ERP'), secrets, demoReaders('ERP', { made }));
    expect(r.ok).toBe(true);
    expect(r.tables.map((t) => t.table).sort()).toEqual(
      demoTablesOf('ERP', 'S')
        .map((t) => t.table)
        .sort(),
    );
    expect(made.every((m) => m.maxRows === 5)).toBe(true);
    for (const t of r.tables) {
      expect(t).toMatchObject({ ok: true, missing: [], error: null, from: `query for ${t.table}` });
      expect(t.sample.length).toBeLessThanOrEqual(5);
      expect(t.sample.length).toBeGreaterThan(0);
      expect(t.columns.length).toBeGreaterThan(0);
    }
    expect(snapshots()).toEqual({ n: 0 });
  });

  it('names the profile headers a table lacks, and a reader that fails', async () => {
    const tables = demoTablesOf('WMS', 'S');
    const make: typeof readerFor = (_s, mapping) => {
      const t = tables.find((x) => x.table === mapping.table)!;
      if (t.table === tables[0]!.table) {
        return { from: 'query for broken', read: () => Promise.reject(new Error('relation "x" does not exist')) };
      }
      // The first field renamed: the profile's header for it is missing.
      return demoReader({ ...t, fields: [`${t.fields[0]}_renamed`, ...t.fields.slice(1)] }, {}, 5);
    };
    const r = await testSource(db, 'WMS', demoConnection('WMS'), secrets, make);
    expect(r.ok).toBe(false);
    const [broken, ...rest] = r.tables;
    expect(broken).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not exist/) } });
    for (const t of rest) {
      const first = tables.find((x) => x.table === t.table)!.fields[0]!;
      expect(t).toMatchObject({ ok: false, error: null, missing: [first] });
      expect(t.columns).toContain(`${first}_renamed`);
    }
  });

  it('cuts a long cell to 200 characters', async () => {
    const t = demoTablesOf('CRM', 'S')[0]!;
    const long = 'x'.repeat(5000);
    const make: typeof readerFor = (_s, mapping) =>
      mapping.table === t.table
        ? demoReader(t, { edit: (_t, _r, f) => (f === t.fields[0] ? long : undefined) }, 5)
        : null;
    const c = demoConnection('CRM');
    const r = await testSource(db, 'CRM', { ...c, queries: { [t.table]: 'SELECT 1' } }, secrets, make);
    const probe = r.tables.find((p) => p.table === t.table)!;
    expect(probe.sample[0]![0]!.length).toBeLessThanOrEqual(201);
  });

  it('looks at a folder as the import preview does', async () => {
    const r = await testSource(db, 'ERP', { kind: 'folder', dir: join(demoDir(), 'erp') }, secrets);
    expect(r.ok).toBe(true);
    expect(r.tables).toHaveLength(DEFAULT_PROFILES.ERP.files.length);
    expect(r.tables.every((t) => t.ok && t.sample.length > 0 && t.from.length > 0)).toBe(true);
    const empty = await testSource(db, 'ERP', { kind: 'folder', dir: tempDir() }, secrets);
    expect(empty.ok).toBe(false);
    expect(empty.tables.find((t) => !t.ok)!.error!.message).toMatch(/No file in the folder matches/);
    expect(snapshots()).toEqual({ n: 0 });
  });
});
