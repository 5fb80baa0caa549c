// Data issues: what reconciliation found, with owners and deadlines.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { Person, WRITES, call } from './common';

export const DATA_ISSUE_KINDS = [
  'stock_mismatch',
  'missing_shipment',
  'unknown_key',
  'stale_source',
  'overestimated_demand',
  // Not a reconciliation finding: an exception a person parked until its data is fixed.
  'exception_parked',
] as const;

export const DataIssue = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  kind: z.enum(DATA_ISSUE_KINDS),
  /** The source system to fix; null for a parked exception whose source is not pinned. */
  source: z.string().nullable(),
  /** The exception it was parked from (kind exception_parked), else null. */
  exceptionKey: z.string().nullable(),
  summary: z.string(),
  ownerRole: z.string(),
  assignee: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  evidence: z.object({ rows: z.array(z.record(z.string(), z.unknown())), total: z.number().int() }),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  comments: z.array(z.object({ author: z.string(), body: z.string(), createdAt: z.string() })),
});

export const ReconcileResult = z.object({
  opened: z.number().int(),
  refreshed: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
});

export const dataIssueCalls = {
  'dataIssue.list': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      status: z.enum(['open', 'closed']).optional(),
      owner: z.string().optional(),
      source: z.string().optional(),
    }),
    z.array(DataIssue),
    "The cycle's data issues, open first by deadline; filter by status, owner role and source",
  ),
  'dataIssue.reconcile': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    ReconcileResult,
    'Re-run the reconciliation checks on the pinned snapshot set',
    WRITES,
  ),
  'dataIssue.park': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      /** The exception's key, as exception.list gives it. */
      key: z.string().trim().min(1).max(400),
      ownerRole: z.string().trim().min(1).max(80),
      assignee: Person.optional(),
      /** As typed: 2026-12-04, fri, +3d, end of month (read in the cycle's time zone). */
      deadline: z.string().trim().min(1).max(40),
      note: z.string().trim().max(4000).optional(),
      by: Person,
    }),
    DataIssue,
    'Park an exception as a data issue with an owner and a deadline; the exception is marked actioned',
    WRITES,
  ),
  'dataIssue.assign': call(
    z.object({ id: z.number().int().positive(), assignee: Person, by: Person }),
    DataIssue,
    'Assign a data issue to a person',
    WRITES,
  ),
  'dataIssue.comment': call(
    z.object({ id: z.number().int().positive(), author: Person, body: z.string().trim().min(1).max(4000) }),
    DataIssue,
    'Comment on a data issue',
    WRITES,
  ),
  'dataIssue.close': call(
    z.object({ id: z.number().int().positive(), by: Person, reason: z.string().trim().min(1).max(4000) }),
    DataIssue,
    'Close a data issue with the reason',
    WRITES,
  ),
} as const;
