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

export const fmtTable = (name: string): string => name.replaceAll('_', ' ');

const decimalFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
/** A number as it came, up to three decimals. */
export const fmtNum = (n: number): string => decimalFormat.format(n);
