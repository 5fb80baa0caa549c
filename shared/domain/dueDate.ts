// Due dates as people type them in the room: a date (2026-12-04, 4 dec, dec 4, 4.12.2026), a day
// (today, tomorrow, fri, friday), an offset (+3d, +2w, +1m, 2 weeks), or a period end (end of
// week, end of month, end of quarter, eow, eom, eoq). Read against "today" in the cycle's time
// zone, so `fri` is the same Friday on every machine. The same parser runs in the form (to show
// what was understood while typing) and in the service (which stores the ISO date).
import {
  addDays,
  addMonths,
  addWeeks,
  endOfMonth,
  endOfQuarter,
  format,
  isValid,
  nextDay,
  parse,
  parseISO,
  type Day,
} from 'date-fns';

const DAYS: Record<string, Day> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const UNITS: Record<string, (d: Date, n: number) => Date> = {
  d: addDays,
  day: addDays,
  days: addDays,
  w: addWeeks,
  wk: addWeeks,
  week: addWeeks,
  weeks: addWeeks,
  m: addMonths,
  mo: addMonths,
  month: addMonths,
  months: addMonths,
};
// Day-month forms with an optional year; the first that reads the text wins.
const FORMATS = ['d MMM yyyy', 'd MMM', 'MMM d yyyy', 'MMM d', 'd MMMM yyyy', 'd MMMM', 'MMMM d', 'd.M.yyyy', 'd.M.'];

export const DUE_HINT = 'a date (2026-12-04, 4 dec), a day (today, fri), +3d, +2w, +1m, or end of week/month/quarter';

const iso = (d: Date): string => format(d, 'yyyy-MM-dd');

/**
 * The ISO date `text` means, `today` being the cycle's calendar day (YYYY-MM-DD); null when it
 * reads as no date.
 */
export function parseDue(text: string, today: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '');
  const base = parseISO(today);
  if (t === '' || !isValid(base)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = parseISO(t);
    return isValid(d) && iso(d) === t ? t : null;
  }
  if (t === 'today') return iso(base);
  if (t === 'tomorrow' || t === 'tmr') return iso(addDays(base, 1));
  if (t === 'eow' || t === 'end of week') return iso(nextDay(addDays(base, -1), 5));
  if (t === 'eom' || t === 'end of month') return iso(endOfMonth(base));
  if (t === 'eoq' || t === 'end of quarter') return iso(endOfQuarter(base));
  if (t === 'next week') return iso(nextDay(base, 1));
  const day = /^(?:next )?([a-z]{3})[a-z]*$/.exec(t);
  if (day && DAYS[day[1]!] !== undefined && isDayName(t.replace(/^next /, ''))) {
    // The coming one, never today: "fri" said on a Friday is next week's.
    return iso(nextDay(base, DAYS[day[1]!]!));
  }
  const offset = /^(?:in )?\+?(\d{1,3}) ?([a-z]+)$/.exec(t);
  if (offset && UNITS[offset[2]!]) return iso(UNITS[offset[2]!]!(base, Number(offset[1])));
  for (const f of FORMATS) {
    const d = parse(t, f, base);
    if (isValid(d)) {
      // A day and month without a year is the next such day from today.
      const dated = f.includes('yyyy') || d >= base ? d : parse(`${t} ${base.getFullYear() + 1}`, `${f} yyyy`, base);
      if (isValid(dated)) return iso(dated);
    }
  }
  return null;
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** "fri", "frid", "friday": a prefix of a day's name, at least three letters. */
const isDayName = (t: string): boolean => t.length >= 3 && DAY_NAMES.some((n) => n.startsWith(t));

/** "Fri 4 Dec 2026": how the form confirms what it understood. */
export function describeDue(isoDate: string): string {
  return format(parseISO(isoDate), 'EEE d MMM yyyy');
}
