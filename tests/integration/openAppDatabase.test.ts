// The database of a long-running start (electron/shell/openAppDatabase.ts), on real files: a
// first run whose demo load fails leaves no file behind, a database from a newer Planroom is
// refused unchanged, and another program's SQLite file is still refused although the start skips
// the page-by-page quick_check.
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors';
import { openAppDatabase } from '../../electron/shell/openAppDatabase';
import { sha256, tempDir } from '../helpers/tmp';

describe('openAppDatabase', () => {
  it('removes the database a first run created when the demo company cannot be loaded', async () => {
    const dir = tempDir();
    const file = join(dir, 'first.db');
    await expect(openAppDatabase(file, { demo: true, demoDir: join(dir, 'no-demo-here') })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('loads the demo company on a first run only, and abandon() keeps a database it did not create', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.db');
    const first = await openAppDatabase(file, { demo: true });
    expect(first.loadedDemo).toBe(true);
    first.db.close();
    const again = await openAppDatabase(file, { demo: true });
    expect(again.loadedDemo).toBe(false);
    again.abandon();
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a database from a newer Planroom, changing nothing on disk', async () => {
    const dir = tempDir();
    const file = join(dir, 'newer.db');
    (await openAppDatabase(file, { demo: false })).db.close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (42, 'future', 'x', 'x')").run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(file);
    const opening = openAppDatabase(file, { demo: true });
    await expect(opening).rejects.toBeInstanceOf(AppError);
    await expect(opening).rejects.toThrow(/newer Planroom \(schema 42/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['newer.db']);
  });

  it("refuses another program's SQLite file without the quick_check, unchanged", async () => {
    const dir = tempDir();
    const file = join(dir, 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const before = sha256(file);
    await expect(openAppDatabase(file, { demo: true })).rejects.toThrow(/not a Planroom one \(it holds invoices\)/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['other.db']);
  });
});
