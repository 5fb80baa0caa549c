// Snapshots: immutable imports of one source, with their row counts and checksum.
import type { ApiOutput } from '../../../shared/api';
import type { ReadDb, WriteDb } from '../types';

export interface SnapshotRow {
  id: number;
  source_id: string;
  extracted_at: string;
  imported_at: string;
  origin: string;
  checksum: string;
  row_count: number;
  row_counts: string;
  rejected_count: number;
}

const COLUMNS = 'id, source_id, extracted_at, imported_at, origin, checksum, row_count, row_counts, rejected_count';

export function insertSnapshot(
  db: WriteDb,
  s: { source: string; extractedAt: string; importedAt: string; origin: string; checksum: string; profile?: string },
): number {
  const info = db
    .prepare(
      `INSERT INTO snapshots (source_id, extracted_at, imported_at, origin, checksum, row_count, profile)
       VALUES (?, ?, ?, ?, ?, 0, ?)`,
    )
    .run(s.source, s.extractedAt, s.importedAt, s.origin, s.checksum, s.profile ?? null);
  return Number(info.lastInsertRowid);
}

export function setSnapshotCounts(
  db: WriteDb,
  id: number,
  rowCount: number,
  rowCounts: Record<string, number>,
  rejectedCount = 0,
): void {
  db.prepare('UPDATE snapshots SET row_count = ?, row_counts = ?, rejected_count = ? WHERE id = ?').run(
    rowCount,
    JSON.stringify(rowCounts),
    rejectedCount,
    id,
  );
}

export type RejectedRow = ApiOutput<'snapshot.rejected'>['rows'][number];

export const countRejectedRows = (db: ReadDb, snapshotId: number): number =>
  (db.prepare('SELECT count(*) n FROM rejected_rows WHERE snapshot_id = ?').get(snapshotId) as { n: number }).n;

/** Rows a "skip bad rows" import set aside, in file order, paged. */
export function listRejectedRows(db: ReadDb, snapshotId: number, offset: number, limit: number): RejectedRow[] {
  const rows = db
    .prepare(
      `SELECT seq, file, sheet, row_number, column_name, value, reason, cells FROM rejected_rows
       WHERE snapshot_id = ? ORDER BY seq LIMIT ? OFFSET ?`,
    )
    .all(snapshotId, limit, offset) as {
    seq: number;
    file: string;
    sheet: string | null;
    row_number: number;
    column_name: string | null;
    value: string | null;
    reason: string;
    cells: string;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    file: r.file,
    sheet: r.sheet,
    row: r.row_number,
    column: r.column_name,
    value: r.value,
    reason: r.reason,
    cells: JSON.parse(r.cells) as Record<string, string>,
  }));
}

export function findSnapshotByChecksum(db: ReadDb, source: string, checksum: string): SnapshotRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM snapshots WHERE source_id = ? AND checksum = ?`).get(source, checksum) as
    SnapshotRow | undefined;
}

/** The newest snapshot of each source, by extraction time. */
export function latestSnapshots(db: ReadDb): SnapshotRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM snapshots s
       WHERE id = (SELECT id FROM snapshots t WHERE t.source_id = s.source_id
                   ORDER BY extracted_at DESC, id DESC LIMIT 1)
       ORDER BY source_id`,
    )
    .all() as SnapshotRow[];
}

export function listSnapshots(db: ReadDb, limit = 200): SnapshotRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM snapshots ORDER BY source_id, extracted_at DESC, id DESC LIMIT ?`)
    .all(limit) as SnapshotRow[];
}

/** The newest snapshot of one source, by extraction time. */
export function latestSnapshotOf(db: ReadDb, source: string): SnapshotRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM snapshots WHERE source_id = ? ORDER BY extracted_at DESC, id DESC LIMIT 1`)
    .get(source) as SnapshotRow | undefined;
}

/** A pull knows its content's checksum only once every row is read (still inside its transaction). */
export function setSnapshotChecksum(db: WriteDb, id: number, checksum: string): void {
  db.prepare('UPDATE snapshots SET checksum = ? WHERE id = ?').run(checksum, id);
}
