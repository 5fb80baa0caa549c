// Snapshots: immutable imports of one source, with their row counts and checksum.
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
}

const COLUMNS = 'id, source_id, extracted_at, imported_at, origin, checksum, row_count, row_counts';

export function insertSnapshot(
  db: WriteDb,
  s: { source: string; extractedAt: string; importedAt: string; origin: string; checksum: string },
): number {
  const info = db
    .prepare(
      `INSERT INTO snapshots (source_id, extracted_at, imported_at, origin, checksum, row_count)
       VALUES (?, ?, ?, ?, ?, 0)`,
    )
    .run(s.source, s.extractedAt, s.importedAt, s.origin, s.checksum);
  return Number(info.lastInsertRowid);
}

export function setSnapshotCounts(db: WriteDb, id: number, rowCount: number, rowCounts: Record<string, number>): void {
  db.prepare('UPDATE snapshots SET row_count = ?, row_counts = ? WHERE id = ?').run(
    rowCount,
    JSON.stringify(rowCounts),
    id,
  );
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
