// Snapshots: importing a source's export folder, checking it first, and what was set aside.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { ErrorShape, Source, WRITES, call } from './common';

export const SnapshotInfo = z.object({
  id: z.number().int(),
  source: z.string(),
  extractedAt: z.string(),
  importedAt: z.string(),
  origin: z.string(),
  checksum: z.string(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
  /** Rows a "skip bad rows" import set aside. */
  rejectedCount: z.number().int(),
});

export const ImportedFile = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  table: z.string(),
  rows: z.number().int(),
  rejected: z.number().int(),
  ignoredColumns: z.array(z.string()),
});

export const ImportResult = z.object({
  source: Source,
  snapshotId: z.number().int(),
  unchanged: z.boolean(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
  rejectedCount: z.number().int(),
  extractedAt: z.string(),
  /** What was read from each file; empty when the import was a no-op. */
  files: z.array(ImportedFile),
});

/** A dry run of an import: what it would store, or every problem that stops it. */
export const ImportCheck = z.object({
  source: Source,
  passed: z.boolean(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
  rejectedCount: z.number().int(),
  extractedAt: z.string().nullable(),
  files: z.array(ImportedFile),
  /** Why it would not import: the first problem, with every bad row found in details. */
  problem: ErrorShape.nullable(),
});

/** A source folder as the profile would read it, before anything is imported. */
export const FolderPreview = z.object({
  dir: z.string(),
  /** Every export file in the folder; `read` when some mapping reads it. */
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), read: z.boolean() })),
  mappings: z.array(
    z.object({
      table: z.string(),
      pattern: z.string(),
      sheet: z.string().nullable(),
      optional: z.boolean(),
      /** The files the mapping reads (the newest match, or all). */
      files: z.array(z.string()),
      header: z.array(z.string()),
      /** The first data rows of the first file, cells cut short. */
      rows: z.array(z.array(z.string())),
      /** Why the file could not be read (encoding, quoting, a sheet missing). */
      problem: ErrorShape.nullable(),
      columns: z.array(
        z.object({
          name: z.string(),
          type: z.string(),
          required: z.boolean(),
          oneOf: z.array(z.string()).nullable(),
          /** The header the profile maps to this column, if any. */
          mappedTo: z.string().nullable(),
          /** The mapped header is in the file. */
          found: z.boolean(),
          constant: z.union([z.string(), z.number()]).nullable(),
          derived: z.boolean(),
          /** The file's headers most like the column, best first. */
          suggestions: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export const RejectedRow = z.object({
  seq: z.number().int(),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  cells: z.record(z.string(), z.string()),
});

export const snapshotCalls = {
  'snapshot.list': call(z.object({}), z.array(SnapshotInfo), 'Imported snapshots, newest first per source'),
  'snapshot.import': call(
    z.object({
      source: Source,
      dir: z.string().min(1),
      /** Import the good rows and keep the bad ones aside, instead of stopping at them. */
      skipBadRows: z.boolean().optional(),
      /** A key chosen by the caller to follow the import with progress.get. */
      progressId: z.string().min(8).max(64).optional(),
    }),
    ImportResult,
    "Import one source system's export folder as a snapshot (by its mapping profile)",
    WRITES,
  ),
  'snapshot.check': call(
    z.object({
      source: Source,
      dir: z.string().min(1),
      skipBadRows: z.boolean().optional(),
      /** A draft profile to check with instead of the stored one (validated first). */
      profile: z.unknown().optional(),
      progressId: z.string().min(8).max(64).optional(),
    }),
    ImportCheck,
    'Dry run of an import: reads, maps and checks every file into a scratch database; stores nothing',
  ),
  'import.preview': call(
    z.object({ source: Source, dir: z.string().min(1), profile: z.unknown().optional() }),
    FolderPreview,
    "A source folder as the profile reads it: each mapping's file, header, first rows and header suggestions",
  ),
  'snapshot.rejected': call(
    z.object({
      snapshotId: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(RejectedRow) }),
    'Rows a "skip bad rows" import set aside, with their reasons, paged',
  ),
} as const;
