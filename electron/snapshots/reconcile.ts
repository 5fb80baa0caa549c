// Runs the reconciliation checks for a cycle's snapshot set and applies them: a new cause opens
// an issue for the source's owner, a known one refreshes its evidence, and an open issue whose
// cause is gone is closed with a note. Re-running never duplicates an open issue, and a cause
// that a person closed (accepted, or handled outside) is not raised again in the cycle.
//
// The checks read millions of rows on a large company (about 3.5 s on size L), so they run in a
// worker thread on its own read connection (reconcileWorker.ts) before the writing transaction;
// only applying their findings, a few dozen rows, happens on the calling thread.
import { addBusinessDays, formatISO } from 'date-fns';
import { Worker } from 'node:worker_threads';
import { cyclePins, getCycle } from '../db/repos/cycles';
import {
  closedByPeople,
  closeIssue,
  insertIssue,
  openIssuesByFingerprint,
  RECONCILIATION,
  refreshIssue,
} from '../db/repos/dataIssues';
import type { ReadDb, WriteDb } from '../db/types';
import { workerScript } from '../paths';
import { runChecks, type CheckContext, type Finding } from './reconcileChecks';
import { writeTx } from '../db/writeTx';
import { logFallback } from '../log';

export const DEADLINE_WORKING_DAYS = 5;

export interface ReconcileResult {
  opened: number;
  refreshed: number;
  closed: number;
  open: number;
}

/** What the checks look at: a cycle's meeting and first period, and the snapshots it pins. */
export interface SnapshotSet {
  meetingAt: string;
  startPeriod: string;
  snapshotIds: number[];
}

/** The checks' findings for a snapshot set, with what applying them needs. */
export interface Reconciliation {
  snapshotIds: number[];
  findings: Finding[];
  owners: Record<string, string>;
}

/** The check context without the connection: what the worker is sent. */
export type CheckInput = Omit<CheckContext, 'db'>;

interface SetRow {
  source_id: string;
  snapshot_id: number;
  extracted_at: string;
  owner_role: string;
  freshness_limit_hours: number;
}

export function checkInput(db: ReadDb, set: SnapshotSet): { input: CheckInput; owners: Record<string, string> } {
  const rows = db
    .prepare(
      `SELECT s.source_id, s.id AS snapshot_id, s.extracted_at, src.owner_role, src.freshness_limit_hours
       FROM snapshots s JOIN sources src ON src.id = s.source_id
       WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(set.snapshotIds)) as SetRow[];
  const bySource = <T>(f: (r: SetRow) => T) => Object.fromEntries(rows.map((r) => [r.source_id, f(r)]));
  return {
    input: {
      pins: bySource((r) => r.snapshot_id),
      meetingAt: set.meetingAt,
      startPeriod: set.startPeriod,
      freshnessHours: bySource((r) => r.freshness_limit_hours),
      extractedAt: bySource((r) => r.extracted_at),
    },
    owners: bySource((r) => r.owner_role),
  };
}

/**
 * Runs the checks on a snapshot set: in a worker for a database file, here for one in memory or
 * when the worker cannot run them (the file was moved while open: this connection still reads it).
 */
export async function checkSnapshotSet(db: ReadDb, set: SnapshotSet): Promise<Reconciliation> {
  if (!db.memory) {
    const { input, owners } = checkInput(db, set);
    const findings = await checksInWorker(db.name, input).catch((e: unknown) => {
      logFallback('reconciliation worker failed; running the checks on the main thread instead', e);
      return undefined;
    });
    if (findings) return { snapshotIds: sortedIds(set), findings, owners };
  }
  return checkHere(db, set);
}

/** Runs the checks on this thread's connection. */
function checkHere(db: ReadDb, set: SnapshotSet): Reconciliation {
  const { input, owners } = checkInput(db, set);
  return { snapshotIds: sortedIds(set), findings: runChecks({ ...input, db }), owners };
}

const sortedIds = (set: SnapshotSet): number[] => [...set.snapshotIds].sort((a, b) => a - b);

export function checksInWorker(path: string, input: CheckInput): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript('reconcileWorker.cjs'), { workerData: { path, input } });
    worker.once('message', (m: { findings: Finding[] } | { error: string }) =>
      'findings' in m ? resolve(m.findings) : reject(new Error(`reconciliation failed: ${m.error}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`reconciliation worker exited with code ${code}`)));
  });
}

/** The snapshot set a cycle pins now. */
export function cycleSnapshotSet(db: ReadDb, cycleId: number): SnapshotSet {
  const cycle = getCycle(db, cycleId);
  if (!cycle) throw new Error(`no cycle ${cycleId}`);
  return {
    meetingAt: cycle.meeting_at,
    startPeriod: cycle.start_period,
    snapshotIds: cyclePins(db, cycleId).map((p) => p.snapshot_id),
  };
}

/** Checks the cycle's pinned set off this thread, then applies the findings in one transaction. */
export async function reconcileCycle(db: WriteDb, cycleId: number, now: Date = new Date()): Promise<ReconcileResult> {
  const checked = await checkSnapshotSet(db, cycleSnapshotSet(db, cycleId));
  return writeTx(db, 'reconcile', () => applyReconciliation(db, cycleId, checked, now));
}

/**
 * Applies findings to the cycle's data issues; call inside the transaction that (re)pins the
 * cycle. Findings for another set than the one now pinned (another process re-pinned meanwhile)
 * are computed again here, so the issues always match the pins.
 */
export function applyReconciliation(
  db: WriteDb,
  cycleId: number,
  checked: Reconciliation,
  now: Date = new Date(),
): ReconcileResult {
  const set = cycleSnapshotSet(db, cycleId);
  const { findings, owners } = sortedIds(set).join() === checked.snapshotIds.join() ? checked : checkHere(db, set);
  const deadline = formatISO(addBusinessDays(now, DEADLINE_WORKING_DAYS), { representation: 'date' });
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
        owner_role: owners[f.source] ?? 'Data owner',
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
}
