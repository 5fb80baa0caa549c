// The decision priority log: record, rank, change, carry over and follow up. The UI, the HTTP
// host and the CLI all call these (through the contract); every write is one transaction with
// its history event and outbox entry (repos/decisions.ts).
import type { ApiInput, ApiOutput } from '../../shared/api';
import {
  CLOSED_STATUSES,
  type DecisionEvent,
  type DecisionInfo,
  type DecisionStatus,
} from '../../shared/calls/decisions';
import { DUE_HINT, parseDue } from '../../shared/domain/dueDate';
import { AppError, cutInput } from '../../shared/domain/errors';
import { dateInZone } from '../../shared/domain/timeZone';
import { EXCEPTION_KPI, KPI_AIM, KPI_AIM_METRIC } from '../../shared/planning/decisionAim';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { exceptionSubject } from '../../shared/planning/outcome';
import type { KpiId } from '../../shared/planning/settings';
import type { z } from 'zod';
import { copyAttendees, listAttendees } from '../db/repos/attendees';
import { getCycle, type CycleRow } from '../db/repos/cycles';
import {
  appendEvent,
  cycleOrder,
  cyclesListing,
  decisionEvents,
  decisionExceptions,
  decisionExpectations,
  followUpNote,
  getCycleDecision,
  insertDecision,
  listCycleDecisions,
  openDecisionIds,
  pastOwners,
  updateDecision,
  writeOrder,
  type AnsweredException,
  type DecisionFields,
  type DecisionRow,
  type NewDecisionRow,
} from '../db/repos/decisions';
import { listKpiValues } from '../db/repos/exceptions';
import { fieldState } from '../db/repos/fieldWrites';
import { listKpiDefinitions } from '../db/repos/planningSettings';
import { nowIso, type ReadDb, type WriteDb } from '../db/types';
import { writeTx } from '../db/writeTx';
import { cycleIdOrCurrent } from './cycles';
import { ensureComputed, readHere, type PlanningContext } from './planning';

type Info = z.output<typeof DecisionInfo>;
type Event = z.output<typeof DecisionEvent>;
type Priority = ApiInput<'decision.add'>['priority'];

const cycleOf = (db: ReadDb, cycleId?: number): CycleRow => getCycle(db, cycleIdOrCurrent(db, cycleId))!;

/** The cycle's calendar day now, in its own time zone. */
export const todayIn = (cycle: CycleRow): string => dateInZone(new Date(), cycle.time_zone);

const subjectOf = (e: AnsweredException): string => exceptionSubject({ ...e, orderId: e.order_id, kpiId: e.kpi_id });

function toInfos(db: ReadDb, rows: readonly DecisionRow[], today: string): Info[] {
  const answered = decisionExceptions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    uid: r.uid,
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    priorityRank: r.priority_rank,
    title: r.title,
    rationale: r.rationale,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status,
    function: r.function as Info['function'],
    kpi: r.kpi_id ? { id: r.kpi_id, name: r.kpi_name ?? r.kpi_id } : null,
    expectedValue: r.expected_value,
    exceptions: (answered.get(r.id) ?? []).map((e) => ({ key: e.key, type: e.type, subject: subjectOf(e) })),
    scenario: r.scenario_id === null ? null : { id: r.scenario_id, name: r.scenario_name ?? '' },
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
    overdue: r.due_date !== null && r.due_date < today && !CLOSED_STATUSES.includes(r.status),
    carriedFrom: r.carried_from === null ? null : { cycleId: r.carried_from, name: r.carried_from_name ?? '' },
  }));
}

export function decisionList(db: ReadDb, input: ApiInput<'decision.list'>): ApiOutput<'decision.list'> {
  const cycle = cycleOf(db, input.cycleId);
  const today = todayIn(cycle);
  const all = toInfos(db, listCycleDecisions(db, cycle.id), today);
  const words = (input.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const owner = input.owner?.trim().toLowerCase();
  const decisions = all.filter((d) => {
    if (input.status?.length && !input.status.includes(d.status)) return false;
    if (owner && d.owner.toLowerCase() !== owner) return false;
    if (input.function && d.function !== input.function) return false;
    if (input.dueBefore && (d.dueDate === null || d.dueDate > input.dueBefore)) return false;
    const text = [d.title, d.rationale, d.owner, d.kpi?.name, d.scenario?.name, ...d.exceptions.map((e) => e.subject)]
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return {
    cycle: { cycleId: cycle.id, name: cycle.name, timeZone: cycle.time_zone, today },
    decisions,
    total: all.length,
  };
}

/**
 * A decision as a cycle lists it, with that cycle: the given one, else the latest that lists it
 * (its rank, and the time zone its overdue mark and due dates are read in).
 */
function listedOrThrow(db: ReadDb, id: number, cycleId?: number): { row: DecisionRow; listing: CycleRow } {
  const listed = cyclesListing(db, id);
  const cycle = cycleId ?? listed[0];
  const row = cycle === undefined ? undefined : getCycleDecision(db, cycle, id);
  if (!row) {
    throw new AppError(
      'not_found',
      cycleId !== undefined && listed.length > 0
        ? `Decision ${id} is not in cycle ${cycleId}'s log.`
        : `No decision with id ${id}.`,
      { hint: 'List the decisions: planroom decisions list.' },
    );
  }
  return { row, listing: getCycle(db, cycle!)! };
}

export function toEvent(e: { seq: number; kind: string; payload: string; actor: string; at: string }): Event {
  const p = JSON.parse(e.payload) as {
    changes?: Event['changes'];
    comment?: string | null;
    cycleId?: number;
    decision?: { cycleId?: number };
  };
  return {
    seq: e.seq,
    kind: e.kind as Event['kind'],
    actor: e.actor,
    at: e.at,
    changes: p.changes ?? [],
    comment: p.comment ?? null,
    cycleId: p.cycleId ?? p.decision?.cycleId ?? null,
  };
}

export function decisionGet(db: ReadDb, input: ApiInput<'decision.get'>): ApiOutput<'decision.get'> {
  const { row, listing } = listedOrThrow(db, input.id, input.cycleId);
  return {
    ...toInfos(db, [row], todayIn(listing))[0]!,
    history: decisionEvents(db, row.id).map(toEvent),
    expectations: decisionExpectations(db, row.id),
  };
}

export const decisionHistory = (db: ReadDb, input: ApiInput<'decision.history'>): ApiOutput<'decision.history'> =>
  decisionEvents(db, listedOrThrow(db, input.id).row.id).map(toEvent);

export function decisionOwners(db: ReadDb, input: ApiInput<'decision.owners'>): ApiOutput<'decision.owners'> {
  const cycle = cycleOf(db, input.cycleId);
  const seen = new Set<string>();
  const suggestions: { name: string; why: string }[] = [];
  const add = (name: string, why: string) => {
    const key = name.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    suggestions.push({ name: name.trim(), why });
  };
  for (const a of listAttendees(db, cycle.id)) add(a.name, a.role ? `attendee, ${a.role}` : 'attendee');
  for (const k of listKpiDefinitions(db)) add(k.ownerRole, `owns ${k.name}`);
  for (const o of pastOwners(db)) add(o, 'owned a decision before');
  return { suggestions, today: todayIn(cycle) };
}

/** A due date as typed, read against the cycle's today; refused with what to type otherwise. */
export function dueOrThrow(text: string | undefined, cycle: CycleRow, field = 'due'): string | null {
  if (text === undefined || text.trim() === '') return null;
  const due = parseDue(text, todayIn(cycle));
  if (due === null) {
    throw new AppError('invalid_input', `"${cutInput(text, 40)}" is not a ${field === 'due' ? 'due date' : field}.`, {
      where: { field, value: cutInput(text, 40) },
      hint: `Type ${DUE_HINT}.`,
    });
  }
  return due;
}

/** The index (0-based) a new decision goes to in an order of `n`. */
function insertAt(priority: Priority, n: number): number {
  if (priority === undefined || priority === 'bottom') return n;
  if (priority === 'top') return 0;
  return Math.min(priority - 1, n);
}

/**
 * Records a decision in its cycle: inserted, placed in the cycle's order, and its first history
 * event with its outbox entry, all in one transaction (`op` names its crash points). `also` runs
 * in the same transaction (choosing a scenario logs the choice there).
 */
export function recordDecision(
  db: WriteDb,
  d: Omit<NewDecisionRow, 'at'>,
  opts: { priority?: Priority; op?: string; also?: (uid: string, at: string) => void } = {},
): DecisionRow {
  const at = nowIso();
  return writeTx(db, opts.op ?? 'decision', () => {
    const { id, uid } = insertDecision(db, { ...d, at });
    const order = cycleOrder(db, d.cycleId);
    order.splice(insertAt(opts.priority, order.length), 0, id);
    writeOrder(db, d.cycleId, order, at, { ids: new Set([id]), carriedFrom: null });
    appendEvent(db, {
      decisionId: id,
      kind: 'recorded',
      actor: d.recordedBy,
      at,
      cycleId: d.cycleId,
      extra: { exceptionKeys: d.exceptionKeys, expectations: d.expectations },
    });
    opts.also?.(uid, at);
    return getCycleDecision(db, d.cycleId, id)!;
  });
}

export function decisionAdd(db: WriteDb, input: ApiInput<'decision.add'>): ApiOutput<'decision.add'> {
  const cycle = cycleOf(db, input.cycleId);
  const keys = [...new Set(input.exceptionKeys ?? [])];
  const answered = keys.map((key) => {
    const e = db.prepare('SELECT type, kpi_id FROM exceptions WHERE cycle_id = ? AND key = ?').get(cycle.id, key) as
      { type: ExceptionType; kpi_id: KpiId | null } | undefined;
    if (!e) {
      throw new AppError('not_found', `No exception "${cutInput(key, 80)}" in cycle ${cycle.name}.`, {
        where: { field: 'exceptionKeys', value: cutInput(key, 80) },
        hint: 'List the exceptions: planroom exceptions list.',
      });
    }
    return e;
  });
  const first = answered[0];
  const kpiId = input.kpiId ?? (first ? (first.kpi_id ?? EXCEPTION_KPI[first.type]) : null);
  const row = recordDecision(
    db,
    {
      cycleId: cycle.id,
      title: input.title,
      rationale: input.rationale ?? '',
      owner: input.owner,
      dueDate: dueOrThrow(input.due, cycle),
      function: input.function ?? (kpiId ? KPI_AIM[kpiId].fn : null),
      kpiId,
      expectedValue: input.expectedValue ?? null,
      scenarioId: null,
      exceptionKeys: keys,
      expectations: [],
      recordedBy: input.by,
    },
    { priority: input.priority },
  );
  return toInfos(db, [row], todayIn(cycle))[0]!;
}

// A change and a move read the decision and the order inside their transaction: BEGIN IMMEDIATE
// waits for another process's write (the app and a CLI), so the old values in the history and
// the order rewritten are the ones committed just before, never a stale copy that would tie ranks.
export function decisionSet(db: WriteDb, input: ApiInput<'decision.set'>): ApiOutput<'decision.set'> {
  const { row: first, listing } = listedOrThrow(db, input.id, input.cycleId);
  const wanted: DecisionFields = {};
  if (input.status !== undefined) wanted.status = input.status as DecisionStatus;
  if (input.title !== undefined) wanted.title = input.title;
  if (input.owner !== undefined) wanted.owner = input.owner;
  if (input.due !== undefined) wanted.due_date = dueOrThrow(input.due, listing);
  if (input.expectedValue !== undefined) wanted.expected_value = input.expectedValue;
  if (input.rationale !== undefined) wanted.rationale = input.rationale;
  // Nothing asked (no field, no comment): no transaction at all.
  if (Object.keys(wanted).length === 0 && !input.comment) return decisionGet(db, { id: first.id, cycleId: listing.id });
  const at = nowIso();
  writeTx(db, 'decision', () => {
    const { row } = listedOrThrow(db, first.id, listing.id);
    const changes: { field: string; from: unknown; to: unknown }[] = [];
    const fields: DecisionFields = {};
    // A field in conflict set to the value shown settles it: the write is made (it sees every
    // head) although the value does not change, as "Keep this" on the Sync page does.
    const settled: string[] = [];
    for (const [field, to] of Object.entries(wanted) as [keyof DecisionFields, unknown][]) {
      const from = row[field];
      if (from === to) {
        if (fieldState(db, 'decision', row.uid, field).candidates.length > 1) settled.push(field);
        continue;
      }
      changes.push({ field, from, to });
      (fields as Record<string, unknown>)[field] = to;
    }
    // Nothing to change and nothing said: no event, no outbox entry.
    if (changes.length === 0 && settled.length === 0 && !input.comment) return;
    updateDecision(db, row.id, fields, at);
    appendEvent(db, {
      decisionId: row.id,
      kind: changes.length > 0 || settled.length > 0 ? 'changed' : 'commented',
      actor: input.by,
      at,
      cycleId: listing.id,
      changes: [
        ...changes,
        ...settled.map((field) => ({
          field,
          from: row[field as keyof DecisionFields],
          to: row[field as keyof DecisionFields],
        })),
      ],
      comment: input.comment ?? (settled.length > 0 ? 'resolved a conflict' : null),
      force: settled,
    });
  });
  return decisionGet(db, { id: first.id, cycleId: listing.id });
}

/** Where a move puts a decision now at `from` in an order of `n` (0-based, kept inside it). */
function moveTarget(to: ApiInput<'decision.move'>['to'], from: number, n: number): number {
  const wanted =
    to === 'top' ? 0 : to === 'bottom' ? n - 1 : to === 'up' ? from - 1 : to === 'down' ? from + 1 : to - 1;
  return Math.max(0, Math.min(n - 1, wanted));
}

export function decisionMove(db: WriteDb, input: ApiInput<'decision.move'>): ApiOutput<'decision.move'> {
  const { row, listing } = listedOrThrow(db, input.id, input.cycleId);
  const cycleId = listing.id;
  const at = nowIso();
  writeTx(db, 'decision', () => {
    const order = cycleOrder(db, cycleId);
    const from = order.indexOf(row.id);
    const to = moveTarget(input.to, from, order.length);
    // Already there (the top moved up): no event, no outbox entry.
    if (from < 0 || to === from) return;
    order.splice(from, 1);
    order.splice(to, 0, row.id);
    writeOrder(db, cycleId, order, at);
    appendEvent(db, {
      decisionId: row.id,
      kind: 'moved',
      actor: input.by,
      at,
      cycleId,
      changes: [{ field: 'priority_rank', from: from + 1, to: to + 1 }],
    });
  });
  return { order: cycleOrder(db, cycleId).map((id, i) => ({ id, priorityRank: i + 1 })) };
}

/**
 * A new cycle follows up the previous one: its open decisions are linked (not copied) in the
 * same order, each with a carried_over event, and the attendance list is copied. Runs inside the
 * cycle's creation transaction.
 */
export function carryOver(db: WriteDb, fromCycle: number, toCycle: number, by: string): void {
  const at = nowIso();
  const ids = openDecisionIds(db, fromCycle);
  writeOrder(db, toCycle, ids, at, { ids: new Set(ids), carriedFrom: fromCycle });
  for (const id of ids) {
    appendEvent(db, {
      decisionId: id,
      kind: 'carried_over',
      actor: by,
      at,
      cycleId: toCycle,
      changes: [{ field: 'cycle', from: fromCycle, to: toCycle }],
    });
  }
  copyAttendees(db, fromCycle, toCycle, at);
}

type FollowUp = ApiOutput<'decision.note'>;

function followUpItem(db: ReadDb, info: Info, cycleId: number, actuals: Map<string, number | null>): FollowUp {
  const kpi = info.kpi?.id as KpiId | undefined;
  const note = followUpNote(db, info.id, cycleId);
  return {
    decision: info,
    figure: kpi ? KPI_AIM[kpi].figure : null,
    expected: info.expectedValue,
    actual: kpi ? (actuals.get(kpi) ?? null) : null,
    note: note?.note ?? null,
    noteBy: note?.actor ?? null,
    noteAt: note?.at ?? null,
  };
}

/** Each KPI's aimed figure in a cycle's computed KPIs (total), null where it has no data. */
function actualsOf(db: ReadDb, cycleId: number): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const v of listKpiValues(db, cycleId)) {
    if (v.dimension !== 'total') continue;
    const metric = KPI_AIM_METRIC[v.kpi_id as KpiId];
    if (metric) out.set(v.kpi_id, (JSON.parse(v.metrics) as Record<string, number | null>)[metric] ?? null);
  }
  return out;
}

export async function decisionFollowUp(
  ctx: PlanningContext,
  input: ApiInput<'decision.followUp'>,
): Promise<ApiOutput<'decision.followUp'>> {
  const cycle = cycleOf(readHere(ctx), input.cycleId);
  const previous = cycle.previous_cycle_id === null ? undefined : getCycle(readHere(ctx), cycle.previous_cycle_id);
  if (!previous) return { previousCycle: null, items: [] };
  // The value now comes from this cycle's KPIs: computed first when its inputs changed.
  await ensureComputed(ctx, cycle.id);
  const db = readHere(ctx);
  const actuals = actualsOf(db, cycle.id);
  const infos = toInfos(db, listCycleDecisions(db, previous.id), todayIn(cycle));
  return {
    previousCycle: { cycleId: previous.id, name: previous.name },
    items: infos.map((info) => followUpItem(db, info, cycle.id, actuals)),
  };
}

export async function decisionNote(ctx: PlanningContext, input: ApiInput<'decision.note'>): Promise<FollowUp> {
  const cycle = cycleOf(ctx.db, input.cycleId);
  const previous = cycle.previous_cycle_id;
  const row = previous === null ? undefined : getCycleDecision(ctx.db, previous, input.id);
  if (!row) {
    throw new AppError('invalid_input', `Decision ${input.id} is not one of the previous cycle's decisions.`, {
      hint: "A follow-up note is written on last cycle's decisions, in agenda item 1.",
    });
  }
  await ensureComputed(ctx, cycle.id);
  writeTx(ctx.db, 'decision', () =>
    appendEvent(ctx.db, {
      decisionId: row.id,
      kind: 'follow_up',
      actor: input.by,
      at: nowIso(),
      cycleId: cycle.id,
      changes: [],
      comment: input.note,
    }),
  );
  const info = toInfos(ctx.db, [getCycleDecision(ctx.db, previous!, row.id)!], todayIn(cycle))[0]!;
  return followUpItem(ctx.db, info, cycle.id, actualsOf(ctx.db, cycle.id));
}
