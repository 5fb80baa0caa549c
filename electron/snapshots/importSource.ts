// Imports one source system's export folder as one immutable snapshot: pick files by the
// profile's patterns -> read -> map -> validate -> commit, all in one transaction. Bad rows are
// all reported at once with file, sheet, row, column, value and what was expected, and nothing
// is written; or, with skipBadRows, set aside in rejected_rows for review. The previous snapshot
// stays as it was until the new one is committed.
import type { ApiOutput } from '../../shared/api';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { canonicalTable, type SourceSystem } from '../../shared/domain/canonical';
import { headersOf } from '../../shared/domain/mappingHeaders';
import { fileFormat, type FileMapping, type SourceProfile } from '../../shared/domain/profile';
import { bulkWrite } from '../db/bulkWrite';
import { crashPoint } from '../db/crashPoints';
import { writeTxAsync } from '../db/writeTx';
import { getProfile } from '../db/repos/profiles';
import { findSnapshotByChecksum, type SnapshotRow } from '../db/repos/snapshots';
import type { WriteDb } from '../db/types';
import {
  DEFAULT_LIMITS,
  isWorkbook,
  readRows,
  startWorkbook,
  type ReadLimits,
  type ReadOptions,
} from '../sources/readRows';
import { openRegular } from '../sources/regularFile';
import type { XlsxReader } from '../sources/readXlsx';
import { DEFAULT_BAD_ROW_LIMITS, type BadRowLimits } from './badRows';
import { importWorkerSession, type FileRead } from './importWorkerClient';
import { MapRowsSink, type MapJob } from './mapRows';
import { extractionTime } from './manifest';
import { pickFiles, type PickedFiles } from './pickFiles';
import { closeSnapshot, openSnapshot } from './snapshotTx';
import { FileStore } from './storeRows';

export interface ImportProgress {
  source: SourceSystem;
  file: string;
  /** Rows read so far in this import (all files). */
  rows: number;
  /** Bytes of all the import's files read so far, of bytesTotal. */
  bytesRead: number;
  bytesTotal: number;
  /** Rows per second so far, when the pace is known (a pull: its size is not known up front). */
  rowsPerSecond?: number;
}

/** What an import gives back is the contract's output of snapshot.import (shared/api.ts). */
export type ImportResult = ApiOutput<'snapshot.import'>;
export type ImportedFile = ImportResult['files'][number];

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Import the good rows and keep the bad ones aside, instead of stopping. */
  skipBadRows?: boolean;
  /** A profile for this import only (otherwise the stored one, else the default). */
  profile?: SourceProfile;
  limits?: Partial<ReadLimits & BadRowLimits>;
}

export async function importSource(
  db: WriteDb,
  source: SourceSystem,
  dir: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const profile = opts.profile ?? getProfile(db, source).profile;
  const limits = { ...DEFAULT_LIMITS, ...DEFAULT_BAD_ROW_LIMITS, ...opts.limits };
  const picked = pickFiles(dir, profile.files);
  const skip = opts.skipBadRows ?? false;
  const extractedAt = extractionTime(dir, picked);
  // Files in profile order, workbooks last: they are unpacked in their own worker threads from
  // the start, while the CSV files are imported.
  const jobs = picked.flatMap(({ mapping, paths }) => paths.map((path) => ({ mapping, path })));
  jobs.sort((a, b) => Number(isWorkbook(a.path)) - Number(isWorkbook(b.path)));
  // The import worker reads and maps the CSV files, this thread only inserts. They are all posted
  // now: the worker starts while the files are hashed, and reads ahead from file to file.
  const session = importWorkerSession();
  try {
    const csv = new Map<string, FileRead>();
    for (const { mapping, path } of jobs) {
      if (isWorkbook(path)) continue;
      csv.set(
        path,
        session.read({ ...mapJob(profile, mapping, path, limits, skip), read: readOptions(profile, mapping, limits) }),
      );
    }
    const checksum = importChecksum(picked, profile, skip, extractedAt);
    const known = findSnapshotByChecksum(db, source, checksum);
    if (known) return unchanged(source, known);
    const imp = { source, dir, profile, limits, skip, extractedAt, checksum, jobs, csv };
    return await bulkWrite(db, () => writeSnapshot(db, imp, opts));
  } finally {
    session.close();
  }
}

interface SnapshotImport {
  source: SourceSystem;
  dir: string;
  profile: SourceProfile;
  limits: ReadLimits & BadRowLimits;
  skip: boolean;
  extractedAt: string;
  checksum: string;
  jobs: { mapping: FileMapping; path: string }[];
  /** The CSV files' reads in the import worker, by path. */
  csv: Map<string, FileRead>;
}

export const unchanged = (source: SourceSystem, existing: SnapshotRow): ImportResult => ({
  source,
  snapshotId: existing.id,
  unchanged: true,
  rowCount: existing.row_count,
  rowCounts: JSON.parse(existing.row_counts) as Record<string, number>,
  rejectedCount: existing.rejected_count,
  extractedAt: existing.extracted_at,
  files: [],
});

/** The new snapshot and all its rows, in one transaction. */
async function writeSnapshot(db: WriteDb, imp: SnapshotImport, opts: ImportOptions): Promise<ImportResult> {
  const { source, profile, limits, skip, extractedAt, checksum, jobs } = imp;
  const sizes = new Map(jobs.map((j) => [j.path, statSync(j.path).size]));
  const bytesTotal = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  let bytesDone = 0;
  let rowsDone = 0;

  // One transaction for the whole source. The reads are asynchronous, so the caller must not
  // run other writes on this connection meanwhile (the service layer serialises writes).
  const workbooks = new Map<string, XlsxReader>();
  try {
    return await writeTxAsync(db, 'import', async () => {
      // Another process may have imported the same export while we waited for the write lock.
      const raced = findSnapshotByChecksum(db, source, checksum);
      if (raced) return unchanged(source, raced);
      const snap = openSnapshot(db, { source, extractedAt, origin: imp.dir, checksum, profile, skip, limits });
      const { snapshotId, bad, rowCounts } = snap;
      const files: ImportedFile[] = [];
      // At most two at a time: each may take its memory limit.
      for (const { mapping, path } of jobs.filter((j) => isWorkbook(j.path)).slice(0, 2)) {
        workbooks.set(path, startWorkbook(path, readOptions(profile, mapping, limits)));
      }
      for (const { mapping, path } of jobs) {
        const size = sizes.get(path)!;
        const before = bad.count;
        const table = canonicalTable(mapping.table);
        const store = new FileStore(db, snapshotId, table, basename(path), mapping, bad, (rows, read) => {
          crashPoint('import', 'after-rows', rowsDone + rows);
          opts.onProgress?.({
            source,
            file: basename(path),
            rows: rowsDone + rows,
            bytesRead: bytesDone + (isWorkbook(path) ? 0 : read),
            bytesTotal,
          });
        });
        const csv = imp.csv.get(path);
        if (csv) await csv.run((m) => store.take(m));
        else {
          // A workbook's rows come from its worker unmapped: they are mapped here.
          const sink = new MapRowsSink(mapJob(profile, mapping, path, limits, skip), (m) => store.take(m));
          await readRows(path, sink, { ...readOptions(profile, mapping, limits), xlsx: workbooks.get(path) });
        }
        const done = store.finish();
        bytesDone += size;
        rowsDone += done.rows + (bad.count - before);
        rowCounts[mapping.table] = (rowCounts[mapping.table] ?? 0) + done.rows;
        files.push({ ...done, file: basename(path), table: mapping.table, rejected: bad.count - before });
      }
      const rowCount = closeSnapshot(db, profile, snap, files);
      return {
        source,
        snapshotId,
        unchanged: false,
        rowCount,
        rowCounts,
        rejectedCount: bad.count,
        extractedAt,
        files,
      };
    });
  } finally {
    for (const w of workbooks.values()) w.close();
  }
}

export const mapJob = (
  profile: SourceProfile,
  mapping: FileMapping,
  path: string,
  limits: ReadLimits,
  skip: boolean,
): MapJob => ({
  path,
  table: mapping.table,
  mapping,
  format: fileFormat(profile, mapping),
  maxCellChars: limits.maxCellChars,
  keepCells: skip,
  checkControls: isWorkbook(path),
});

const readOptions = (profile: SourceProfile, mapping: FileMapping, limits: ReadLimits): ReadOptions => ({
  csv: profile.csv,
  expectedHeaders: headersOf(mapping),
  sheet: mapping.sheet,
  limits,
});

/**
 * Same files, profile, mode and extraction time: the same snapshot. A changed profile reads the
 * files anew, and a new export of unchanged data is a new (fresher) snapshot.
 */
function importChecksum(picked: PickedFiles[], profile: SourceProfile, skip: boolean, extractedAt: string): string {
  const hash = createHash('sha256');
  hash
    .update(JSON.stringify(profile))
    .update(skip ? '\0skip\0' : '\0strict\0')
    .update(extractedAt);
  for (const { paths } of picked) {
    for (const p of paths) {
      hash.update(basename(p)).update('\0');
      hashFile(hash, p);
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * Feeds a file to the hash in 1 MB blocks: an XL export is hundreds of MB, never held whole.
 * Opened as a regular file only: one swapped for a pipe since it was picked is refused, not waited on.
 */
function hashFile(hash: Hash, path: string): void {
  const { fd } = openRegular(path, basename(path));
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) hash.update(block.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}
