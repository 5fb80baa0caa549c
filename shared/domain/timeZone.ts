// A cycle's own time zone (an IANA name such as "Europe/Berlin"): every calendar date derived
// from an instant (the meeting, a source's extraction) is read in it, never in the machine's
// zone. Intl does the zone arithmetic (it carries the tz database), so no offsets are written here.
import { periodOfDate, type Period } from './period';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an IANA name, or UTC). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling ("europe/berlin" is "Europe/Berlin"). */
export function canonicalTimeZone(timeZone: string): string {
  return formatter(timeZone).resolvedOptions().timeZone;
}

/** The time zone this machine runs in, the default of a new cycle. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The calendar date ("YYYY-MM-DD") of an instant in a time zone. */
export function dateInZone(instant: string | Date, timeZone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = formatter(timeZone).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The ISO week of an instant's calendar day in a time zone: a cycle's start week from its meeting. */
export function weekInZone(instant: string | Date, timeZone: string): Period {
  return periodOfDate(dateInZone(instant, timeZone));
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes a zone is ahead of UTC at an instant (Europe/Berlin in winter: 60). */
function offsetMinutes(ms: number, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, f);
  }
  const part = (type: string) => Number(f.formatToParts(new Date(ms)).find((p) => p.type === type)!.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant (ISO, UTC) a wall-clock time such as "2026-12-07T09:00" is in a zone: a meeting
 * typed in the cycle's zone, whatever zone the browser runs in. Undefined for text that is not a
 * date and time. In the hour a clock skips the time after the jump is taken; in the hour it
 * repeats, the second time it shows.
 */
export function instantInZone(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  // The offset at the first guess, then at the instant it gives: right across a change of offset.
  const guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  const instant = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as the wall clock of a time zone reads it: "2026-12-07 00:30 Europe/Berlin". */
export function wallClockInZone(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${timeZone}`;
}
