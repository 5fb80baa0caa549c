// Running the meeting: the live run of the cycle's agenda (start, next, previous, end, with the
// actual minutes of each item) and editing the agenda itself (items and templates). Part of the
// API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { AGENDA_FUNCTIONS } from './decisions';
import { IsoTime, Person, WRITES, call } from './common';

export type AgendaFunction = (typeof AGENDA_FUNCTIONS)[number];

export const AGENDA_TEMPLATES = ['monthly', 'quarterly'] as const;
/** The bounds agenda_items.minutes allows (migration 0001). */
export const MIN_ITEM_MINUTES = 1;
export const MAX_ITEM_MINUTES = 240;

const CycleId = z.number().int().positive().optional();

export const RunItem = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  function: z.enum(AGENDA_FUNCTIONS),
  ownerRole: z.string(),
  /** The time box. */
  minutes: z.number().int(),
  /** First time the item came up in the run; null: not yet. */
  startedAt: IsoTime.nullable(),
  /** When it was last left; null while it is on, or before it came up. */
  endedAt: IsoTime.nullable(),
  /** Minutes of the closed visits (agenda_items.actual_minutes); null: not recorded. */
  actualMinutes: z.number().nullable(),
  /** Start of the visit under way when this is the current item, else null. */
  openSince: IsoTime.nullable(),
});

export const MeetingState = z.object({
  cycleId: z.number().int(),
  status: z.enum(['not_started', 'running', 'ended']),
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  currentItemId: z.number().int().nullable(),
  /** The server's clock when it answered. */
  now: IsoTime,
  items: z.array(RunItem),
});

const RunInput = z.object({ cycleId: CycleId, by: Person });

export const AgendaDraftItem = z.object({
  /** An item kept (renamed, moved); absent: a new item. */
  id: z.number().int().positive().optional(),
  position: z.number().int().min(1, 'a position of 1 or more'),
  title: z.string().trim().min(1, 'a title').max(200),
  function: z.enum(AGENDA_FUNCTIONS),
  ownerRole: z.string().trim().min(1, 'an owner role').max(80),
  minutes: z
    .number()
    .int('whole minutes')
    .min(MIN_ITEM_MINUTES, `at least ${MIN_ITEM_MINUTES} minute`)
    .max(MAX_ITEM_MINUTES, `at most ${MAX_ITEM_MINUTES} minutes`),
});

export const meetingCalls = {
  'meeting.state': call(
    z.object({ cycleId: CycleId }),
    MeetingState,
    "The cycle's meeting run: started, the current item, each item's visits and actual minutes, ended",
  ),
  'meeting.start': call(RunInput, MeetingState, 'Start the meeting on the first agenda item', WRITES),
  'meeting.next': call(
    RunInput,
    MeetingState,
    'Close the current item (its actual minutes recorded) and go to the next',
    WRITES,
  ),
  'meeting.previous': call(
    RunInput,
    MeetingState,
    'Close the current item (its actual minutes recorded) and go back to the one before',
    WRITES,
  ),
  'meeting.end': call(RunInput, MeetingState, 'End the meeting: the current item closes with its minutes', WRITES),
  'agenda.save': call(
    z.object({
      cycleId: CycleId,
      items: z.array(AgendaDraftItem).min(1, 'at least one item').max(40),
      by: Person,
    }),
    MeetingState,
    'Save the whole agenda: order, titles, owner roles, time boxes; items left out are removed',
    WRITES,
  ),
  'agenda.applyTemplate': call(
    z.object({ cycleId: CycleId, template: z.enum(AGENDA_TEMPLATES), by: Person }),
    MeetingState,
    'Replace the agenda with the monthly or the quarterly template (before the meeting starts)',
    WRITES,
  ),
} as const;
