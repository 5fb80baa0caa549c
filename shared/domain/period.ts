// Planning periods. Periods are ISO weeks ("2026-W49") by default, as DOMAIN.md says;
// date arithmetic goes through date-fns rather than hand-written calendar code.
import {
  addWeeks,
  differenceInCalendarISOWeeks,
  formatISO,
  getISOWeek,
  getISOWeekYear,
  parseISO,
  setISOWeek,
  setISOWeekYear,
  startOfISOWeek,
} from 'date-fns';

export type Period = string;

const PERIOD_RE = /^(\d{4})-W(\d{2})$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as "YYYY-MM-DD", in UTC-free calendar terms. */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = parseISO(value);
  return !Number.isNaN(d.getTime()) && formatISO(d, { representation: 'date' }) === value;
}

export function isPeriod(value: string): boolean {
  const m = PERIOD_RE.exec(value);
  if (!m) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInIsoYear(Number(m[1]));
}

function weeksInIsoYear(year: number): number {
  // 28 December always lies in the last ISO week of its year.
  return getISOWeek(new Date(year, 11, 28));
}

export function periodOfDate(date: string | Date): Period {
  const d = typeof date === 'string' ? parseISO(date) : date;
  const week = String(getISOWeek(d)).padStart(2, '0');
  return `${getISOWeekYear(d)}-W${week}`;
}

/** Monday of the period, as "YYYY-MM-DD". */
export function periodStart(period: Period): string {
  const m = PERIOD_RE.exec(period);
  if (!m || !isPeriod(period)) throw new Error(`not an ISO week period: ${period}`);
  const d = startOfISOWeek(setISOWeek(setISOWeekYear(new Date(2000, 0, 4), Number(m[1])), Number(m[2])));
  return formatISO(d, { representation: 'date' });
}

export function addPeriods(period: Period, n: number): Period {
  return periodOfDate(addWeeks(parseISO(periodStart(period)), n));
}

/** Number of whole periods from a to b (negative when b is earlier). */
export function periodsBetween(a: Period, b: Period): number {
  return differenceInCalendarISOWeeks(parseISO(periodStart(b)), parseISO(periodStart(a)));
}

/** The n periods starting at `first`. */
export function periodRange(first: Period, n: number): Period[] {
  const out: Period[] = [];
  for (let i = 0; i < n; i++) out.push(addPeriods(first, i));
  return out;
}

export function addDays(date: string, days: number): string {
  const d = parseISO(date);
  d.setDate(d.getDate() + days);
  return formatISO(d, { representation: 'date' });
}
