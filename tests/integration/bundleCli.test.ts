// `planroom bundle export | import` as a user runs them (the built CLI as a child process): what
// they print, their exit codes, and their refusals (an existing file, a newer schema, a file
// that is not a bundle), each with what to do. The round trip itself is bundle.test.ts's.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/db/migrate';
import { planroom } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('planroom bundle', () => {
  const dir = tempDir('planroom-bundle-cli-', 'all');
  const db = join(dir, 'p.db');
  const out = join(dir, 'dec.planroom');
  const target = join(dir, 'traveller.db');

  beforeAll(async () => {
    const api = await openDemoApi(dir);
    await api.call('decision.add', { title: 'Add a second shift at P1', owner: 'COO', by: 'Facilitator' });
    await api.close();
  }, 120_000);

  it('exports the current cycle and says what the file holds', () => {
    const r = planroom(['bundle', 'export', '--out', out, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Exported cycle ".+" \(id 1\) to .*dec\.planroom\n/);
    expect(r.stdout).toMatch(/\d+ snapshots, 1 decision, \d+\.\d MB \(schema \d+\)/);
    expect(r.stdout).toContain(`planroom bundle import ${out}`);
    expect(existsSync(`${out}-wal`)).toBe(false);
  });

  it('refuses to overwrite the bundle without --force, and replaces it with --force (--json)', () => {
    const again = planroom(['bundle', 'export', '--out', out, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
    expect(again.stderr).toContain('--force');
    const forced = planroom(['bundle', 'export', '--cycle', '1', '--out', out, '--force', '--json', '--db', db]);
    expect(forced.code).toBe(0);
    const json = JSON.parse(forced.stdout) as { cycleId: number; decisions: number; bytes: number };
    expect(json).toMatchObject({ cycleId: 1, decisions: 1 });
    expect(json.bytes).toBeGreaterThan(0);
  });

  it('refuses a missing --out, an unknown cycle and the database itself as --out', () => {
    expect(planroom(['bundle', 'export', '--db', db]).code).toBe(2);
    const none = planroom(['bundle', 'export', '--cycle', '99', '--out', join(dir, 'x.planroom'), '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No cycle with id 99');
    expect(existsSync(join(dir, 'x.planroom'))).toBe(false);
    const self = planroom(['bundle', 'export', '--out', db, '--force', '--db', db]);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('is the database being exported');
  });

  it('imports the bundle as a new laptop, and never over an existing database without --force', () => {
    const r = planroom(['bundle', 'import', out, '--db', target]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported cycle ".+" from .*dec\.planroom into .*traveller\.db\n/);
    expect(r.stdout).toMatch(/This laptop is [0-9a-f]{32} on the hub \(the bundle came from [0-9a-f]{32}\)/);
    const status = planroom(['sync', 'status', '--db', target]);
    expect(status.code).toBe(0);
    expect(status.stdout).not.toContain('outbox entr');

    const again = planroom(['bundle', 'import', out, '--db', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const forced = planroom(['bundle', 'import', out, '--db', target, '--force', '--json']);
    expect(forced.code).toBe(0);
    const backup = (JSON.parse(forced.stdout) as { backup: string }).backup;
    expect(backup).toMatch(/traveller\.db\.before-bundle-/);
    expect(existsSync(backup)).toBe(true);
  });

  it('refuses a bundle of a newer schema (exit 3) and a file that is not one, writing nothing', () => {
    const newer = join(dir, 'newer.planroom');
    copyFileSync(out, newer);
    const raw = new Database(newer);
    const ours = loadMigrations().length;
    raw.prepare("INSERT INTO schema_migrations VALUES (?, 'from_the_future', 'x', 'now')").run(ours + 1);
    raw.close();
    const r = planroom(['bundle', 'import', newer, '--db', join(dir, 'n.db')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `This bundle was made by a newer Planroom (schema ${ours + 1}, this one has ${ours}); update Planroom to open it.`,
    );
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n'.repeat(100));
    const t = planroom(['bundle', 'import', text, '--db', join(dir, 'n.db')]);
    expect(t.code).toBe(3);
    expect(t.stderr).toContain('not a Planroom bundle');
    expect(t.stderr).toContain('planroom bundle export');
    expect(readdirSync(dir).filter((f) => f.includes('n.db'))).toEqual([]);
    expect(planroom(['bundle', 'import', '--db', join(dir, 'n.db')]).code).toBe(2);
  });

  it('killed just before its rename, an export or import leaves no file at the name; the next run cleans up', () => {
    const crashOut = join(dir, 'crash.planroom');
    const temps = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`.${name}.`));
    const killed = planroom(['bundle', 'export', '--out', crashOut, '--db', db], {
      PLANROOM_TEST_CRASH_AT: 'bundle-export:before-commit',
    });
    expect(killed.code).toBeNull();
    expect(existsSync(crashOut)).toBe(false);
    expect(temps('crash.planroom').length).toBeGreaterThan(0);
    expect(planroom(['bundle', 'export', '--out', crashOut, '--db', db]).code).toBe(0);
    expect(temps('crash.planroom')).toEqual([]);

    const crashDb = join(dir, 'crash.db');
    const killedImport = planroom(['bundle', 'import', crashOut, '--db', crashDb], {
      PLANROOM_TEST_CRASH_AT: 'bundle-import:before-commit',
    });
    expect(killedImport.code).toBeNull();
    expect(existsSync(crashDb)).toBe(false);
    expect(planroom(['bundle', 'import', crashOut, '--db', crashDb]).code).toBe(0);
    expect(temps('crash.db')).toEqual([]);
    expect(planroom(['db', 'check', '--db', crashDb]).code).toBe(0);
  });
});
