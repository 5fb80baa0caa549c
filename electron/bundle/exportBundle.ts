// Writes a cycle bundle: one SQLite file holding one cycle and what the app needs to open it
// offline on another laptop (prune.ts says what stays). SQLite's online backup copies the
// database while other connections keep working; the copy is pruned, then VACUUM INTO writes
// the final file compact and whole (no -wal or -shm beside it). Every step works on temporary
// names in the target's folder and the last one is a rename: a failed export leaves no half file.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError, cutInput } from '../../shared/domain/errors';
import { crashPoint } from '../db/crashPoints';
import { getCycle } from '../db/repos/cycles';
import { laptopId } from '../db/repos/sync';
import type { ReadDb } from '../db/types';
import { nowIso } from '../db/types';
import { BUNDLE_KEY, type BundleInfo } from './bundleInfo';
import { pruneToCycle } from './prune';
import { removeStaleTemps, tempName } from '../fs/tempNames';

export interface ExportSummary {
  file: string;
  cycleId: number;
  cycleName: string;
  /** The snapshots the cycle pins, all in the bundle with their rows. */
  snapshots: number;
  /** The decisions on the cycle's list. */
  decisions: number;
  bytes: number;
  schema: number;
}

/** Refuses an output the export must not write over or cannot write, before any work. */
function checkOut(out: string, force: boolean): void {
  const folder = dirname(out);
  if (!existsSync(folder)) {
    throw new AppError('invalid_input', `Cannot write the bundle: folder ${folder} does not exist.`, {
      where: { field: 'out', value: cutInput(out, 200) },
      hint: 'Create the folder first, or choose another path with --out.',
    });
  }
  if (!existsSync(out)) return;
  if (statSync(out).isDirectory()) {
    throw new AppError('invalid_input', `${out} is a folder; give the bundle's file name.`, {
      where: { field: 'out', value: cutInput(out, 200) },
      hint: 'For example --out cycle.planroom.',
    });
  }
  if (!force) {
    throw new AppError('conflict', `${out} exists already; an export never overwrites a file unless told to.`, {
      where: { field: 'out', value: cutInput(out, 200) },
      hint: 'Choose another file name, or add --force to replace it.',
    });
  }
}

const removeWithSiblings = (file: string): void => {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
};

/** Flushes a file's bytes (and, where the platform allows, its folder's entry) to the disk. */
function fsyncPath(path: string, dir = false): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open a folder for fsync; the file itself is flushed there.
    if (!dir) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Exports cycle `cycleId` of `source` (any connection: the backup only reads) to `outPath`.
 * `force` replaces an existing file (atomically: the old one stays until the new one is whole).
 */
export async function exportBundle(
  source: ReadDb,
  cycleId: number,
  outPath: string,
  opts: { force?: boolean } = {},
): Promise<ExportSummary> {
  const out = resolve(outPath);
  const cycle = getCycle(source, cycleId);
  if (!cycle) {
    throw new AppError('not_found', `No cycle with id ${cycleId}.`, {
      where: { field: 'cycle', value: String(cycleId) },
      hint: 'List the cycles with `planroom cycle list` and give one of their ids with --cycle.',
    });
  }
  // The file being exported, named as the output (with --force it would be renamed over).
  if (source.name && resolve(source.name) === out) {
    throw new AppError(
      'invalid_input',
      `${out} is the database being exported; a bundle goes into a file of its own.`,
      {
        where: { field: 'out', value: cutInput(out, 200) },
        hint: 'Choose another file name, e.g. cycle.planroom.',
      },
    );
  }
  checkOut(out, opts.force === true);
  removeStaleTemps(out);
  const copyPath = tempName(out, 'copy');
  const finalTmp = tempName(out, 'tmp');
  try {
    await source.backup(copyPath);
    const copy = new Database(copyPath);
    let schema: number;
    try {
      schema = (copy.prepare('SELECT max(id) AS n FROM schema_migrations').get() as { n: number }).n;
      pruneToCycle(copy, cycleId);
      const info: BundleInfo = {
        cycleId,
        cycleName: cycle.name,
        exportedAt: nowIso(),
        exportedBy: laptopId(source),
        schema,
      };
      copy
        .prepare(
          'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(BUNDLE_KEY, JSON.stringify(info));
      // One file in rollback-journal mode: it opens read-only anywhere, and becomes WAL when opened as a database.
      copy.prepare('VACUUM INTO ?').run(finalTmp);
    } finally {
      copy.close();
    }
    const summary = summarize(finalTmp, cycleId);
    fsyncPath(finalTmp);
    crashPoint('bundle-export', 'before-commit');
    renameSync(finalTmp, out);
    fsyncPath(dirname(out), true);
    crashPoint('bundle-export', 'after-commit');
    return { file: out, cycleId, cycleName: cycle.name, schema, ...summary, bytes: statSync(out).size };
  } catch (e) {
    removeWithSiblings(finalTmp);
    if (e instanceof AppError) throw e;
    throw new AppError('conflict', `The bundle export to ${out} failed: ${cutInput((e as Error).message, 300)}.`, {
      hint: 'Check the free space and permissions of the folder, then try again; nothing was written.',
    });
  } finally {
    removeWithSiblings(copyPath);
  }
}

/** What the finished file holds, read from it (and checked: quick_check must pass). */
function summarize(file: string, cycleId: number): { snapshots: number; decisions: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the bundle's quick_check says ${String(check)}`);
    const n = (sql: string) => (db.prepare(sql).get(cycleId) as { n: number }).n;
    return {
      snapshots: n('SELECT count(*) n FROM cycle_snapshots WHERE cycle_id = ?'),
      decisions: n('SELECT count(*) n FROM cycle_decisions WHERE cycle_id = ?'),
    };
  } finally {
    db.close();
  }
}
