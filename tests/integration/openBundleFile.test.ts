// Opening a .planroom file from the desktop, without Electron: openBundleFile with fake dialog
// and relaunch deps, on a real bundle made by `planroom bundle export`. It asks first, imports
// into <user data>/bundles/<cycle>-<n>.db, never over a database, restarts on the new one, and
// on a refusal shows the message and leaves the current database as it was.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/db/migrate';
import { OPEN_FAILED_TITLE, openBundleFile, type OpenBundleDeps } from '../../electron/shell/openBundle';
import { planroom } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { sha256, tempDir } from '../helpers/tmp';

interface Recorded {
  deps: OpenBundleDeps;
  questions: { message: string; detail: string }[];
  errors: { title: string; message: string }[];
  relaunched: string[];
  logged: unknown[];
}

function fakeShell(userData: string, answer: boolean): Recorded {
  const r: Recorded = { questions: [], errors: [], relaunched: [], logged: [], deps: undefined as never };
  r.deps = {
    userData,
    confirm: (q) => (r.questions.push(q), Promise.resolve(answer)),
    showError: (title, message) => void r.errors.push({ title, message }),
    relaunch: (dbPath) => void r.relaunched.push(dbPath),
    logInternal: (_call, e) => (r.logged.push(e), '/logs/planroom.log'),
  };
  return r;
}

describe('opening a .planroom file', () => {
  const dir = tempDir('planroom-open-bundle-', 'all');
  const current = join(dir, 'p.db');
  const bundle = join(dir, 'Dec cycle.planroom');
  const userData = join(dir, 'user-data');
  const bundles = join(userData, 'bundles');
  let cycleName = '';
  let currentHash = '';

  beforeAll(async () => {
    const api = await openDemoApi(dir);
    await api.call('decision.add', { title: 'Add a second shift at P1', owner: 'COO', by: 'Facilitator' });
    cycleName = (api.db.prepare('SELECT name FROM cycles ORDER BY id DESC LIMIT 1').get() as { name: string }).name;
    await api.close();
    const exported = planroom(['bundle', 'export', '--out', bundle, '--db', current]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    currentHash = sha256(current);
  }, 120_000);

  it('asks, imports into a database of its own and restarts on it; the current one is untouched', async () => {
    const shell = fakeShell(userData, true);
    const result = await openBundleFile(bundle, shell.deps);
    expect(shell.errors).toEqual([]);
    expect(shell.questions).toEqual([
      {
        message: `Open the cycle ${cycleName} from Dec cycle.planroom?`,
        detail: `It opens as its own database; your current database is not changed.\n\nFile: ${bundle}`,
      },
    ]);
    expect(result.kind).toBe('opened');
    const [target] = shell.relaunched;
    expect(target).toMatch(/[\\/]bundles[\\/][A-Za-z0-9._-]+-1\.db$/);
    expect(target!.startsWith(bundles)).toBe(true);
    const db = new Database(target!, { readonly: true });
    const decisions = db.prepare("SELECT count(*) n FROM decisions WHERE title = 'Add a second shift at P1'").get();
    db.close();
    expect(decisions).toEqual({ n: 1 });
    expect(sha256(current)).toBe(currentHash);
  });

  it('opened again, makes a second database and never replaces the first', async () => {
    const first = readdirSync(bundles).filter((f) => f.endsWith('-1.db'));
    expect(first).toHaveLength(1);
    const firstHash = sha256(join(bundles, first[0]!));
    const shell = fakeShell(userData, true);
    await openBundleFile(bundle, shell.deps);
    expect(shell.relaunched[0]).toMatch(/-2\.db$/);
    expect(sha256(join(bundles, first[0]!))).toBe(firstHash);
  });

  it('declined, writes nothing and does not restart', async () => {
    const before = readdirSync(bundles).sort();
    const shell = fakeShell(userData, false);
    expect(await openBundleFile(bundle, shell.deps)).toEqual({ kind: 'declined' });
    expect(shell.questions).toHaveLength(1);
    expect(shell.relaunched).toEqual([]);
    expect(readdirSync(bundles).sort()).toEqual(before);
  });

  it('refuses a bundle from a newer Planroom before asking, saying to update, and stays on the current database', async () => {
    const newer = join(dir, 'newer.planroom');
    copyFileSync(bundle, newer);
    const raw = new Database(newer);
    raw
      .prepare("INSERT INTO schema_migrations VALUES (?, 'from_the_future', 'x', 'now')")
      .run(loadMigrations().length + 1);
    raw.close();
    const before = readdirSync(bundles).sort();
    const shell = fakeShell(userData, true);
    const result = await openBundleFile(newer, shell.deps);
    expect(result.kind).toBe('failed');
    expect(shell.questions).toEqual([]);
    expect(shell.relaunched).toEqual([]);
    expect(shell.errors).toHaveLength(1);
    expect(shell.errors[0]!.title).toBe(OPEN_FAILED_TITLE);
    expect(shell.errors[0]!.message).toContain('made by a newer Planroom');
    expect(shell.errors[0]!.message).toContain('update Planroom to open it');
    expect(readdirSync(bundles).sort()).toEqual(before);
    expect(sha256(current)).toBe(currentHash);
  });

  it('refuses a file that is no bundle with what to do', async () => {
    const fake = join(dir, 'notes.planroom');
    writeFileSync(fake, 'not a database\n'.repeat(100));
    const shell = fakeShell(userData, true);
    await openBundleFile(fake, shell.deps);
    expect(shell.errors[0]!.message).toContain('not a Planroom bundle');
    expect(shell.errors[0]!.message).toContain('planroom bundle export');
    expect(shell.relaunched).toEqual([]);
  });

  it('an unexpected failure names the file, says the current database is unchanged and where the details are', async () => {
    // The user data folder is a file: the bundles folder cannot be made.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    const shell = fakeShell(blocked, true);
    const result = await openBundleFile(bundle, shell.deps);
    expect(result.kind).toBe('failed');
    expect(shell.logged).toHaveLength(1);
    expect(shell.errors[0]!.message).toMatch(/^Planroom could not open .*Dec cycle\.planroom: /);
    expect(shell.errors[0]!.message).toContain('Your current database is unchanged.');
    expect(shell.errors[0]!.message).toContain('The details are in /logs/planroom.log.');
    expect(shell.relaunched).toEqual([]);
    expect(existsSync(join(blocked, 'bundles'))).toBe(false);
  });
});
