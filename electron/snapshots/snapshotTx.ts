// The start and end of writing one snapshot inside its transaction, shared by a file import
// (importSource.ts) and a pull from an API or a database (electron/pulls/pullSource.ts): the
// source row, the snapshot row, the bad-row record, and at the end the checks that refuse a
// snapshot with bad rows or an empty required table, then its counts. What lies between (which
// rows, read from where) is the caller's.
import { SOURCE_OWNER_ROLE, type SourceSystem } from '../../shared/domain/canonical';
import { shownName } from '../../shared/domain/displayName';
import { AppError } from '../../shared/domain/errors';
import type { SourceProfile } from '../../shared/domain/profile';
import { insertSnapshot, setSnapshotCounts } from '../db/repos/snapshots';
import { ensureSource } from '../db/repos/sources';
import type { WriteDb } from '../db/types';
import { nowIso } from '../db/types';
import { BadRows, type BadRowLimits } from './badRows';

export interface SnapshotHead {
  source: SourceSystem;
  extractedAt: string;
  /** The folder, or the connection it was pulled from, as the snapshot list shows it. */
  origin: string;
  checksum: string;
  profile: SourceProfile;
  skip: boolean;
  limits: BadRowLimits;
}

/** One file or table read into the snapshot, as the import's result lists it. */
export interface SnapshotPart {
  table: string;
  file: string;
  rows: number;
  rejected: number;
}

export interface OpenSnapshot {
  snapshotId: number;
  bad: BadRows;
  /** Rows stored per table the profile maps (0 until read). */
  rowCounts: Record<string, number>;
}

/** Inserts the source (when new) and the snapshot row; call inside the write transaction. */
export function openSnapshot(db: WriteDb, head: SnapshotHead): OpenSnapshot {
  ensureSource(db, head.source, SOURCE_OWNER_ROLE[head.source]);
  const snapshotId = insertSnapshot(db, {
    source: head.source,
    extractedAt: head.extractedAt,
    importedAt: nowIso(),
    origin: head.origin,
    checksum: head.checksum,
    profile: JSON.stringify(head.profile),
  });
  const rowCounts: Record<string, number> = {};
  for (const m of head.profile.files) rowCounts[m.table] = 0;
  return { snapshotId, bad: new BadRows(db, snapshotId, head.skip, head.limits), rowCounts };
}

/** Refuses bad rows and empty required tables, then records the counts; returns the total rows. */
export function closeSnapshot(db: WriteDb, profile: SourceProfile, snap: OpenSnapshot, parts: SnapshotPart[]): number {
  snap.bad.throwIfAny();
  refuseEmptyTables(profile, snap.rowCounts, parts);
  const rowCount = Object.values(snap.rowCounts).reduce((a, b) => a + b, 0);
  setSnapshotCounts(db, snap.snapshotId, rowCount, snap.rowCounts, snap.bad.count);
  return rowCount;
}

/**
 * With "skip bad rows" every row of a table may have been set aside: such a snapshot would look
 * like a source with no rows and the next cycle would pin it. Only a table the profile marks
 * optional may be empty.
 */
function refuseEmptyTables(profile: SourceProfile, rowCounts: Record<string, number>, parts: SnapshotPart[]): void {
  for (const [table, rows] of Object.entries(rowCounts)) {
    if (rows > 0 || profile.files.some((f) => f.table === table && f.optional)) continue;
    const read = parts.filter((f) => f.table === table);
    const rejected = read.reduce((n, f) => n + f.rejected, 0);
    throw new AppError(
      'import_failed',
      `Every row of the ${table} table was set aside as bad (${rejected.toLocaleString('en')} in ${read.map((f) => shownName(f.file)).join(', ')}): the snapshot would hold no ${table}. Nothing was imported.`,
      {
        where: { file: read[0]?.file },
        hint: 'Import without "skip bad rows" to see why each row is refused, then fix the export or the mapping profile. If the source truly has no rows here, mark the file optional in the profile.',
      },
    );
  }
}
