// Changing which snapshot of a source a cycle uses: explicit, with who and why, logged, and
// followed by reconciliation in the same transaction so data issues match the new set.
import type { ApiOutput } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { getCycle, pinLog, pinSnapshot } from '../db/repos/cycles';
import type { ReadDb, WriteDb } from '../db/types';
import { reconcileCycle } from '../snapshots/reconcile';
import { cycleIdOrCurrent } from './cycles';

export function pinToCycle(
  db: WriteDb,
  input: { cycleId?: number; source: string; snapshotId: number; by: string; reason: string },
): ApiOutput<'cycle.pin'> {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  if (getCycle(db, cycleId)!.status === 'closed') {
    throw new AppError('conflict', `Cycle ${cycleId} is closed; its snapshot set is frozen.`, {
      hint: 'Create a new cycle to use newer snapshots.',
    });
  }
  const snap = db.prepare('SELECT source_id FROM snapshots WHERE id = ?').get(input.snapshotId) as
    { source_id: string } | undefined;
  if (!snap) {
    throw new AppError('not_found', `No snapshot with id ${input.snapshotId}.`, {
      where: { field: 'snapshotId', value: String(input.snapshotId) },
    });
  }
  if (snap.source_id !== input.source) {
    throw new AppError(
      'invalid_input',
      `Snapshot ${input.snapshotId} is a ${snap.source_id} snapshot, not ${input.source}.`,
      {
        where: { field: 'snapshotId', value: String(input.snapshotId) },
      },
    );
  }
  return db.transaction(() => {
    const changed = pinSnapshot(db, { cycleId, ...input });
    return { changed, reconciliation: reconcileCycle(db, cycleId) };
  })();
}

export function listPinLog(db: ReadDb, cycleId?: number): ApiOutput<'cycle.pinLog'> {
  return pinLog(db, cycleIdOrCurrent(db, cycleId)).map((r) => ({
    id: r.id,
    source: r.source_id,
    oldSnapshotId: r.old_snapshot_id,
    newSnapshotId: r.new_snapshot_id,
    by: r.pinned_by,
    reason: r.reason,
    at: r.pinned_at,
  }));
}
