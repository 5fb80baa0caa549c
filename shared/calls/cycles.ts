// Meeting cycles: their pinned snapshot set, agenda and time zone.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { IsoTime, Period, Person, TimeZone, WRITES, call } from './common';
import { ReconcileResult } from './dataIssues';

export const CycleSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  startPeriod: z.string(),
  horizonPeriods: z.number().int(),
  meetingAt: z.string(),
  /** IANA time zone: the start week, the meeting day and every date derived from the meeting use it. */
  timeZone: z.string(),
  currency: z.string(),
  status: z.enum(['open', 'closed']),
});

export const SourceStatus = z.object({
  source: z.string(),
  ownerRole: z.string(),
  snapshotId: z.number().int(),
  extractedAt: z.string(),
  importedAt: z.string(),
  /** Hours between the export and the meeting. */
  ageHours: z.number(),
  freshnessLimitHours: z.number(),
  stale: z.boolean(),
  /** An extraction time that cannot be right: after the meeting, or more than a year before it. */
  extractionWarning: z.string().nullable(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
});

export const AgendaItem = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  function: z.string(),
  ownerRole: z.string(),
  minutes: z.number().int(),
});

export const CycleOverview = z.object({
  cycle: CycleSummary,
  sources: z.array(SourceStatus),
  /** Known sources with no snapshot pinned in this cycle. */
  missingSources: z.array(z.string()),
  agenda: z.array(AgendaItem),
  totalRows: z.number().int(),
  openDataIssues: z.number().int(),
});

export const cycleCalls = {
  'cycle.overview': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    CycleOverview.nullable(),
    'The current (or given) cycle: pinned sources with age and row counts, and the agenda',
  ),
  'cycle.list': call(z.object({}), z.array(CycleSummary), 'All cycles, newest meeting first'),
  'cycle.create': call(
    z.object({
      name: z.string().trim().min(1).max(80),
      meetingAt: IsoTime,
      startPeriod: Period.optional(),
      /** Default: the machine's time zone at creation. */
      timeZone: TimeZone.optional(),
      horizon: z.number().int().min(1).max(260).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'a 3-letter currency code')
        .optional(),
    }),
    CycleSummary,
    'Create a cycle pinning the latest snapshot of every source',
    WRITES,
  ),
  'cycle.setTimeZone': call(
    z.object({ cycleId: z.number().int().positive().optional(), timeZone: TimeZone, by: Person }),
    CycleSummary,
    "Change the cycle's time zone; a start week derived from the meeting follows it",
    WRITES,
  ),
  'cycle.pin': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      source: z.string().min(1),
      snapshotId: z.number().int().positive(),
      by: Person,
      reason: z.string().trim().min(1, 'a reason').max(500),
    }),
    z.object({ changed: z.boolean(), reconciliation: ReconcileResult }),
    'Pin another snapshot of a source to the cycle (logged), then re-run reconciliation',
    WRITES,
  ),
  'cycle.pinLog': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.array(
      z.object({
        id: z.number().int(),
        source: z.string(),
        oldSnapshotId: z.number().int().nullable(),
        newSnapshotId: z.number().int(),
        by: z.string(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
    "Every pin change of the cycle's snapshot set, newest first",
  ),
} as const;
