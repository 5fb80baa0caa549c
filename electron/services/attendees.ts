// The cycle's attendance list: the owner suggestions of the decision log and the minutes' first
// part.
import type { ApiInput, ApiOutput } from '../../shared/api';
import { AppError, cutInput } from '../../shared/domain/errors';
import { listAttendees, removeAttendee, saveAttendee } from '../db/repos/attendees';
import { nowIso, type ReadDb, type WriteDb } from '../db/types';
import { writeTx } from '../db/writeTx';
import { cycleIdOrCurrent } from './cycles';

type Attendees = ApiOutput<'attendee.list'>;

export const attendeeList = (db: ReadDb, input: ApiInput<'attendee.list'>): Attendees =>
  listAttendees(db, cycleIdOrCurrent(db, input.cycleId)).map((a) => ({
    name: a.name,
    role: a.role,
    email: a.email,
    present: a.present === 1,
  }));

export function attendeeSave(db: WriteDb, input: ApiInput<'attendee.save'>): Attendees {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  writeTx(db, 'attendance', () => saveAttendee(db, cycleId, input, nowIso()));
  return attendeeList(db, { cycleId });
}

export function attendeeRemove(db: WriteDb, input: ApiInput<'attendee.remove'>): Attendees {
  const cycleId = cycleIdOrCurrent(db, input.cycleId);
  const removed = writeTx(db, 'attendance', () => removeAttendee(db, cycleId, input.name));
  if (removed === 0)
    throw new AppError('not_found', `"${cutInput(input.name, 80)}" is not on the attendance list.`, {
      hint: 'List the attendees first.',
    });
  return attendeeList(db, { cycleId });
}
