// PostgreSQL values, received as the server's text output (DateStyle ISO, TimeZone UTC, shortest
// exact floats: the session is set so in pgTable.ts), written as pulled cells in the one format
// every pull reader writes (tableReader.ts PULL_FORMAT). Pure: no connection, no I/O.
import type { CellKind } from './pgTypes';

/** A value that has no pulled cell: what was expected instead. */
export interface CellRefusal {
  expected: string;
}

/** Turns one column's text into its cell; null (SQL NULL) is ''. */
export type CellReader = (text: string | null) => string | CellRefusal;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.\d+)?$/;
const TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?([+-]\d{2})(?::?(\d{2}))?$/;
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const INTEGER = /^-?\d+$/;

const FINITE = { expected: 'a finite number (NaN and Infinity are not quantities)' };
const CALENDAR_DATE = { expected: 'a date from year 0001 to 9999 (not infinity, not BC)' };
const CALENDAR_TIME = { expected: 'a date-time from year 0001 to 9999 (not infinity, not BC)' };

/** numeric: its digits as written, without trailing zeros ("12.50" -> "12.5", "-0.0" -> "0"). */
export function numericCell(text: string): string | CellRefusal {
  // The common case first: a whole number as the server writes it needs no rewriting.
  if (INTEGER.test(text)) return text === '-0' ? '0' : text;
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return FINITE;
  const [, sign, whole, fraction = ''] = m;
  const digits = fraction.replace(/0+$/, '');
  const body = digits ? `${whole}.${digits}` : whole!;
  return /^0(\.0*)?$/.test(body) ? '0' : `${sign}${body}`;
}

/** real, double precision: as JSON writes the number ("1e+20" -> "100000000000000000000"). */
export function floatCell(text: string): string | CellRefusal {
  const n = Number(text);
  // Number("") is 0 and Number("Infinity") is Infinity: neither is a value here.
  return text.trim() !== '' && Number.isFinite(n) ? JSON.stringify(n) : FINITE;
}

/** timestamptz as yyyy-MM-dd HH:mm:ss in UTC, fraction dropped (the session writes +00). */
export function timestamptzCell(text: string): string | CellRefusal {
  const m = TIMESTAMPTZ.exec(text);
  if (!m) return CALENDAR_TIME;
  const [, day, time, hours, minutes = '00'] = m;
  if (hours === '+00' && minutes === '00') return `${day} ${time}`;
  // Another offset (a server that ignored SET TimeZone): moved to UTC.
  const at = new Date(`${day}T${time}${hours}:${minutes}`);
  if (Number.isNaN(at.getTime())) return CALENDAR_TIME;
  const utc = at.toISOString();
  return /^\d{4}-/.test(utc) ? `${utc.slice(0, 10)} ${utc.slice(11, 19)}` : CALENDAR_TIME;
}

const READERS: Record<CellKind, (text: string) => string | CellRefusal> = {
  // The server writes integers one way only: nothing to check or rewrite.
  int: (t) => t,
  numeric: numericCell,
  float: floatCell,
  text: (t) => t,
  // ISO output is yyyy-MM-dd, or infinity, BC or a five-digit year: all longer or shorter.
  date: (t) => (t.length === 10 && DATE.test(t) ? t : CALENDAR_DATE),
  timestamp: (t) => TIMESTAMP.exec(t)?.[1] ?? CALENDAR_TIME,
  timestamptz: timestamptzCell,
  bool: (t) => (t === 't' ? 'true' : t === 'f' ? 'false' : { expected: 'true or false' }),
};

/** The reader for a column of this kind. */
export function cellReader(kind: CellKind): CellReader {
  if (kind === 'text' || kind === 'int') return (text) => text ?? '';
  const read = READERS[kind];
  return (text) => (text === null ? '' : read(text));
}

/** Whether a reader's answer is a refusal. */
export const isRefusal = (cell: string | CellRefusal): cell is CellRefusal => typeof cell !== 'string';
