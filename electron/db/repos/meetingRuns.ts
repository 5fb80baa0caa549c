// The meeting run of a cycle (migration 0008): the run row and the visits (spans) of each item.
import type { ReadDb, WriteDb } from '../types';

export interface RunRow {
  cycle_id: number;
  started_at: string;
  started_by: string;
  current_item_id: number | null;
  ended_at: string | null;
  ended_by: string | null;
}

export interface SpanRow {
  id: number;
  agenda_item_id: number;
  started_at: string;
  ended_at: string | null;
}

export const getRun = (db: ReadDb, cycleId: number): RunRow | undefined =>
  db.prepare('SELECT * FROM meeting_runs WHERE cycle_id = ?').get(cycleId) as RunRow | undefined;

export const listSpans = (db: ReadDb, cycleId: number): SpanRow[] =>
  db
    .prepare('SELECT id, agenda_item_id, started_at, ended_at FROM meeting_spans WHERE cycle_id = ? ORDER BY id')
    .all(cycleId) as SpanRow[];

export function insertRun(db: WriteDb, cycleId: number, itemId: number, by: string, at: string): void {
  db.prepare('INSERT INTO meeting_runs (cycle_id, started_at, started_by, current_item_id) VALUES (?, ?, ?, ?)').run(
    cycleId,
    at,
    by,
    itemId,
  );
  openSpan(db, cycleId, itemId, at);
}

export function openSpan(db: WriteDb, cycleId: number, itemId: number, at: string): void {
  db.prepare('INSERT INTO meeting_spans (cycle_id, agenda_item_id, started_at) VALUES (?, ?, ?)').run(
    cycleId,
    itemId,
    at,
  );
  db.prepare('UPDATE meeting_runs SET current_item_id = ? WHERE cycle_id = ?').run(itemId, cycleId);
}

/**
 * Closes the open visit of the item and records its actual minutes: the sum of its closed
 * visits, to the hundredth of a minute (the minutes export reads agenda_items.actual_minutes).
 */
export function closeSpan(db: WriteDb, cycleId: number, itemId: number, at: string): void {
  db.prepare(
    'UPDATE meeting_spans SET ended_at = ? WHERE cycle_id = ? AND agenda_item_id = ? AND ended_at IS NULL',
  ).run(at, cycleId, itemId);
  const spans = db
    .prepare('SELECT started_at, ended_at FROM meeting_spans WHERE agenda_item_id = ? AND ended_at IS NOT NULL')
    .all(itemId) as { started_at: string; ended_at: string }[];
  const ms = spans.reduce((n, s) => n + Math.max(0, Date.parse(s.ended_at) - Date.parse(s.started_at)), 0);
  db.prepare('UPDATE agenda_items SET actual_minutes = ? WHERE id = ?').run(Math.round(ms / 600) / 100, itemId);
}

export function endRun(db: WriteDb, cycleId: number, by: string, at: string): void {
  db.prepare('UPDATE meeting_runs SET ended_at = ?, ended_by = ?, current_item_id = NULL WHERE cycle_id = ?').run(
    at,
    by,
    cycleId,
  );
}
