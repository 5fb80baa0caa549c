// One snapshot from table readers (an HTTP/OData feed or a PostgreSQL query per canonical table),
// through the file import's own pipeline: each reader's rows go through MapRowsSink (the mapping
// profile, validation, the pulled cells' one format) into a FileStore, all in one transaction.
// The readers run in the import worker, as CSV files are read there (their connection's settings
// and secret cross to it), so this thread only stores; readers a test injects run here.
// Any failure rolls the snapshot back, so the previous one stays pinned. Content the source's
// latest snapshot already holds is rolled back too, and the pull is a no-op (contentHash.ts).
import type { HttpSource, PostgresSource } from '../../shared/calls/sources';
import { canonicalTable, type SourceSystem } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import type { SourceProfile } from '../../shared/domain/profile';
import { bulkWrite } from '../db/bulkWrite';
import { crashPoint } from '../db/crashPoints';
import { latestSnapshotOf, setSnapshotChecksum, type SnapshotRow } from '../db/repos/snapshots';
import type { WriteDb } from '../db/types';
import { writeTxAsync } from '../db/writeTx';
import { DEFAULT_LIMITS } from '../sources/readRows';
import { DEFAULT_BAD_ROW_LIMITS } from '../snapshots/badRows';
import {
  mapJob,
  unchanged,
  type ImportedFile,
  type ImportProgress,
  type ImportResult,
} from '../snapshots/importSource';
import { importWorkerSession, type FileRead } from '../snapshots/importWorkerClient';
import { MapRowsSink, type MapJob } from '../snapshots/mapRows';
import { closeSnapshot, openSnapshot } from '../snapshots/snapshotTx';
import { FileStore } from '../snapshots/storeRows';
import { ContentHash, pullChecksum, sameContent, TableHash } from './contentHash';
import { hashStored, layOver, storedRows } from './overlay';
import type { TableRead } from './readersFor';
import { PULL_FORMAT, type TableReader } from './tableReader';

export interface TablesPull {
  source: SourceSystem;
  /** The connection's kind and place, as the snapshot list shows the snapshot's origin. */
  origin: string;
  kind: string;
  profile: SourceProfile;
  reads: TableRead[];
  /** When the pull started: the snapshot's extraction time. */
  startedAt: string;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * The snapshot the modifiedSince tables' changed rows are laid over (overlay.ts); undefined
   * when the readers were asked for every row.
   */
  baseId?: number;
  /**
   * What the reads' readers were made from (readersFor.ts readerFor), so the import worker makes
   * them again and reads there; undefined runs `reads`' own readers on this thread.
   */
  connection?: { settings: HttpSource | PostgresSource; secret: string | undefined; since: string | null };
}

/** Thrown inside the transaction to roll back a pull whose content the latest snapshot holds. */
class SameAsLatest extends Error {
  constructor(readonly latest: SnapshotRow) {
    super('unchanged');
  }
}

export async function pullTables(db: WriteDb, pull: TablesPull): Promise<ImportResult> {
  try {
    return await bulkWrite(db, () => writeTxAsync(db, 'import', () => writePulled(db, pull)));
  } catch (e) {
    if (e instanceof SameAsLatest) return unchanged(pull.source, e.latest);
    throw e;
  }
}

async function writePulled(db: WriteDb, pull: TablesPull): Promise<ImportResult> {
  const { source, profile, startedAt } = pull;
  const limits = { ...DEFAULT_LIMITS, ...DEFAULT_BAD_ROW_LIMITS };
  // What the pull is compared with: the source's newest snapshot before it.
  const previous = latestSnapshotOf(db, source);
  // The content's checksum is known once everything is read: a placeholder (unique: the pull's
  // time) holds its place until then.
  const snap = openSnapshot(db, {
    source,
    extractedAt: startedAt,
    origin: pull.origin,
    checksum: `pull:reading@${startedAt}`,
    profile,
    skip: false,
    limits,
  });
  const content = new ContentHash(pull.kind, profile);
  const signal = pull.signal ?? new AbortController().signal;
  const files: ImportedFile[] = [];
  let rowsDone = 0;
  const began = performance.now();
  const tables = pull.reads.map((read) => {
    const delta = read.modifiedSince && pull.baseId !== undefined;
    // Changed rows only: none changed is no "header but no rows" failure.
    const mapping = delta ? { ...read.mapping, optional: true } : read.mapping;
    const file = read.reader.from;
    // Pulled cells are written one way whatever the profile says of its export files; no CSV
    // parser has looked at them, so control characters are checked cell by cell.
    const job: MapJob = {
      ...mapJob(profile, mapping, file, limits, false),
      file,
      format: PULL_FORMAT,
      checkControls: true,
    };
    return { read, delta, mapping, file, job };
  });
  // Every table is posted now: the worker reads the next while this thread stores the last.
  const session = pull.connection ? importWorkerSession() : undefined;
  try {
    const inWorker = new Map<number, FileRead>();
    if (session && pull.connection) {
      const { settings, secret, since } = pull.connection;
      tables.forEach(({ read, job }, i) => {
        const hash = !read.modifiedSince;
        inWorker.set(
          i,
          session.read({ ...job, pull: { source, settings, mapping: read.mapping, secret, since, hash } }),
        );
      });
    }
    for (const [i, { read, delta, mapping, file, job }] of tables.entries()) {
      const table = canonicalTable(mapping.table);
      const before = snap.bad.count;
      const store = new FileStore(db, snap.snapshotId, table, file, mapping, snap.bad, (rows) => {
        crashPoint('import', 'after-rows', rowsDone + rows);
        const seconds = (performance.now() - began) / 1000;
        pull.onProgress?.({
          source,
          file,
          rows: rowsDone + rows,
          bytesRead: 0,
          bytesTotal: 0,
          rowsPerSecond: seconds > 0 ? Math.round((rowsDone + rows) / seconds) : undefined,
        });
      });
      // A modifiedSince table is hashed as stored once complete (below), not as read.
      let digest: string | undefined;
      try {
        const worker = inWorker.get(i);
        if (worker) digest = await worker.run((m) => store.take(m));
        else digest = await readHere(read.reader, job, store, !read.modifiedSince, signal);
      } catch (e) {
        throw asPullError(e, file);
      }
      const done = store.finish();
      rowsDone += done.rows + (snap.bad.count - before);
      snap.rowCounts[mapping.table] = (snap.rowCounts[mapping.table] ?? 0) + done.rows;
      if (read.modifiedSince) {
        if (delta) {
          layOver(db, table, pull.baseId!, snap.snapshotId);
          snap.rowCounts[mapping.table] = storedRows(db, table, snap.snapshotId);
        }
        const stored = new TableHash();
        hashStored(db, table, snap.snapshotId, stored.raw);
        digest = stored.digest();
      }
      content.add(mapping.table, digest!);
      files.push({ ...done, file, table: mapping.table, rejected: snap.bad.count - before });
    }
  } finally {
    session?.close();
  }
  const rowCount = closeSnapshot(db, profile, snap, files);
  const hash = content.digest();
  if (previous && sameContent(previous.checksum, hash)) throw new SameAsLatest(previous);
  setSnapshotChecksum(db, snap.snapshotId, pullChecksum(hash, startedAt));
  return {
    source,
    snapshotId: snap.snapshotId,
    unchanged: false,
    rowCount,
    rowCounts: snap.rowCounts,
    rejectedCount: snap.bad.count,
    extractedAt: startedAt,
    files,
  };
}

/** Reads a table on this thread (an injected reader); its content digest when `hash`. */
async function readHere(
  reader: TableReader,
  job: MapJob,
  store: FileStore,
  hash: boolean,
  signal: AbortSignal,
): Promise<string | undefined> {
  const mapped = new MapRowsSink(job, (m) => store.take(m));
  const content = hash ? new TableHash() : undefined;
  await reader.read(content ? content.sinkFor(mapped) : mapped, signal);
  return content?.digest();
}

/** A reader's AppError as it is; anything else (a bug, a socket torn down) named by where it came from. */
function asPullError(e: unknown, from: string): unknown {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('import_failed', `Reading ${cutInput(from, 200)} failed: ${cutInput(message, 300)}`, {
    where: { file: from },
    hint: 'Test the connection (planroom source test, or "Test connection" on the Data page), then pull again.',
  });
}
