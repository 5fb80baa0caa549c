// Pulls a source system from its connection into one snapshot (issue 18 item 3): a folder is
// imported as `planroom import` imports it; an HTTP/OData API or a PostgreSQL database is read
// table by table (readersFor.ts) into one snapshot through the file import's pipeline
// (pullTables.ts). Every outcome, good or failed, is recorded on the connection (rows, rows/s,
// how long, the error), and a failure is then thrown on to the caller.
import type { HttpSource, PostgresSource, PullOutcome } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import type { SourceProfile } from '../../shared/domain/profile';
import { AppError, type AppErrorShape } from '../../shared/domain/errors';
import { getProfile } from '../db/repos/profiles';
import { latestSnapshotOf } from '../db/repos/snapshots';
import { writeLog } from '../log';
import { recordPull, type SourceConnectionRow } from '../db/repos/sourceConnections';
import type { WriteDb } from '../db/types';
import { envNameOf, type SecretStore } from '../secrets/secretStore';
import { importSource, type ImportProgress, type ImportResult } from '../snapshots/importSource';
import { sourceSecretName } from '../services/sources';
import { needsSecret, readerFor, readersFor } from './readersFor';
import { pullTables } from './pullTables';

export interface PullOptions {
  secrets: SecretStore;
  onProgress?: (p: ImportProgress) => void;
  /** The clock the pull's start is read from (the snapshot's extraction time); tests inject one. */
  now?: () => Date;
  /** Makes each table's reader (readersFor.ts's readerFor when not given); tests hand in their own feeds. */
  makeReader?: typeof readerFor;
}

/** One snapshot from the connection, all or nothing; the outcome is recorded on the connection. */
export async function pullSource(db: WriteDb, conn: SourceConnectionRow, opts: PullOptions): Promise<ImportResult> {
  const startedAt = (opts.now?.() ?? new Date()).toISOString();
  const began = performance.now();
  let rows = 0;
  const onProgress = (p: ImportProgress): void => {
    rows = p.rows;
    opts.onProgress?.(p);
  };
  const outcome = (ok: boolean, rest: Pick<PullOutcome, 'snapshotId' | 'unchanged' | 'error'>): PullOutcome => {
    const durationMs = Math.round(performance.now() - began);
    return {
      at: startedAt,
      ok,
      rows,
      rowsPerSecond: durationMs > 0 ? Math.round((rows * 1000) / durationMs) : 0,
      durationMs,
      ...rest,
    };
  };
  try {
    const c = conn.connection;
    const result =
      c.kind === 'folder'
        ? await importSource(db, conn.source, c.dir, { onProgress })
        : await pullFrom(db, conn.source, c, conn.lastGoodPullAt, startedAt, opts, onProgress);
    if (!result.unchanged) rows = result.rowCount;
    recordAfterBulk(
      db,
      conn.source,
      outcome(true, { snapshotId: result.snapshotId, unchanged: result.unchanged, error: null }),
      startedAt,
    );
    return result;
  } catch (e) {
    try {
      recordAfterBulk(
        db,
        conn.source,
        outcome(false, { snapshotId: null, unchanged: false, error: shapeOf(e) }),
        startedAt,
      );
    } catch (recording) {
      // The pull's own error is what the caller must see; the log keeps why it was not recorded.
      writeLog('warn', `the failed pull of ${conn.source} could not be recorded`, recording);
    }
    throw e;
  }
}

/**
 * Records the outcome with SQLite's automatic checkpoint held off: the snapshot just committed
 * left its rows in the WAL for a worker to copy (bulkWrite.ts), and this small write's commit
 * would otherwise copy them itself, on this thread, for about a second on an M pull.
 */
function recordAfterBulk(...args: Parameters<typeof recordPull>): void {
  const db = args[0];
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    recordPull(...args);
  } finally {
    db.pragma(`wal_autocheckpoint = ${before}`);
  }
}

function pullFrom(
  db: WriteDb,
  source: SourceSystem,
  settings: HttpSource | PostgresSource,
  lastGoodPullAt: string | null,
  startedAt: string,
  opts: PullOptions,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const profile = getProfile(db, source).profile;
  const secret = secretOf(source, settings, opts.secrets);
  const base = overlayBase(db, source, profile, lastGoodPullAt);
  const since = base === undefined ? null : lastGoodPullAt;
  const reads = readersFor(source, settings, profile, { source, secret, since }, opts.makeReader);
  return pullTables(db, {
    source,
    origin: originOf(settings),
    kind: settings.kind,
    profile,
    reads,
    startedAt,
    onProgress,
    baseId: reads.some((r) => r.modifiedSince) ? base : undefined,
    // The connection's own readers are made again and read in the import worker; a test's
    // injected ones are in-process fakes that cannot cross to it.
    connection: opts.makeReader ? undefined : { settings, secret, since },
  });
}

/**
 * The snapshot a modified-since pull's changed rows are laid over: the source's latest, when a
 * pull made it (a file import since then holds rows no feed said were changed) with the profile
 * in force now (rows mapped otherwise would mix with the new ones), and a good pull gave the
 * time to ask from. Otherwise undefined: every row is read.
 */
function overlayBase(
  db: WriteDb,
  source: SourceSystem,
  profile: SourceProfile,
  lastGoodPullAt: string | null,
): number | undefined {
  if (lastGoodPullAt === null) return undefined;
  const latest = latestSnapshotOf(db, source);
  if (!latest?.checksum.startsWith('pull:')) return undefined;
  const r = db.prepare('SELECT profile FROM snapshots WHERE id = ?').get(latest.id) as { profile: string | null };
  return r.profile === JSON.stringify(profile) ? latest.id : undefined;
}

/** The connection's secret; refused when it logs in with one and none is set. */
export function secretOf(
  source: SourceSystem,
  settings: HttpSource | PostgresSource,
  secrets: SecretStore,
): string | undefined {
  const name = sourceSecretName(source);
  const secret = secrets.get(name);
  if (secret === undefined && needsSecret(settings)) {
    throw new AppError(
      'import_failed',
      `The ${source} connection needs a secret (its token, password or API key) and none is set. Nothing was pulled.`,
      {
        where: { field: 'secret', value: envNameOf(name) },
        hint: `Set it on the Data page ("Pull from", the connection's secret), with planroom source secret ${source}, or in the environment variable ${envNameOf(name)}. It is kept in ${secrets.whereFor(name)}.`,
      },
    );
  }
  return secret;
}

/** Where a snapshot came from, as the snapshot list shows it (never a secret: none is in the settings). */
function originOf(settings: HttpSource | PostgresSource): string {
  if (settings.kind === 'postgres') return settings.url;
  const urls = Object.values(settings.tables).map((t) => new URL(t.url).origin);
  return [...new Set(urls)].join(' ');
}

/** What the connection keeps of a failure: the AppError's shape, anything else as internal. */
function shapeOf(e: unknown): AppErrorShape {
  if (e instanceof AppError) {
    const shape = e.toShape();
    // The stored outcome keeps the first problems only: the full list was thrown to the caller.
    return shape.details ? { ...shape, details: shape.details.slice(0, 20) } : shape;
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
