// Runs the reconciliation checks for a cycle and applies them in one transaction: a new cause
// opens an issue for the source's owner, a known one refreshes its evidence, and an open issue
// whose cause is gone is closed with a note. Re-running never duplicates an open issue, and a
// cause that a person closed (accepted, or handled outside) is not raised again in the cycle.
import { addBusinessDays, formatISO } from 'date-fns';
import { cyclePins, getCycle } from '../db/repos/cycles';
import {
  closedByPeople,
  closeIssue,
  insertIssue,
  openIssuesByFingerprint,
  RECONCILIATION,
  refreshIssue,
} from '../db/repos/dataIssues';
import type { WriteDb } from '../db/types';
import { runChecks } from './reconcileChecks';

export const DEADLINE_WORKING_DAYS = 5;

export interface ReconcileResult {
  opened: number;
  refreshed: number;
  closed: number;
  open: number;
}

export function reconcileCycle(db: WriteDb, cycleId: number, now: Date = new Date()): ReconcileResult {
  const cycle = getCycle(db, cycleId);
  if (!cycle) throw new Error(`no cycle ${cycleId}`);
  const pins = cyclePins(db, cycleId);
  const findings = runChecks({
    db,
    pins: Object.fromEntries(pins.map((p) => [p.source_id, p.snapshot_id])),
    meetingAt: cycle.meeting_at,
    startPeriod: cycle.start_period,
    freshnessHours: Object.fromEntries(pins.map((p) => [p.source_id, p.freshness_limit_hours])),
    extractedAt: Object.fromEntries(pins.map((p) => [p.source_id, p.extracted_at])),
  });
  const owner = Object.fromEntries(pins.map((p) => [p.source_id, p.owner_role]));
  const deadline = formatISO(addBusinessDays(now, DEADLINE_WORKING_DAYS), { representation: 'date' });

  return db.transaction((): ReconcileResult => {
    const open = openIssuesByFingerprint(db, cycleId);
    const accepted = closedByPeople(db, cycleId);
    const result = { opened: 0, refreshed: 0, closed: 0, open: 0 };
    const seen = new Set<string>();
    for (const f of findings) {
      if (accepted.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      const evidence = JSON.stringify({ rows: f.evidence, total: f.evidenceCount });
      const existing = open.get(f.fingerprint);
      if (existing) {
        refreshIssue(db, existing.id, f.summary, evidence);
        result.refreshed += 1;
      } else {
        insertIssue(db, {
          cycle_id: cycleId,
          kind: f.kind,
          source_id: f.source,
          fingerprint: f.fingerprint,
          summary: f.summary,
          owner_role: owner[f.source] ?? 'Data owner',
          deadline,
          evidence,
        });
        result.opened += 1;
      }
    }
    for (const [fingerprint, issue] of open) {
      if (seen.has(fingerprint)) continue;
      closeIssue(db, issue.id, RECONCILIATION, 'Closed automatically: the cause is gone from the pinned snapshot set.');
      result.closed += 1;
    }
    result.open = seen.size;
    return result;
  })();
}
