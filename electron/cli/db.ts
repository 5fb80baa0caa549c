// `planroom db check | backup FILE`: the database file itself, not the planning data. They are
// not API calls: `check` must read a file that is too damaged to open as a Planroom database,
// and `backup` writes a file wherever the user says, which the hosted API must never do.
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { asDbError, corruptDatabase } from '../db/dbErrors';
import { openDatabase } from '../db/open';
import { common, dbOption, EXIT, subcommandVerb, usage, type Io, type Verb } from './core';
import { resolveDbPath } from '../paths';

const MAX_PROBLEMS = 20;

/** The database file the command works on, resolved as every verb does. */
const dbFile = (v: Record<string, unknown>, io: Io): string =>
  resolve(resolveDbPath(v.db as string | undefined, io.env));

export const dbVerb: Verb = subcommandVerb('db', {
  summary: 'Check the database file for damage, or back it up',
  options: { ...common, ...dbOption },
  subs: {
    check: {
      usage: '',
      run: async (v, _args, io) => check(dbFile(v, io), io, v.json === true),
    },
    backup: {
      usage: 'FILE',
      args: 1,
      run(v, [target], io) {
        if (target === undefined) throw usage('db backup FILE: give the backup file to write');
        return backup(dbFile(v, io), resolve(target), io, v.json === true);
      },
    },
  },
  commonUsage: '[--db FILE] [--json]',
});

/** integrity_check: every page, index and constraint, read only. Exit 3 when damaged. */
function check(file: string, io: Io, json: boolean): number {
  if (!existsSync(file)) {
    throw new AppError('db_unavailable', `No database at ${file}.`, { hint: 'Check the path given with --db.' });
  }
  let problems: string[];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    problems = (db.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
  } catch (e) {
    throw asDbError(e, file);
  } finally {
    db?.close();
  }
  const ok = problems.length === 1 && problems[0] === 'ok';
  if (json) io.out(JSON.stringify({ file, ok, problems: ok ? [] : problems }, null, 2));
  else if (ok) io.out(`${file}: no damage found (integrity_check)`);
  else for (const p of problems) io.out(`${file}: ${p.slice(0, 300)}`);
  if (!ok) throw corruptDatabase(file, problems);
  return EXIT.ok;
}

/** A consistent copy while others may use the database (SQLite's online backup). */
async function backup(file: string, dest: string, io: Io, json: boolean): Promise<number> {
  if (existsSync(dest)) {
    throw new AppError('conflict', `${dest} exists already; a backup never overwrites a file.`, {
      hint: 'Choose a new file name, e.g. with the date in it.',
    });
  }
  if (!existsSync(dirname(dest))) {
    throw new AppError('invalid_input', `Cannot write the backup: folder ${dirname(dest)} does not exist.`, {
      hint: 'Create the folder first, or choose another path.',
    });
  }
  // Refuses a damaged or foreign file: a backup of a damaged database would hide the damage.
  const db = openDatabase(file, { create: false });
  try {
    await db.backup(dest);
    const copy = new Database(dest, { readonly: true, fileMustExist: true });
    try {
      const result = copy.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`the backup's quick_check says ${String(result)}`);
    } finally {
      copy.close();
    }
  } catch (e) {
    for (const f of [dest, `${dest}-wal`, `${dest}-shm`]) rmSync(f, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('conflict', `The backup to ${dest} failed: ${(e as Error).message.slice(0, 300)}.`, {
      hint: 'Check the free space and permissions of the backup folder, then try again.',
    });
  } finally {
    db.close();
  }
  const bytes = statSync(dest).size;
  if (json) io.out(JSON.stringify({ file, backup: dest, bytes }, null, 2));
  else io.out(`Backed up ${file} to ${dest} (${(bytes / 1048576).toFixed(1)} MB)`);
  return EXIT.ok;
}
