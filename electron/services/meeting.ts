// Running the meeting: start, next, previous and end move through the cycle's agenda and record
// each item's actual minutes from the server's clock (injected, so tests never wait on time);
// editing the agenda and its templates. Writes go through writeTx ('meeting', 'agenda').
import type { ApiInput, ApiOutput } from '../../shared/api';
import type { AgendaFunction } from '../../shared/calls/meeting';
import { AppError, cutInput } from '../../shared/domain/errors';
import {
  DEFAULT_AGENDA,
  QUARTERLY_AGENDA,
  deleteAgenda,
  insertAgenda,
  listAgenda,
  saveAgendaRows,
  type AgendaRow,
} from '../db/repos/agenda';
import { closeSpan, endRun, getRun, insertRun, listSpans, openSpan } from '../db/repos/meetingRuns';
import type { ReadDb, WriteDb } from '../db/types';
import { writeTx } from '../db/writeTx';
import { cycleIdOrCurrent } from './cycles';

type State = ApiOutput<'meeting.state'>;
/** The server's clock as ISO-8601 UTC. */
export type Clock = () => string;

const TEMPLATES = { monthly: DEFAULT_AGENDA, quarterly: QUARTERLY_AGENDA } as const;

export function meetingState(db: ReadDb, clock: Clock, cycleId?: number): State {
  const id = cycleIdOrCurrent(db, cycleId);
  const run = getRun(db, id);
  const spans = listSpans(db, id);
  const actual = new Map(
    (
      db.prepare('SELECT id, actual_minutes FROM agenda_items WHERE cycle_id = ?').all(id) as {
        id: number;
        actual_minutes: number | null;
      }[]
    ).map((r) => [r.id, r.actual_minutes]),
  );
  const items = listAgenda(db, id).map((a) => {
    const mine = spans.filter((s) => s.agenda_item_id === a.id);
    const open = mine.find((s) => s.ended_at === null);
    const last = mine.at(-1);
    return {
      id: a.id,
      position: a.position,
      title: a.title,
      function: a.function as AgendaFunction,
      ownerRole: a.owner_role,
      minutes: a.minutes,
      startedAt: mine[0]?.started_at ?? null,
      endedAt: last && !open ? last.ended_at : null,
      actualMinutes: actual.get(a.id) ?? null,
      openSince: open?.started_at ?? null,
    };
  });
  return {
    cycleId: id,
    status: !run ? 'not_started' : run.ended_at ? 'ended' : 'running',
    startedAt: run?.started_at ?? null,
    endedAt: run?.ended_at ?? null,
    currentItemId: run?.current_item_id ?? null,
    now: clock(),
    items,
  };
}

/** The running meeting of the cycle, or a refusal saying what to do instead. */
function running(db: ReadDb, cycleId: number) {
  const run = getRun(db, cycleId);
  if (!run) throw new AppError('conflict', 'The meeting has not started.', { hint: 'Start the meeting first.' });
  if (run.ended_at || run.current_item_id === null)
    throw new AppError('conflict', `The meeting ended at ${run.ended_at ?? 'an earlier time'}.`, {
      hint: 'An ended meeting is not run again; its actual minutes are in the minutes export.',
    });
  return { ...run, current_item_id: run.current_item_id };
}

export function meetingStart(db: WriteDb, clock: Clock, input: ApiInput<'meeting.start'>): State {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  writeTx(db, 'meeting', () => {
    const run = getRun(db, cycleId);
    if (run)
      throw new AppError(
        'conflict',
        run.ended_at ? `The meeting already ran and ended at ${run.ended_at}.` : 'The meeting is already running.',
        { hint: run.ended_at ? 'Its actual minutes are in the minutes export.' : 'Use Next, Previous or End.' },
      );
    const first = listAgenda(db, cycleId)[0];
    if (!first)
      throw new AppError('conflict', 'The agenda has no items.', { hint: 'Add an item or apply a template.' });
    insertRun(db, cycleId, first.id, input.by, clock());
  });
  return meetingState(db, clock, cycleId);
}

/** Next (+1) or previous (-1): closes the current item's visit and opens the other's. */
export function meetingStep(db: WriteDb, clock: Clock, input: ApiInput<'meeting.next'>, step: 1 | -1): State {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  writeTx(db, 'meeting', () => {
    const run = running(db, cycleId);
    const agenda = listAgenda(db, cycleId);
    const at = agenda.findIndex((a) => a.id === run.current_item_id);
    const to = agenda[at + step];
    if (!to)
      throw new AppError('conflict', step === 1 ? 'This is the last item.' : 'This is the first item.', {
        hint: step === 1 ? 'End the meeting to close it.' : 'There is no item before it.',
      });
    const now = clock();
    closeSpan(db, cycleId, run.current_item_id, now);
    openSpan(db, cycleId, to.id, now);
  });
  return meetingState(db, clock, cycleId);
}

export function meetingEnd(db: WriteDb, clock: Clock, input: ApiInput<'meeting.end'>): State {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  writeTx(db, 'meeting', () => {
    const run = running(db, cycleId);
    const now = clock();
    closeSpan(db, cycleId, run.current_item_id, now);
    endRun(db, cycleId, input.by, now);
  });
  return meetingState(db, clock, cycleId);
}

export function agendaSave(db: WriteDb, clock: Clock, input: ApiInput<'agenda.save'>): State {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  writeTx(db, 'agenda', () => {
    const existing = new Map(listAgenda(db, cycleId).map((a) => [a.id, a]));
    const positions = new Set<number>();
    input.items.forEach((item, i) => {
      if (positions.has(item.position))
        throw new AppError('invalid_input', `Position ${item.position} is given to two items.`, {
          where: { field: `items.${i}.position`, value: String(item.position) },
          hint: 'Give each item its own position (1, 2, 3…).',
        });
      positions.add(item.position);
      if (item.id !== undefined && !existing.has(item.id))
        throw new AppError('not_found', `Agenda item ${item.id} is not on this cycle's agenda.`, {
          where: { field: `items.${i}.id`, value: String(item.id) },
          hint: 'Reload the agenda and edit it again.',
        });
    });
    const run = getRun(db, cycleId);
    const current = run && !run.ended_at ? run.current_item_id : null;
    if (current !== null && !input.items.some((i) => i.id === current)) {
      const title = existing.get(current)?.title ?? '';
      throw new AppError('conflict', `"${cutInput(title, 80)}" is on now: it cannot be removed mid-run.`, {
        where: { field: 'items', value: String(current) },
        hint: 'Go to another item first, or end the meeting.',
      });
    }
    saveAgendaRows(
      db,
      cycleId,
      input.items.map((i) => ({
        id: i.id,
        position: i.position,
        title: i.title,
        function: i.function,
        owner_role: i.ownerRole,
        minutes: i.minutes,
      })),
    );
  });
  return meetingState(db, clock, cycleId);
}

export function agendaApplyTemplate(db: WriteDb, clock: Clock, input: ApiInput<'agenda.applyTemplate'>): State {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  writeTx(db, 'agenda', () => {
    const run = getRun(db, cycleId);
    if (run)
      throw new AppError(
        'conflict',
        run.ended_at
          ? 'The meeting has run: its agenda holds the actual minutes and is kept.'
          : 'The meeting is running: a template would replace the item on now.',
        { hint: 'Edit single items instead.' },
      );
    deleteAgenda(db, cycleId);
    insertAgenda(db, cycleId, TEMPLATES[input.template] as readonly Omit<AgendaRow, 'id' | 'position'>[]);
  });
  return meetingState(db, clock, cycleId);
}
