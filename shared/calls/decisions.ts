// The decision priority log: record, rank, change, follow up, and the attendance and minutes of
// the meeting that made the decisions. Part of the API contract (shared/api.ts merges every group
// into the one map).
import { z } from 'zod';
import { KPI_IDS } from '../planning/settings';
import { Person, WRITES, call } from './common';

export const DECISION_STATUSES = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
/** Statuses a decision is finished in: not carried over, never overdue. */
export const CLOSED_STATUSES: readonly DecisionStatus[] = ['done', 'dropped'];

export const AGENDA_FUNCTIONS = [
  'review',
  'demand',
  'supply',
  'logistics',
  'warehouse',
  'finance',
  'executive',
] as const;

const CycleRef = z.object({ cycleId: z.number().int(), name: z.string() });
const DecisionId = z.number().int().positive();
const Title = z.string().trim().min(1, 'a title').max(200);
const Rationale = z.string().trim().max(4000);
/** As typed: an ISO date, `fri`, `+2w`, `end of month` (shared/domain/dueDate.ts). */
const DueText = z.string().trim().max(40);

export const DecisionInfo = z.object({
  id: z.number().int(),
  uid: z.string(),
  /** The cycle that recorded it. */
  cycleId: z.number().int(),
  cycleName: z.string(),
  /** Rank in the cycle listed (1 = top). */
  priorityRank: z.number().int(),
  title: z.string(),
  rationale: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(DECISION_STATUSES),
  function: z.enum(AGENDA_FUNCTIONS).nullable(),
  kpi: z.object({ id: z.string(), name: z.string() }).nullable(),
  expectedValue: z.number().nullable(),
  exceptions: z.array(z.object({ key: z.string(), type: z.string().nullable(), subject: z.string() })),
  scenario: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  /** Due before today (in the cycle's time zone) and neither done nor dropped. */
  overdue: z.boolean(),
  /** Set when a later cycle follows it up: the cycle it was carried over from. */
  carriedFrom: CycleRef.nullable(),
});

export const DecisionChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const DecisionEvent = z.object({
  seq: z.number().int(),
  kind: z.enum(['recorded', 'changed', 'moved', 'commented', 'carried_over', 'follow_up']),
  actor: z.string(),
  at: z.string(),
  /** What changed, old and new value (a move: priority_rank; a follow-up: its note). */
  changes: z.array(DecisionChange),
  comment: z.string().nullable(),
  /** The cycle the event happened in. */
  cycleId: z.number().int().nullable(),
});

export const DecisionDetail = DecisionInfo.extend({
  history: z.array(DecisionEvent),
  /** The figures it expects (from the scenario it chose) beside the baseline's. */
  expectations: z.array(
    z.object({ figure: z.string(), baseline: z.number().nullable(), expected: z.number().nullable() }),
  ),
});

export const Attendee = z.object({
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  present: z.boolean(),
});

/** Where a new decision goes: a rank (1 = top), "top" or "bottom" (the default). */
export const Priority = z.union([z.number().int().min(1).max(10_000), z.enum(['top', 'bottom'])]);

export const NewDecisionFields = z.object({
  title: Title,
  owner: Person,
  due: DueText.optional(),
  priority: Priority.optional(),
  rationale: Rationale.optional(),
  kpiId: z.enum(KPI_IDS).optional(),
  expectedValue: z.number().finite().optional(),
  function: z.enum(AGENDA_FUNCTIONS).optional(),
});

export const FollowUpItem = z.object({
  decision: DecisionInfo,
  /** The figure its KPI is judged on, expected when recorded and in this cycle's data. */
  figure: z.string().nullable(),
  expected: z.number().nullable(),
  /** The value in this cycle's KPIs (null: no data, or nothing to compare). */
  actual: z.number().nullable(),
  /** "why it diverged", written in this cycle's meeting. */
  note: z.string().nullable(),
  noteBy: z.string().nullable(),
  noteAt: z.string().nullable(),
});

export const FileOut = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** Text formats as they are, binary ones (xlsx, pdf) in base64. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});

export const decisionCalls = {
  'decision.list': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      status: z.array(z.enum(DECISION_STATUSES)).optional(),
      owner: z.string().max(80).optional(),
      function: z.enum(AGENDA_FUNCTIONS).optional(),
      /** Due on or before (ISO date). */
      dueBefore: z.iso.date().optional(),
      /** Words in the title, rationale, owner, KPI or scenario. */
      q: z.string().max(200).optional(),
    }),
    z.object({
      cycle: CycleRef.extend({ timeZone: z.string(), today: z.string() }),
      /** In priority order. */
      decisions: z.array(DecisionInfo),
      /** Before the filters: the list is empty, or the filters hide all. */
      total: z.number().int(),
    }),
    "The cycle's decisions in priority order (its own and those carried over), filtered",
  ),
  'decision.get': call(
    z.object({ id: DecisionId, cycleId: z.number().int().positive().optional() }),
    DecisionDetail,
    'One decision with its history',
  ),
  'decision.owners': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.object({
      suggestions: z.array(z.object({ name: z.string(), why: z.string() })),
      today: z.string(),
    }),
    "Who a decision's owner could be: the cycle's attendees, then the KPI owner roles, then past owners",
  ),
  'decision.add': call(
    NewDecisionFields.extend({
      cycleId: z.number().int().positive().optional(),
      exceptionKeys: z.array(z.string().min(1)).max(50).optional(),
      by: Person,
    }),
    DecisionInfo,
    'Record a decision in the log (from anywhere, or from an exception it answers)',
    WRITES,
  ),
  'decision.set': call(
    z.object({
      id: DecisionId,
      cycleId: z.number().int().positive().optional(),
      status: z.enum(DECISION_STATUSES).optional(),
      title: Title.optional(),
      owner: Person.optional(),
      /** As typed; an empty text clears the due date. */
      due: DueText.optional(),
      expectedValue: z.number().finite().nullable().optional(),
      rationale: Rationale.optional(),
      comment: z.string().trim().min(1).max(4000).optional(),
      by: Person,
    }),
    DecisionDetail,
    'Change status, title, owner, due date or expected value, or comment; each change is appended to the history',
    WRITES,
  ),
  'decision.move': call(
    z.object({
      id: DecisionId,
      cycleId: z.number().int().positive().optional(),
      to: z.union([z.number().int().min(1), z.enum(['top', 'bottom', 'up', 'down'])]),
      by: Person,
    }),
    z.object({ order: z.array(z.object({ id: z.number().int(), priorityRank: z.number().int() })) }),
    "Move a decision in the cycle's priority order",
    WRITES,
  ),
  'decision.history': call(z.object({ id: DecisionId }), z.array(DecisionEvent), "A decision's append-only history"),
  'decision.followUp': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.object({
      previousCycle: CycleRef.nullable(),
      items: z.array(FollowUpItem),
    }),
    "Last cycle's decisions with status, KPI, expected value and the value now",
  ),
  'decision.note': call(
    z.object({
      id: DecisionId,
      cycleId: z.number().int().positive().optional(),
      note: z.string().trim().min(1, 'a note').max(4000),
      by: Person,
    }),
    FollowUpItem,
    'Why the outcome of a last-cycle decision diverged, written in this cycle (appended to its history)',
    WRITES,
  ),
  'decision.ics': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    FileOut,
    'An .ics calendar with one VTODO per open decision (stable UIDs: a re-export updates)',
  ),
  'attendee.list': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.array(Attendee),
    "The cycle's attendance list",
  ),
  'attendee.save': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      name: Person,
      role: z.string().trim().max(80).optional(),
      email: z.email().max(200).nullable().optional(),
      present: z.boolean().optional(),
      by: Person,
    }),
    z.array(Attendee),
    'Add an attendee to the cycle, or change one (role, e-mail, present)',
    WRITES,
  ),
  'attendee.remove': call(
    z.object({ cycleId: z.number().int().positive().optional(), name: Person, by: Person }),
    z.array(Attendee),
    "Remove a name from the cycle's attendance list",
    WRITES,
  ),
  // Not a writing call, though it writes: the queue would wait on a PDF's printing for seconds.
  // The service makes the file first, then queues its one outbox entry (electron/services/exports.ts).
  'minutes.export': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      format: z.enum(['md', 'xlsx', 'pdf']),
      /** Who exported, recorded with the export's outbox entry. */
      by: Person.optional(),
    }),
    FileOut,
    "The meeting's minutes: attendance, agenda, KPIs, exceptions, data issues, scenarios, decisions; each export is recorded in the outbox for the hub",
  ),
  'scenario.workbook': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      ids: z.array(z.number().int().positive()).min(1).max(4),
    }),
    FileOut,
    'A workbook of scenarios: one sheet per scenario and the side-by-side comparison',
  ),
} as const;
