// Pull schedules (issue 18 item 5): five-field cron expressions read by croner, in the current
// cycle's time zone (the meeting's own clock), so "0 6 * * 1-5" is 06:00 where the team meets.
import { Cron } from 'croner';
import { AppError, cutInput } from '../../shared/domain/errors';
import { currentCycle } from '../db/repos/cycles';
import type { ReadDb } from '../db/types';

/** The time zone schedules run in: the current cycle's, else UTC. */
export const scheduleTimeZone = (db: ReadDb): string => currentCycle(db)?.time_zone ?? 'UTC';

/** Refuses an expression croner cannot read, or one with seconds or years (five fields only). */
export function checkSchedule(expr: string | null): void {
  if (expr === null) return;
  const fields = expr.trim().split(/\s+/);
  const problem =
    fields.length !== 5
      ? `it has ${fields.length} fields`
      : (() => {
          try {
            new Cron(expr, { paused: true });
            return null;
          } catch (e) {
            return e instanceof Error ? e.message : String(e);
          }
        })();
  if (problem !== null) {
    throw new AppError(
      'invalid_input',
      `The schedule "${cutInput(expr, 100)}" is not a five-field cron expression: ${cutInput(problem, 200)}.`,
      {
        where: { field: 'schedule', value: cutInput(expr, 100) },
        hint: 'Write minute hour day-of-month month day-of-week, for example "0 6 * * 1-5" for 06:00 on weekdays, or leave it empty to pull on demand only.',
      },
    );
  }
}

/** When `expr` fires next after `from`, in `timeZone`; null when it never does. */
export function nextRunOf(expr: string, timeZone: string, from: Date): Date | null {
  return new Cron(expr, { paused: true, timezone: timeZone }).nextRun(from);
}
