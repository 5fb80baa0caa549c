// Meeting cycles and their pinned snapshot sets. A pin change is explicit and logged.
import { AppError } from '../../../shared/domain/errors';
import type { ReadDb, WriteDb } from '../types';
import { nowIso } from '../types';

export interface CycleRow {
  id: number;
  name: string;
  period_kind: string;
  start_period: string;
  horizon_periods: number;
  meeting_at: string;
  currency: string;
  status: string;
  previous_cycle_id: number | null;
  created_at: string;
  /** IANA time zone every date derived from the meeting is read in (migration 0006). */
  time_zone: string;
}

export interface PinRow {
  source_id: string;
  snapshot_id: number;
  pinned_at: string;
  extracted_at: string;
  imported_at: string;
  row_count: number;
  row_counts: string;
  owner_role: string;
  freshness_limit_hours: number;
}

const CYCLE_COLUMNS =
  'id, name, period_kind, start_period, horizon_periods, meeting_at, currency, status, previous_cycle_id, created_at, time_zone';

export function insertCycle(
  db: WriteDb,
  c: { name: string; startPeriod: string; horizon: number; meetingAt: string; currency: string; timeZone: string },
): number {
  const previous = currentCycle(db);
  try {
    const info = db
      .prepare(
        `INSERT INTO cycles (name, start_period, horizon_periods, meeting_at, currency, previous_cycle_id, created_at, time_zone)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.name, c.startPeriod, c.horizon, c.meetingAt, c.currency, previous?.id ?? null, nowIso(), c.timeZone);
    return Number(info.lastInsertRowid);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('conflict', `A cycle named "${c.name}" already exists.`, {
        where: { field: 'name', value: c.name },
        hint: 'Choose another name.',
      });
    }
    throw e;
  }
}

/** A cycle's time zone and the start week that goes with it, logged with who changed them. */
export function setCycleTimeZone(
  db: WriteDb,
  c: { id: number; timeZone: string; startPeriod: string; by: string },
): void {
  const old = getCycle(db, c.id)!;
  db.prepare('UPDATE cycles SET time_zone = ?, start_period = ? WHERE id = ?').run(c.timeZone, c.startPeriod, c.id);
  db.prepare(
    `INSERT INTO cycle_time_zone_log (cycle_id, old_time_zone, new_time_zone, old_start, new_start, changed_by, changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, old.time_zone, c.timeZone, old.start_period, c.startPeriod, c.by, nowIso());
}

export function pinSnapshot(
  db: WriteDb,
  p: { cycleId: number; source: string; snapshotId: number; by: string; reason?: string },
): boolean {
  const old = db
    .prepare('SELECT snapshot_id FROM cycle_snapshots WHERE cycle_id = ? AND source_id = ?')
    .get(p.cycleId, p.source) as { snapshot_id: number } | undefined;
  if (old?.snapshot_id === p.snapshotId) return false;
  const at = nowIso();
  db.prepare(
    `INSERT INTO cycle_snapshots (cycle_id, source_id, snapshot_id, pinned_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cycle_id, source_id) DO UPDATE SET snapshot_id = excluded.snapshot_id, pinned_at = excluded.pinned_at`,
  ).run(p.cycleId, p.source, p.snapshotId, at);
  db.prepare(
    `INSERT INTO cycle_pin_log (cycle_id, source_id, old_snapshot_id, new_snapshot_id, pinned_by, reason, pinned_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.cycleId, p.source, old?.snapshot_id ?? null, p.snapshotId, p.by, p.reason ?? null, at);
  return true;
}

/** The open cycle with the latest meeting, else the latest cycle. */
export function currentCycle(db: ReadDb): CycleRow | undefined {
  return db
    .prepare(`SELECT ${CYCLE_COLUMNS} FROM cycles ORDER BY status = 'open' DESC, meeting_at DESC, id DESC LIMIT 1`)
    .get() as CycleRow | undefined;
}

export function getCycle(db: ReadDb, id: number): CycleRow | undefined {
  return db.prepare(`SELECT ${CYCLE_COLUMNS} FROM cycles WHERE id = ?`).get(id) as CycleRow | undefined;
}

export function listCycles(db: ReadDb): CycleRow[] {
  return db.prepare(`SELECT ${CYCLE_COLUMNS} FROM cycles ORDER BY meeting_at DESC, id DESC`).all() as CycleRow[];
}

export function cyclePins(db: ReadDb, cycleId: number): PinRow[] {
  return db
    .prepare(
      `SELECT cs.source_id, cs.snapshot_id, cs.pinned_at, s.extracted_at, s.imported_at, s.row_count, s.row_counts,
              src.owner_role, src.freshness_limit_hours
       FROM cycle_snapshots cs
       JOIN snapshots s ON s.id = cs.snapshot_id
       JOIN sources src ON src.id = cs.source_id
       WHERE cs.cycle_id = ?
       ORDER BY CASE cs.source_id WHEN 'ERP' THEN 1 WHEN 'TMS' THEN 2 WHEN 'WMS' THEN 3 WHEN 'CRM' THEN 4 ELSE 5 END, cs.source_id`,
    )
    .all(cycleId) as PinRow[];
}

export interface PinLogRow {
  id: number;
  source_id: string;
  old_snapshot_id: number | null;
  new_snapshot_id: number;
  pinned_by: string;
  reason: string | null;
  pinned_at: string;
}

export function pinLog(db: ReadDb, cycleId: number): PinLogRow[] {
  return db
    .prepare(
      `SELECT id, source_id, old_snapshot_id, new_snapshot_id, pinned_by, reason, pinned_at
       FROM cycle_pin_log WHERE cycle_id = ? ORDER BY id DESC`,
    )
    .all(cycleId) as PinLogRow[];
}
