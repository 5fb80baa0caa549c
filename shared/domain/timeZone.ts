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
