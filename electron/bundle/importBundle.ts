// Opens a cycle bundle as this laptop's database. The bundle is checked (checkBundle.ts), copied
// next to the target under a temporary name, migrated forward with the normal migrations, made
// another laptop (adoptAsNewLaptop), and only then renamed into place: a refused or failed import
// writes nothing at the target. An existing database is replaced only when told to (--force), and
// then kept beside it as <name>.before-bundle-<time>.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError, cutInput } from '../../shared/domain/errors';
import { crashPoint } from '../db/crashPoints';
import { loadMigrations } from '../db/migrate';
import { openDatabase } from '../db/open';
import { laptopId } from '../db/repos/sync';
import type { WriteDb } from '../db/types';
import { nowIso } from '../db/types';
import { IMPORTED_KEY } from './bundleInfo';
import { checkBundle } from './checkBundle';
import { removeStaleTemps, tempName } from '../fs/tempNames';

export interface ImportSummary {
  file: string;
  target: string;
  /** Where the database that was at the target went (--force), else null. */
  backup: string | null;
  cycleId: number | null;
  cycleName: string | null;
  snapshots: number;
  decisions: number;
  /** This copy's new laptop id, and the exporting laptop's. */
  laptopId: string;
  exportedBy: string;
  /** The bundle's schema, and this Planroom's (migrated forward when lower). */
  schemaFrom: number;
  schemaTo: number;
  /** Outbox entries the bundle carried undelivered, left to the laptop that wrote them. */
  outboxCarried: number;
}

/** Why the carried entries are marked delivered here, kept with each HTTP and file-drop mark. */
const CARRIED_NOTE = 'carried in a cycle bundle: the laptop it was exported on delivers it';

const siblings = (file: string): string[] => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

export async function importBundle(
  filePath: string,
  targetPath: string,
  opts: { force?: boolean } = {},
): Promise<ImportSummary> {
  const file = resolve(filePath);
  const target = resolve(targetPath);
  const migrations = loadMigrations();
  const checked = checkBundle(file, migrations);
  checkTarget(target, opts.force === true);

  removeStaleTemps(target);
  const tmp = tempName(target, 'import');
  let backup: string | null = null;
  try {
    copyFileSync(file, tmp);
    // The normal open: sound, compatible, migrated forward, foreign keys on.
    const db = openDatabase(tmp, { create: false });
    let adopted: ReturnType<typeof adoptAsNewLaptop>;
    try {
      adopted = adoptAsNewLaptop(db, basename(file), checked.info?.cycleId ?? null);
      // One file again before the rename (the next open turns WAL back on).
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    for (const f of siblings(tmp)) rmSync(f, { force: true });
    crashPoint('bundle-import', 'before-commit');
    if (existsSync(target)) backup = setAside(target);
    renameSync(tmp, target);
    crashPoint('bundle-import', 'after-commit');
    const info = checked.info;
    return {
      file,
      target,
      backup,
      cycleId: info?.cycleId ?? null,
      cycleName: info?.cycleName ?? null,
      snapshots: adopted.snapshots,
      decisions: adopted.decisions,
      laptopId: adopted.laptopId,
      exportedBy: info?.exportedBy ?? adopted.previous,
      schemaFrom: checked.schema,
      schemaTo: migrations.length,
      outboxCarried: adopted.carried,
    };
  } catch (e) {
    for (const f of [tmp, ...siblings(tmp)]) rmSync(f, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('conflict', `The import to ${target} failed: ${cutInput((e as Error).message, 300)}.`, {
      hint:
        backup === null
          ? 'Check the free space and permissions of the folder, then try again; nothing was changed at the target.'
          : `The database that was there is kept as ${backup}; rename it back to ${target} to return to it.`,
    });
  }
}

function checkTarget(target: string, force: boolean): void {
  if (!existsSync(dirname(target))) {
    throw new AppError('invalid_input', `Cannot import: folder ${dirname(target)} does not exist.`, {
      where: { field: 'db', value: cutInput(target, 200) },
      hint: 'Create the folder first, or give another path with --db.',
    });
  }
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    throw new AppError('invalid_input', `${target} is a folder, not a database file.`, {
      hint: 'Give a file path with --db.',
    });
  }
  if (!force) {
    throw new AppError('conflict', `A database exists at ${target}; an import never replaces one unless told to.`, {
      where: { field: 'db', value: cutInput(target, 200) },
      hint: 'Give another path with --db, or add --force to replace it (the old one is kept beside it as a backup).',
    });
  }
}

/**
 * Moves the database at `target` (and its WAL) to a backup name. Its WAL is checkpointed first so
 * the main file is whole; a checkpoint that cannot finish means another process has it open.
 */
function setAside(target: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const backup = `${target}.before-bundle-${stamp}`;
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { fileMustExist: true });
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r && r.busy !== 0) {
      throw new AppError('busy', `${target} is open in another Planroom (the app or planroom serve).`, {
        hint: 'Close it, then import again; nothing was changed.',
      });
    }
  } catch (e) {
    // A damaged or foreign file is set aside as it is: --force asked for it to be replaced.
    if (e instanceof AppError) throw e;
  } finally {
    db?.close();
  }
  renameSync(target, backup);
  for (const f of siblings(target)) if (existsSync(f)) renameSync(f, f.replace(target, backup));
  return backup;
}

/**
 * Makes the copy another laptop on the hub: a new laptop id; the outbox entries it carries are
 * the exporting laptop's to deliver (that laptop still has them), so they are marked delivered
 * here, for the hub (delivered_at) and for each HTTP or file-drop target (a delivered mark with
 * the reason); pull cursors start again at 0 so this laptop pulls everything it does not have.
 */
function adoptAsNewLaptop(db: WriteDb, from: string, cycleId: number | null) {
  const at = nowIso();
  const previous = laptopId(db);
  const fresh = randomBytes(16).toString('hex');
  const carried = db.transaction(() => {
    db.prepare("UPDATE sync_state SET value = ? WHERE key = 'laptop_id'").run(fresh);
    const n = db
      .prepare('UPDATE outbox SET delivered_at = ?, next_attempt_at = NULL WHERE delivered_at IS NULL')
      .run(at).changes;
    db.prepare(
      `INSERT INTO outbox_deliveries (target_id, outbox_id, state, http_status, response, at)
         SELECT t.id, o.id, 'delivered', NULL, ?, ? FROM sync_targets t CROSS JOIN outbox o WHERE t.kind <> 'postgres'
       ON CONFLICT (target_id, outbox_id) DO UPDATE SET state = 'delivered', response = excluded.response, at = excluded.at
         WHERE state = 'failed'`,
    ).run(CARRIED_NOTE, at);
    db.prepare(
      `UPDATE sync_targets SET pull_cursor = 0, failures = 0, next_attempt_at = NULL, last_attempt_at = NULL,
         last_success_at = NULL, last_error = NULL, last_error_hint = NULL, updated_at = ?`,
    ).run(at);
    const upTo = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM outbox').get() as { n: number }).n;
    db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(
      IMPORTED_KEY,
      JSON.stringify({ importedAt: at, from, replacedLaptop: previous, outboxCarried: n, outboxUpTo: upTo }),
    );
    return n;
  })();
  const n = (sql: string) => (db.prepare(sql).get(cycleId) as { n: number }).n;
  return {
    laptopId: fresh,
    previous,
    carried,
    snapshots: n('SELECT count(*) n FROM cycle_snapshots WHERE cycle_id = ?'),
    decisions: n('SELECT count(*) n FROM cycle_decisions WHERE cycle_id = ?'),
  };
}
