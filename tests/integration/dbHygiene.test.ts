// The database file as the CLI finds it: damaged pages are refused with exit 3 and what to do (on
// open, and when a call meets them later), another program's SQLite file is refused unchanged, a
// command that fails leaves no new file, `planroom db check|backup` work, and an internal error
// leaves its stack in the log.
import Database from 'better-sqlite3';
import { closeSync, cpSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callHooks } from '../../electron/callHooks';
import { dispatch, type Handlers } from '../../shared/dispatch';
import { planroom, ROOT } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/tmp';

const ERP = join(ROOT, 'assets', 'demo', 'erp');
const siblings = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));

/** Overwrites pages in the middle of the file (not page 1: it stays an SQLite file) with 0xFF. */
function damagePages(file: string): void {
  const pageSize = 4096;
  const pages = statSync(file).size / pageSize;
  const fd = openSync(file, 'r+');
  try {
    for (let p = Math.floor(pages / 4); p < Math.floor(pages / 2); p += 3) {
      writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, p * pageSize);
    }
  } finally {
    closeSync(fd);
  }
}

describe('database hygiene (CLI)', () => {
  const dir = tempDir('planroom-dbh-', 'all');
  /** A sound database with the demo ERP snapshot, copied by the tests that damage or change it. */
  const sound = join(dir, 'sound.db');
  beforeAll(() => {
    const r = planroom(['import', '--source', 'ERP', ERP, '--db', sound]);
    expect(r.code, r.stderr).toBe(0);
  });
  const copyOf = (name: string): string => {
    const file = join(dir, name);
    cpSync(sound, file);
    return file;
  };

  it('refuses a database with damaged pages: exit 3, says to restore the backup, and imports nothing', () => {
    const file = copyOf('damaged.db');
    damagePages(file);
    const before = sha256(file);
    for (const args of [['snapshots'], ['import', '--source', 'ERP', ERP], ['cycle']]) {
      const r = planroom([...args, '--db', file]);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/The database .*damaged\.db is damaged/);
      expect(r.stderr).toMatch(/Restore the last backup/);
      expect(r.stderr).not.toMatch(/Internal error/);
    }
    expect(sha256(file)).toBe(before);
    const check = planroom(['db', 'check', '--db', file]);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/damaged\.db: .+/);
    expect(check.stdout).not.toMatch(/no damage/);
  });

  it('maps SQLITE_CORRUPT met in the middle of a call to the database error, not "internal"', async () => {
    const file = copyOf('damaged-later.db');
    damagePages(file);
    // A connection opened without the check, as if the damage happened while the app ran.
    const raw = new Database(file, { readonly: true });
    const handlers = {
      // Reads every row of every table: some of them sit on the damaged pages.
      'snapshot.list': () => {
        const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
        for (const t of tables) raw.prepare(`SELECT * FROM "${t}"`).all();
        return [];
      },
    } as unknown as Handlers;
    const log = join(dir, 'corrupt-call.log');
    const r = await dispatch(handlers, 'snapshot.list', {}, {}, callHooks(file, { PLANROOM_LOG: log }));
    raw.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'db_corrupt', hint: /Restore the last backup/ } });
    // Not a bug: nothing logged as one.
    expect(existsSync(log)).toBe(false);
  });

  it("refuses another program's SQLite file before any write: byte-identical, no WAL, no tables", () => {
    for (const mode of ['DELETE', 'WAL']) {
      const file = join(dir, `foreign-${mode}.db`);
      const other = new Database(file);
      other.pragma(`journal_mode = ${mode}`);
      other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
      other.close();
      const before = sha256(file);
      for (const args of [['snapshots'], ['import', '--source', 'ERP', ERP], ['serve', '--port', '0', '--no-demo']]) {
        const r = planroom([...args, '--db', file]);
        expect(r.code, `${mode} ${args[0]}: ${r.stderr}`).toBe(3);
        expect(r.stderr).toMatch(/is an SQLite database, but not a Planroom one \(it holds invoices\)/);
      }
      expect(sha256(file), mode).toBe(before);
      expect(siblings(file), mode).toEqual([file]);
      const after = new Database(file, { readonly: true });
      expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([
        { name: 'invoices' },
      ]);
      expect(after.pragma('journal_mode', { simple: true })).toBe(mode.toLowerCase());
      after.close();
    }
  });

  it('leaves no new file behind when a first import fails, or a read verb names a missing file', () => {
    const bad = join(dir, 'erp-bad');
    cpSync(ERP, bad, { recursive: true });
    const items = join(bad, 'locations.csv');
    const lines = readFileSync(items, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,[^,]*$/, ',"unterminated');
    writeFileSync(items, lines.join('\n'));
    for (const [name, args, code] of [
      ['bad-rows.db', ['import', '--source', 'ERP', bad], 1],
      ['no-folder.db', ['import', '--source', 'ERP', join(dir, 'nowhere')], 1],
      ['read.db', ['snapshots'], 3],
      ['cycle.db', ['cycle'], 3],
    ] as const) {
      const file = join(dir, name);
      const r = planroom([...args, '--db', file]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(code);
      expect(siblings(file), name).toEqual([]);
    }
  });

  it('backs up a sound database to a new file, checks it, and never overwrites one', () => {
    const backup = join(dir, 'backup.db');
    const r = planroom(['db', 'backup', backup, '--db', sound]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backed up .*sound\.db to .*backup\.db \(\d+\.\d MB\)/);
    expect(planroom(['db', 'check', '--db', backup])).toMatchObject({ code: 0, stdout: /no damage found/ });
    const listed = (f: string) => JSON.parse(planroom(['snapshots', '--json', '--db', f]).stdout) as unknown[];
    expect(listed(backup)).toEqual(listed(sound));
    const before = sha256(backup);
    const again = planroom(['db', 'backup', backup, '--db', sound]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
    expect(sha256(backup)).toBe(before);
    const damaged = copyOf('damaged-source.db');
    damagePages(damaged);
    const refused = planroom(['db', 'backup', join(dir, 'of-damaged.db'), '--db', damaged]);
    expect(refused.code).toBe(3);
    expect(existsSync(join(dir, 'of-damaged.db'))).toBe(false);
  });

  it('writes an internal error to the log with its stack and the call, and tells the user where', () => {
    const file = copyOf('broken-schema.db');
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.exec('DROP TABLE rejected_rows');
    raw.close();
    const log = join(dir, 'logs', 'planroom.log');
    const r = planroom(['snapshots', 'rejected', '--id', '1', '--db', file], { PLANROOM_LOG: log });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Internal error in snapshot.rejected');
    expect(r.stderr).toContain(`The details are in ${log}`);
    const text = readFileSync(log, 'utf8');
    expect(text).toMatch(/ERROR \[pid \d+\] internal error in snapshot\.rejected\n/);
    expect(text).toMatch(/no such table: rejected_rows\n\s+at /);
  });

  it('names the flag of a bad value: `--snapshot abc` is a usage error, exit 2', () => {
    const r = planroom(['cycle', 'pin', '--source', 'ERP', '--snapshot', 'abc', '--reason', 'x', '--db', sound]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--snapshot must be a whole number .*not "abc"/);
    expect(r.stderr).not.toMatch(/snapshotId/);
    const limit = planroom(['snapshots', 'rejected', '--id', '1', '--limit', '1e3', '--db', sound]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--limit must be a whole number/);
    // Refused by the contract, still said with the flag the user typed.
    const meeting = planroom(['cycle', 'create', '--name', 'x', '--meeting', 'tuesday', '--db', sound]);
    expect(meeting.code).toBe(2);
    expect(meeting.stderr).toMatch(/^planroom cycle: --meeting "tuesday": Invalid ISO datetime\. Usage:/);
    expect(meeting.stderr).not.toMatch(/meetingAt/);
    const type = planroom(['exceptions', '--type', 'bogus', '--db', sound]);
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/--type "bogus": Invalid option/);
  });
});
