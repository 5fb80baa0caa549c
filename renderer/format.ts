// Display formatting for the renderer: dates, ages and table names. Numbers read through the one
// number format (shared/domain/numberFormat.ts) with the style of useNumberStyle.
import { formatCount, formatDecimal, PLAIN_STYLE, type NumberStyle } from '../shared/domain/numberFormat';

/** A whole count with thousands separators. */
export const fmtInt = (n: number, style: NumberStyle = PLAIN_STYLE): string => formatCount(n, style);

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

/** A number as it came, up to three decimals. */
export const fmtNum = (n: number, style: NumberStyle = PLAIN_STYLE): string => formatDecimal(n, style);
