// Imports one source system's export folder as one immutable snapshot: read -> map -> validate
// -> commit, all in one transaction. The first error stops the import with file, row, column,
// value and what was expected, and nothing is written: the previous snapshot stays as it was.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalTable, SOURCE_OWNER_ROLE, type SourceSystem } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import type { FileMapping } from '../../shared/domain/profile';
import type { WriteDb } from '../db/types';
import { nowIso } from '../db/types';
import { findSnapshotByChecksum, insertSnapshot, setSnapshotCounts, type SnapshotRow } from '../db/repos/snapshots';
import { ensureSource } from '../db/repos/sources';
import { isBlank, readRows } from '../sources/readRows';
import { BatchInsert } from './batchInsert';
import { coerce, compileCoercer, INVALID, type Cell } from './coerce';

export interface ImportProgress {
  source: SourceSystem;
  file: string;
  rows: number;
}

export interface ImportResult {
  source: SourceSystem;
  snapshotId: number;
  /** True when an identical export was already imported: nothing new was written. */
  unchanged: boolean;
  rowCount: number;
  rowCounts: Record<string, number>;
  extractedAt: string;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
}

export async function importSource(
  db: WriteDb,
  source: SourceSystem,
  dir: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const profile = DEFAULT_PROFILES[source];
  checkFolder(dir, profile.files);
  const checksum = folderChecksum(dir, profile.files);
  const extractedAt = extractionTime(dir, profile.files);

  const unchanged = (existing: SnapshotRow): ImportResult => ({
    source,
    snapshotId: existing.id,
    unchanged: true,
    rowCount: existing.row_count,
    rowCounts: JSON.parse(existing.row_counts) as Record<string, number>,
    extractedAt: existing.extracted_at,
  });
  const known = findSnapshotByChecksum(db, source, checksum);
  if (known) return unchanged(known);

  // One transaction for the whole source. The reads are asynchronous, so the caller must not
  // run other writes on this connection meanwhile (the service layer serialises writes).
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have imported the same export while we waited for the write lock.
    const raced = findSnapshotByChecksum(db, source, checksum);
    if (raced) {
      db.exec('COMMIT');
      return unchanged(raced);
    }
    ensureSource(db, source, SOURCE_OWNER_ROLE[source]);
    const snapshotId = insertSnapshot(db, { source, extractedAt, importedAt: nowIso(), origin: dir, checksum });
    const rowCounts: Record<string, number> = {};
    for (const mapping of profile.files) {
      const n = await importFile(db, snapshotId, join(dir, mapping.file), mapping, (rows) =>
        opts.onProgress?.({ source, file: mapping.file, rows }),
      );
      rowCounts[mapping.table] = (rowCounts[mapping.table] ?? 0) + n;
    }
    const rowCount = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    setSnapshotCounts(db, snapshotId, rowCount, rowCounts);
    db.exec('COMMIT');
    return { source, snapshotId, unchanged: false, rowCount, rowCounts, extractedAt };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function checkFolder(dir: string, files: FileMapping[]): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('not_found', `No folder at ${dir}.`, { hint: 'Pass the folder holding the exports.' });
  }
  const missing = files.filter((f) => !existsSync(join(dir, f.file))).map((f) => f.file);
  if (missing.length > 0) {
    throw new AppError('import_failed', `Missing export file(s) in ${dir}: ${missing.join(', ')}.`, {
      where: { file: missing[0] },
      hint: 'Export them from the source system, or check the folder.',
    });
  }
}

function folderChecksum(dir: string, files: FileMapping[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash
      .update(f.file)
      .update('\0')
      .update(readFileSync(join(dir, f.file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** manifest.json's extracted_at when the export carries one, else the newest file's time. */
function extractionTime(dir: string, files: FileMapping[]): string {
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
  const newest = Math.max(...files.map((f) => statSync(join(dir, f.file)).mtimeMs));
  return new Date(newest).toISOString();
}

async function importFile(
  db: WriteDb,
  snapshotId: number,
  path: string,
  mapping: FileMapping,
  progress: (rows: number) => void,
): Promise<number> {
  const table = canonicalTable(mapping.table);
  const columns = table.columns.filter((c) => c.name in mapping.columns);
  const where = { file: mapping.file, sheet: mapping.sheet };
  const names = columns.map((c) => c.name);
  const coercers = columns.map(compileCoercer);
  const writer = new BatchInsert(db, table.name, ['snapshot_id', ...names], (e, values, row) =>
    rowError(e, table.key, names, values.slice(1), { ...where, row }),
  );
  let indexes: number[] = [];
  let count = 0;
  await readRows(
    path,
    {
      header(cells, headerRow) {
        const seen = new Set<string>();
        for (const h of cells) {
          if (h !== '' && seen.has(h)) {
            throw new AppError('import_failed', `Column "${h}" appears twice in the header.`, {
              where: { ...where, row: headerRow, column: h },
              hint: 'Remove or rename the duplicate column.',
            });
          }
          seen.add(h);
        }
        indexes = columns.map((c) => cells.indexOf(mapping.columns[c.name]!));
        const missing = columns.filter((c, i) => indexes[i] === -1 && !c.optional);
        if (missing.length > 0) {
          throw new AppError(
            'import_failed',
            `Missing column(s): ${missing.map((c) => `"${mapping.columns[c.name]}"`).join(', ')}.`,
            {
              where: { ...where, row: headerRow, column: mapping.columns[missing[0]!.name] },
              hint: `Expected the header to contain ${columns.map((c) => `"${mapping.columns[c.name]}"`).join(', ')}.`,
            },
          );
        }
      },
      rows(rows, firstRow) {
        const values: Cell[] = new Array<Cell>(columns.length + 1);
        values[0] = snapshotId;
        for (let r = 0; r < rows.length; r++) {
          const cells = rows[r]!;
          if (isBlank(cells)) continue;
          for (let i = 0; i < columns.length; i++) {
            const raw = indexes[i]! >= 0 ? (cells[indexes[i]!] ?? '') : '';
            const value = coercers[i]!(raw);
            if (value === INVALID) {
              const col = columns[i]!;
              const why = coerce(col, raw);
              throw new AppError(
                'import_failed',
                `Invalid value: expected ${why.ok ? `a valid ${col.type}` : why.expected}.`,
                {
                  where: { ...where, row: firstRow + r, column: mapping.columns[col.name], value: raw },
                  hint: 'Correct the export and import again; nothing was imported.',
                },
              );
            }
            values[i + 1] = value;
          }
          writer.add(values, firstRow + r);
          count += 1;
        }
        progress(count);
      },
    },
    mapping.sheet,
  );
  writer.finish();
  return count;
}

function rowError(
  e: unknown,
  key: readonly string[],
  names: string[],
  values: Cell[],
  where: { file: string; sheet?: string; row: number },
): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const k = key.map((name) => `${name}=${String(values[names.indexOf(name)])}`).join(', ');
    return new AppError('import_failed', `Duplicate key (${k}): the same row appears twice.`, {
      where,
      hint: 'Remove the duplicate row from the export.',
    });
  }
  if (code?.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('import_failed', `Row breaks a rule of the model: ${(e as Error).message}.`, {
      where,
      hint: 'Correct the row in the export.',
    });
  }
  return e;
}
