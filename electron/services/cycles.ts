// Cycle services: create a cycle on the latest snapshots, and the overview the first page shows.
import type { ApiOutput, CycleOverviewT } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { canonicalTimeZone, machineTimeZone, weekInZone } from '../../shared/domain/timeZone';
import { insertDefaultAgenda, listAgenda } from '../db/repos/agenda';
import { countOpenIssues } from '../db/repos/dataIssues';
import {
  currentCycle,
  cyclePins,
  getCycle,
  insertCycle,
  pinSnapshot,
  setCycleTimeZone,
  type CycleRow,
} from '../db/repos/cycles';
import { latestSnapshots } from '../db/repos/snapshots';
import { listSources } from '../db/repos/sources';
import type { ReadDb, WriteDb } from '../db/types';
import { applyReconciliation, checkSnapshotSet } from '../snapshots/reconcile';
import { writeTx } from '../db/writeTx';
import { carryOver } from './decisions';

export const DEFAULT_HORIZON = 26;

export function toSummary(c: CycleRow): ApiOutput<'cycle.list'>[number] {
  return {
    id: c.id,
    name: c.name,
    startPeriod: c.start_period,
    horizonPeriods: c.horizon_periods,
    meetingAt: c.meeting_at,
    timeZone: c.time_zone,
    currency: c.currency,
    status: c.status === 'closed' ? 'closed' : 'open',
  };
}

export async function createCycle(
  db: WriteDb,
  input: {
    name: string;
    meetingAt: string;
    startPeriod?: string;
    timeZone?: string;
    horizon?: number;
    currency?: string;
  },
  by = 'planroom',
): Promise<CycleRow> {
  const latest = latestSnapshots(db);
  if (latest.length === 0) {
    throw new AppError('invalid_input', 'No snapshot has been imported yet, so there is nothing to pin.', {
      hint: 'Import the source exports first: planroom import --source ERP DIR.',
    });
  }
  const meetingAt = new Date(input.meetingAt).toISOString();
  const timeZone = canonicalTimeZone(input.timeZone ?? machineTimeZone());
  const startPeriod = input.startPeriod ?? startWeekOf(meetingAt, timeZone);
  // The checks run before the transaction, off this thread; the cycle, its pins, its agenda and
  // its data issues are then written together.
  const checked = await checkSnapshotSet(db, { meetingAt, startPeriod, snapshotIds: latest.map((s) => s.id) });
  return writeTx(db, 'cycle-create', () => {
    const id = insertCycle(db, {
      name: input.name,
      meetingAt,
      startPeriod,
      horizon: input.horizon ?? DEFAULT_HORIZON,
      currency: input.currency ?? 'EUR',
      timeZone,
    });
    for (const s of latest)
      pinSnapshot(db, { cycleId: id, source: s.source_id, snapshotId: s.id, by, reason: 'cycle created' });
    insertDefaultAgenda(db, id);
    applyReconciliation(db, id, checked);
    // Last cycle's open decisions come along (linked), to be followed up in agenda item 1.
    const previous = getCycle(db, id)!.previous_cycle_id;
    if (previous !== null) carryOver(db, previous, id, by);
    return getCycle(db, id)!;
  });
}

/** The week of the meeting's calendar day in the cycle's time zone (never the machine's). */
const startWeekOf = weekInZone;

/**
 * Changes a cycle's time zone. A start week that was the meeting's week in the old zone follows
 * the meeting into the new one; a start week set by hand stays. When the start week moves, the
 * reconciliation checks that read it (the demand ahead of the start) run again, off this thread,
 * and their issues are applied in the same transaction as the change. The engine recomputes on
 * the next read (the zone is part of its inputs).
 */
export async function setTimeZone(
  db: WriteDb,
  input: { cycleId?: number; timeZone: string; by: string },
): Promise<CycleRow> {
  const cycle = getCycle(db, cycleIdOrCurrent(db, input.cycleId))!;
  const timeZone = canonicalTimeZone(input.timeZone);
  const derived = cycle.start_period === startWeekOf(cycle.meeting_at, cycle.time_zone);
  const startPeriod = derived ? startWeekOf(cycle.meeting_at, timeZone) : cycle.start_period;
  if (timeZone === cycle.time_zone && startPeriod === cycle.start_period) return cycle;
  const snapshotIds = cyclePins(db, cycle.id).map((p) => p.snapshot_id);
  const checked =
    startPeriod === cycle.start_period
      ? undefined
      : await checkSnapshotSet(db, { meetingAt: cycle.meeting_at, startPeriod, snapshotIds });
  writeTx(db, 'cycle-time-zone', () => {
    setCycleTimeZone(db, { id: cycle.id, timeZone, startPeriod, by: input.by });
    if (checked) applyReconciliation(db, cycle.id, checked);
  });
  return getCycle(db, cycle.id)!;
}

export function cycleIdOrCurrent(db: ReadDb, cycleId?: number): number {
  const cycle = cycleId === undefined ? currentCycle(db) : getCycle(db, cycleId);
  if (!cycle) {
    throw new AppError('not_found', cycleId === undefined ? 'No cycle yet.' : `No cycle with id ${cycleId}.`, {
      hint: 'Create a cycle first: planroom cycle create.',
    });
  }
  return cycle.id;
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;

/**
 * A snapshot's extraction time after the meeting, or more than a year before it, is a wrong clock
 * or manifest, or a stale export picked by mistake: the source's figures are then as of a time
 * nobody meant. Said as a warning on the source, not refused: the pin stays the user's choice.
 */
export function extractionWarning(meetingMs: number, extractedAt: string): string | null {
  const days = (meetingMs - Date.parse(extractedAt)) / DAY_MS;
  const d = (x: number) => (x < 1 ? `${Math.round(x * 24)} hours` : `${Math.round(x)} days`);
  if (days < 0) {
    return `Extracted ${d(-days)} after the meeting (${extractedAt}): check the source system's clock or the export's manifest.json.`;
  }
  if (days > YEAR_DAYS) {
    return `Extracted ${d(days)} before the meeting (${extractedAt}), more than a year: an old export, or a wrong clock or manifest.json.`;
  }
  return null;
}

export function cycleOverview(db: ReadDb, cycleId?: number): CycleOverviewT | null {
  const cycle = cycleId === undefined ? currentCycle(db) : getCycle(db, cycleId);
  if (!cycle) {
    if (cycleId !== undefined) throw new AppError('not_found', `No cycle with id ${cycleId}.`);
    return null;
  }
  const meeting = Date.parse(cycle.meeting_at);
  const pins = cyclePins(db, cycle.id);
  const sources = pins.map((p) => {
    const ageHours = Math.round(((meeting - Date.parse(p.extracted_at)) / 3_600_000) * 10) / 10;
    return {
      source: p.source_id,
      ownerRole: p.owner_role,
      snapshotId: p.snapshot_id,
      extractedAt: p.extracted_at,
      importedAt: p.imported_at,
      ageHours,
      freshnessLimitHours: p.freshness_limit_hours,
      stale: ageHours > p.freshness_limit_hours,
      extractionWarning: extractionWarning(meeting, p.extracted_at),
      rowCount: p.row_count,
      rowCounts: JSON.parse(p.row_counts) as Record<string, number>,
    };
  });
  const pinned = new Set(pins.map((p) => p.source_id));
  return {
    cycle: toSummary(cycle),
    sources,
    missingSources: listSources(db)
      .map((s) => s.id)
      .filter((id) => !pinned.has(id)),
    agenda: listAgenda(db, cycle.id).map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      function: a.function,
      ownerRole: a.owner_role,
      minutes: a.minutes,
    })),
    totalRows: sources.reduce((n, s) => n + s.rowCount, 0),
    openDataIssues: countOpenIssues(db, cycle.id),
  };
}
