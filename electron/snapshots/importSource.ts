// Imports one source system's export folder as one immutable snapshot: pick files by the
// profile's patterns -> read -> map -> validate -> commit, all in one transaction. Bad rows are
// all reported at once with file, sheet, row, column, value and what was expected, and nothing
// is written; or, with skipBadRows, set aside in rejected_rows for review. The previous snapshot
// stays as it was until the new one is committed.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { canonicalTable, SOURCE_OWNER_ROLE, type SourceSystem } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import { fileFormat, headersOf, type FileMapping, type SourceProfile } from '../../shared/domain/profile';
import { getProfile } from '../db/repos/profiles';
import { findSnapshotByChecksum, insertSnapshot, setSnapshotCounts, type SnapshotRow } from '../db/repos/snapshots';
import { ensureSource } from '../db/repos/sources';
import type { WriteDb } from '../db/types';
import { nowIso } from '../db/types';
import {
  DEFAULT_LIMITS,
  isWorkbook,
  readRows,
  startWorkbook,
  type ReadLimits,
  type ReadOptions,
} from '../sources/readRows';
import type { XlsxReader } from '../sources/readXlsx';
import { cellTooLarge, isBlank } from '../sources/rowChecks';
import { BadRows, DEFAULT_BAD_ROW_LIMITS, type BadRowLimits } from './badRows';
import { BatchInsert } from './batchInsert';
import type { Cell } from './coerce';
import { pickFiles, type PickedFiles } from './pickFiles';
import { RowMapper } from './rowMapper';

export interface ImportProgress {
  source: SourceSystem;
  file: string;
  /** Rows read so far in this import (all files). */
  rows: number;
  /** Bytes of all the import's files read so far, of bytesTotal. */
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportedFile {
  file: string;
  sheet?: string;
  table: string;
  rows: number;
  rejected: number;
  /** Headers of the file that no column reads. */
  ignoredColumns: string[];
}

export interface ImportResult {
  source: SourceSystem;
  snapshotId: number;
  /** True when an identical export was already imported: nothing new was written. */
  unchanged: boolean;
  rowCount: number;
  rowCounts: Record<string, number>;
  /** Rows set aside by skipBadRows (see rejected_rows). */
  rejectedCount: number;
  extractedAt: string;
  files: ImportedFile[];
}

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
  const checksum = importChecksum(picked, profile, skip, extractedAt);

  const unchanged = (existing: SnapshotRow): ImportResult => ({
    source,
    snapshotId: existing.id,
    unchanged: true,
    rowCount: existing.row_count,
    rowCounts: JSON.parse(existing.row_counts) as Record<string, number>,
    rejectedCount: existing.rejected_count,
    extractedAt: existing.extracted_at,
    files: [],
  });
  const known = findSnapshotByChecksum(db, source, checksum);
  if (known) return unchanged(known);

  const bytesTotal = picked.flatMap((p) => p.paths).reduce((sum, p) => sum + statSync(p).size, 0);
  let bytesDone = 0;
  let rowsDone = 0;

  // One transaction for the whole source. The reads are asynchronous, so the caller must not
  // run other writes on this connection meanwhile (the service layer serialises writes).
  const workbooks = new Map<string, XlsxReader>();
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have imported the same export while we waited for the write lock.
    const raced = findSnapshotByChecksum(db, source, checksum);
    if (raced) {
      db.exec('COMMIT');
      return unchanged(raced);
    }
    ensureSource(db, source, SOURCE_OWNER_ROLE[source]);
    const snapshotId = insertSnapshot(db, {
      source,
      extractedAt,
      importedAt: nowIso(),
      origin: dir,
      checksum,
      profile: JSON.stringify(profile),
    });
    const bad = new BadRows(db, snapshotId, skip, limits);
    const rowCounts: Record<string, number> = {};
    const files: ImportedFile[] = [];
    // Workbooks are unpacked in their worker threads from the start, while the CSV files are
    // imported on this thread, and are taken last.
    const jobs = picked.flatMap(({ mapping, paths }) => paths.map((path) => ({ mapping, path })));
    jobs.sort((a, b) => Number(isWorkbook(a.path)) - Number(isWorkbook(b.path)));
    // At most two at a time: each may take its memory limit.
    for (const { mapping, path } of jobs.filter((j) => isWorkbook(j.path)).slice(0, 2)) {
      workbooks.set(path, startWorkbook(path, readOptions(profile, mapping, limits)));
    }
    for (const m of profile.files) rowCounts[m.table] = 0;
    for (const { mapping, path } of jobs) {
      const size = statSync(path).size;
      const before = bad.count;
      const readOpts = { ...readOptions(profile, mapping, limits), xlsx: workbooks.get(path) };
      const done = await importFile(db, snapshotId, path, mapping, profile, readOpts, bad, (rows, read) => {
        opts.onProgress?.({
          source,
          file: basename(path),
          rows: rowsDone + rows,
          bytesRead: bytesDone + (isWorkbook(path) ? 0 : read),
          bytesTotal,
        });
      });
      bytesDone += size;
      rowsDone += done.rows + (bad.count - before);
      rowCounts[mapping.table] = (rowCounts[mapping.table] ?? 0) + done.rows;
      files.push({ ...done, file: basename(path), table: mapping.table, rejected: bad.count - before });
    }
    bad.throwIfAny();
    const rowCount = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    setSnapshotCounts(db, snapshotId, rowCount, rowCounts, bad.count);
    db.exec('COMMIT');
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
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    for (const w of workbooks.values()) w.close();
  }
}

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

/** Feeds a file to the hash in 1 MB blocks: an XL export is hundreds of MB, never held whole. */
function hashFile(hash: Hash, path: string): void {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) hash.update(block.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** manifest.json's extracted_at when the export carries one, else the newest file's time. */
function extractionTime(dir: string, picked: PickedFiles[]): string {
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    let value: unknown;
    try {
      value = (JSON.parse(readFileSync(manifest, 'utf8')) as { extracted_at?: unknown }).extracted_at;
    } catch (e) {
      throw new AppError('import_failed', `manifest.json is not valid JSON: ${(e as Error).message}`, {
        where: { file: 'manifest.json' },
        hint: "Fix or delete manifest.json; without it the files' modification time is used.",
      });
    }
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new AppError('import_failed', 'manifest.json has no valid extracted_at timestamp.', {
        where: { file: 'manifest.json', field: 'extracted_at', value: String(value) },
        hint: 'Use an ISO 8601 time such as 2026-11-30T22:00:00Z.',
      });
    }
    return new Date(value).toISOString();
  }
  const newest = Math.max(...picked.flatMap((p) => p.paths).map((p) => statSync(p).mtimeMs));
  return new Date(newest).toISOString();
}

async function importFile(
  db: WriteDb,
  snapshotId: number,
  path: string,
  mapping: FileMapping,
  profile: SourceProfile,
  readOpts: ReadOptions,
  bad: BadRows,
  progress: (rows: number, bytesRead: number) => void,
): Promise<{ rows: number; sheet?: string; ignoredColumns: string[] }> {
  const limits = readOpts.limits;
  const table = canonicalTable(mapping.table);
  const file = basename(path);
  let where: { file: string; sheet?: string } = { file };
  let mapper: RowMapper | undefined;
  let writer: BatchInsert | undefined;
  let header: string[] = [];
  let count = 0;
  let dataRows = 0;
  let headerRow = 0;
  let bytesRead = 0;
  const cellsOf = (cells: readonly string[]) =>
    Object.fromEntries(header.map((h, i) => [h || `#${i + 1}`, cells[i] ?? '']));
  await readRows(
    path,
    {
      header(cells, row, info) {
        where = { file, sheet: info.sheet };
        header = cells;
        headerRow = row;
        const fmt = { ...fileFormat(profile, mapping), date1904: info.date1904 };
        const m = new RowMapper(table, mapping, fmt, cells, { ...where, row });
        mapper = m;
        writer = new BatchInsert(db, table.name, snapshotId, m.names, (e, values, row, raw) => {
          const problem = keyError(e, table.key, m.names, values);
          bad.add({ ...problem, where: { ...where, row }, cells: cellsOf(raw) });
        });
      },
      rows(rows, firstRow) {
        const m = mapper!;
        const w = writer!;
        const values: Cell[] = new Array<Cell>(m.names.length);
        for (let r = 0; r < rows.length; r++) {
          const cells = rows[r]!;
          if (isBlank(cells)) continue;
          const row = firstRow + r;
          dataRows += 1;
          let tooLong = -1;
          for (let c = 0; c < cells.length && tooLong === -1; c++) {
            if (cells[c]!.length > limits.maxCellChars) tooLong = c;
          }
          if (tooLong !== -1) {
            throw cellTooLarge(
              { file, sheet: where.sheet, row, column: header[tooLong] || `#${tooLong + 1}` },
              cells[tooLong]!.length,
              limits.maxCellChars,
              'A quote left open or a pasted document can do this: check the row in the export.',
            );
          }
          const problem = m.map(cells, values, 0);
          if (problem) {
            bad.add({
              message: `Invalid value: expected ${problem.expected}.`,
              where: { ...where, row, column: problem.column, value: problem.value },
              hint: "Correct the export (or the mapping profile's formats) and import again.",
              cells: cellsOf(cells),
            });
            continue;
          }
          if (!bad.stopping) w.add(values, row, cells);
          count += 1;
        }
        progress(count, bytesRead);
      },
      bytes(read) {
        bytesRead = read;
      },
    },
    readOpts,
  );
  writer?.finish();
  if (dataRows === 0 && !mapping.optional) {
    // A truncated or failed export often ends right after its header.
    throw new AppError('import_failed', 'The file has its header but no data rows.', {
      where: { ...where, row: headerRow },
      hint: 'Export it again. If the source truly has no rows here, mark the file optional in the mapping profile.',
    });
  }
  const rejectedInFile = writer?.rejected ?? 0;
  return { rows: count - rejectedInFile, sheet: where.sheet, ignoredColumns: mapper?.ignoredHeaders ?? [] };
}

/** A row the database refused: a duplicate key, or another rule of the model. */
function keyError(
  e: unknown,
  key: readonly string[],
  names: string[],
  values: Cell[],
): { message: string; hint: string } {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const k = key.map((name) => `${name}=${String(values[names.indexOf(name)])}`).join(', ');
    return {
      message: `Duplicate key (${k}): the same row appears twice.`,
      hint: 'Remove the duplicate row from the export.',
    };
  }
  if (code?.startsWith('SQLITE_CONSTRAINT')) {
    return {
      message: `Row breaks a rule of the model: ${(e as Error).message}.`,
      hint: 'Correct the row in the export.',
    };
  }
  throw e;
}
