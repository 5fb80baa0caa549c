// Everything the minutes of a cycle's meeting hold, gathered once from the services the app's
// pages call (so the minutes say what the room saw): the meeting, attendance, the agenda with
// planned and actual minutes, the KPIs (total) with their breaches, the exceptions reviewed, the
// data issues raised, the scenarios compared beside the baseline and the one chosen, and the
// decisions in priority order. The renderers (Markdown, XLSX, print HTML) only lay it out.
import { wallClockInZone } from '../../shared/domain/timeZone';
import type {
  ApiOutput,
  AttendeeT,
  DataIssueT,
  DecisionInfoT,
  ExceptionInfoT,
  KpiInfoT,
  ScenarioInfoT,
} from '../../shared/api';
import { REVIEW_STATUSES } from '../../shared/calls/planning';
import { getCycle } from '../db/repos/cycles';
import type { ReadDb } from '../db/types';
import { attendeeList } from '../services/attendees';
import { cycleIdOrCurrent } from '../services/cycles';
import { listDataIssues } from '../services/dataIssues';
import { decisionList } from '../services/decisions';
import { exceptionList, kpiList, readHere, type PlanningContext } from '../services/planning';
import { scenarioCompare, scenarioList } from '../services/scenarios';

/** The most scenarios a comparison shows (the contract's limit, and the width of a page). */
export const MAX_COMPARED = 4;
/** Reviewed exceptions listed per review status. */
const EXCEPTIONS_PER_STATUS = 1000;

export interface AgendaLine {
  position: number;
  title: string;
  function: string;
  ownerRole: string;
  plannedMinutes: number;
  /** Null: not recorded. */
  actualMinutes: number | null;
}

export interface MinutesData {
  cycle: {
    id: number;
    name: string;
    timeZone: string;
    meetingAt: string;
    /** "2026-12-01 10:00 Europe/Berlin": the meeting time in the cycle's own zone. */
    meetingLocal: string;
    currency: string;
    /** The cycle's calendar day now, in its zone. */
    today: string;
  };
  exportedAt: string;
  attendance: AttendeeT[];
  agenda: AgendaLine[];
  kpis: KpiInfoT[];
  previousCycle: string | null;
  /** Exceptions whose review status is not "new", largest value at risk first. */
  exceptions: ExceptionInfoT[];
  /** How many were reviewed: more than listed when a status had over 1000. */
  exceptionsReviewed: number;
  dataIssues: DataIssueT[];
  scenarios: {
    all: ScenarioInfoT[];
    /** Chosen ones first, at most MAX_COMPARED; null when the cycle has no scenario. */
    compared: ApiOutput<'scenario.compare'> | null;
  };
  decisions: DecisionInfoT[];
}

/** The agenda with the minutes each item took (agenda_items.actual_minutes, migration 0007). */
function agendaOf(db: ReadDb, cycleId: number): AgendaLine[] {
  return db
    .prepare(
      `SELECT position, title, function, owner_role AS ownerRole, minutes AS plannedMinutes,
              actual_minutes AS actualMinutes
       FROM agenda_items WHERE cycle_id = ? ORDER BY position`,
    )
    .all(cycleId) as AgendaLine[];
}

/** The exceptions the meeting looked at: every review status but "new", resolved ones too. */
async function reviewedExceptions(ctx: PlanningContext, cycleId: number) {
  const rows: ExceptionInfoT[] = [];
  let total = 0;
  for (const status of REVIEW_STATUSES.filter((s) => s !== 'new')) {
    const page = await exceptionList(ctx, {
      cycleId,
      reviewStatus: status,
      includeResolved: true,
      offset: 0,
      limit: EXCEPTIONS_PER_STATUS,
    });
    rows.push(...page.rows);
    total += page.total;
  }
  return { rows: rows.sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.key.localeCompare(b.key)), total };
}

/** The scenarios compared: the chosen ones first, then the others in the list's order. */
async function comparison(ctx: PlanningContext, cycleId: number, all: ScenarioInfoT[]) {
  if (all.length === 0) return null;
  const picked = [...all.filter((s) => s.chosen), ...all.filter((s) => !s.chosen)].slice(0, MAX_COMPARED);
  return scenarioCompare(ctx, { cycleId, ids: picked.map((s) => s.id) });
}

export async function minutesData(ctx: PlanningContext, cycleId?: number): Promise<MinutesData> {
  const id = cycleIdOrCurrent(readHere(ctx), cycleId);
  // The KPIs bring the cycle's results up to date first; every read below sees the same ones.
  const kpis = await kpiList(ctx, { cycleId: id, dimension: 'total' });
  const exceptions = await reviewedExceptions(ctx, id);
  const all = scenarioList(ctx, { cycleId: id }).scenarios;
  const compared = await comparison(ctx, id, all);
  const db = readHere(ctx);
  const cycle = getCycle(db, id)!;
  const decisions = decisionList(db, { cycleId: id });
  return {
    cycle: {
      id,
      name: cycle.name,
      timeZone: cycle.time_zone,
      meetingAt: cycle.meeting_at,
      meetingLocal: wallClockInZone(cycle.meeting_at, cycle.time_zone),
      currency: cycle.currency,
      today: decisions.cycle.today,
    },
    exportedAt: new Date().toISOString(),
    attendance: attendeeList(db, { cycleId: id }),
    agenda: agendaOf(db, id),
    kpis: kpis.rows,
    previousCycle: kpis.previousCycle,
    exceptions: exceptions.rows,
    exceptionsReviewed: exceptions.total,
    dataIssues: listDataIssues(db, { cycleId: id }),
    scenarios: { all, compared },
    decisions: decisions.decisions,
  };
}
