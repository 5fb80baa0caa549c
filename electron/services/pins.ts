// Changing which snapshot of a source a cycle uses: explicit, with who and why, logged, and
// with reconciliation of the new set applied in the same transaction, so data issues match it.
import type { ApiOutput } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { cyclePins, getCycle, pinLog, pinSnapshot } from '../db/repos/cycles';
import type { ReadDb, WriteDb } from '../db/types';
import { applyReconciliation, checkSnapshotSet } from '../snapshots/reconcile';
import { cycleIdOrCurrent } from './cycles';
import { writeTx } from '../db/writeTx';

export async function pinToCycle(
  db: WriteDb,
  input: { cycleId?: number; source: string; snapshotId: number; by: string; reason: string },
): Promise<ApiOutput<'cycle.pin'>> {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  const cycle = getCycle(db, cycleId)!;
  if (cycle.status === 'closed') {
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
  // The new set: the cycle's pins with this source's replaced, checked before the transaction.
  const others = cyclePins(db, cycleId).filter((p) => p.source_id !== input.source);
  const checked = await checkSnapshotSet(db, {
    meetingAt: cycle.meeting_at,
    startPeriod: cycle.start_period,
    snapshotIds: [...others.map((p) => p.snapshot_id), input.snapshotId],
  });
  return writeTx(db, 'cycle-pin', () => {
    const changed = pinSnapshot(db, { cycleId, ...input });
    return { changed, reconciliation: applyReconciliation(db, cycleId, checked) };
  });
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
