// Display formatting for the renderer: one place for numbers, dates and ages.
const numberFormat = new Intl.NumberFormat('en');

export const fmtInt = (n: number): string => numberFormat.format(Math.round(n));

export function fmtAge(hours: number): string {
  if (hours < 0) return 'after the meeting';
  if (hours < 48) return `${hours.toFixed(hours < 10 ? 1 : 0)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

export function fmtDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** An instant as the wall clock of a time zone reads it: "2026-12-07 00:30 Europe/Berlin". */
export function fmtInZone(iso: string, timeZone: string): string {
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

export const fmtTable = (name: string): string => name.replaceAll('_', ' ');

const decimalFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
/** A number as it came, up to three decimals. */
export const fmtNum = (n: number): string => decimalFormat.format(n);
