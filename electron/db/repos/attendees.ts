// A cycle's attendance list: who is expected, who is in the room. A new cycle starts from the
// previous cycle's names, nobody marked present yet.
import type { ReadDb, WriteDb } from '../types';

export interface AttendeeRow {
  name: string;
  role: string;
  email: string | null;
  present: number;
}

export function listAttendees(db: ReadDb, cycleId: number): AttendeeRow[] {
  return db
    .prepare(
      'SELECT name, role, email, present FROM cycle_attendees WHERE cycle_id = ? ORDER BY name COLLATE NOCASE, name',
    )
    .all(cycleId) as AttendeeRow[];
}

export function saveAttendee(
  db: WriteDb,
  cycleId: number,
  a: { name: string; role?: string; email?: string | null; present?: boolean },
  at: string,
): void {
  db.prepare(
    `INSERT INTO cycle_attendees (cycle_id, name, role, email, present, added_at) VALUES (@cycleId, @name, @role, @email, @present, @at)
     ON CONFLICT (cycle_id, name) DO UPDATE SET
       role = coalesce(@roleSet, role), email = CASE WHEN @emailSet THEN @email ELSE email END,
       present = coalesce(@presentSet, present)`,
  ).run({
    cycleId,
    name: a.name,
    role: a.role ?? '',
    roleSet: a.role ?? null,
    email: a.email ?? null,
    emailSet: a.email === undefined ? 0 : 1,
    present: a.present ? 1 : 0,
    presentSet: a.present === undefined ? null : a.present ? 1 : 0,
    at,
  });
}

export function removeAttendee(db: WriteDb, cycleId: number, name: string): number {
  return db.prepare('DELETE FROM cycle_attendees WHERE cycle_id = ? AND name = ?').run(cycleId, name).changes;
}

/** The previous cycle's names into a new cycle, nobody present yet. */
export function copyAttendees(db: WriteDb, fromCycle: number, toCycle: number, at: string): void {
  db.prepare(
    `INSERT INTO cycle_attendees (cycle_id, name, role, email, present, added_at)
     SELECT ?, name, role, email, 0, ? FROM cycle_attendees WHERE cycle_id = ?`,
  ).run(toCycle, at, fromCycle);
}
