// How export files write numbers and dates, and the plain parsers for them. These are the
// reference: the importer's compiled coercers (electron/snapshots/coerce.ts) are held equal to
// them by property tests. Dates go through date-fns; a format's digit shape is checked first so
// "2026" never passes for a two-digit day, and Excel day numbers are converted by arithmetic.
import { isValid, parse } from 'date-fns';

export const DATE_FORMATS = [
  'yyyy-MM-dd',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy/MM/dd',
  'yyyyMMdd',
  'dd.MM.yyyy',
  'd.M.yyyy',
  'dd.MM.yy',
  'dd/MM/yyyy',
  'd/M/yyyy',
  'MM/dd/yyyy',
  'M/d/yyyy',
  'dd-MM-yyyy',
  'excel-serial',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Dates outside this range are refused: placeholders like 0000-00-00 or a day number read as a year. */
export const DATE_RANGE = { min: '1990-01-01', max: '2099-12-31' } as const;

export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

const SPACES = '[ \\u00a0\\u202f]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regular expression for one number format: sign, integer part (grouped or not), fraction, exponent. */
export function numberPattern(fmt: NumberFormat, integer: boolean): RegExp {
  const t = fmt.thousands === ' ' ? SPACES : escape(fmt.thousands);
  const intPart = fmt.thousands === '' ? '\\d+' : `(?:\\d{1,3}(?:${t}\\d{3})+|\\d+)`;
  if (integer) return new RegExp(`^([+-]?)(${intPart})$`);
  const d = escape(fmt.decimal);
  return new RegExp(`^([+-]?)(${intPart}(?:${d}\\d*)?|${d}\\d+)((?:[eE][+-]?\\d+)?)$`);
}

/** A number as the format writes it, or undefined. The plain reference for the importer's fast path. */
export function parseNumber(raw: string, fmt: NumberFormat, integer = false): number | undefined {
  const m = numberPattern(fmt, integer).exec(raw.trim());
  if (!m) return undefined;
  let body = m[2]!;
  if (fmt.thousands === ' ') body = body.replace(/[ \u00a0\u202f]/g, '');
  else if (fmt.thousands !== '') body = body.split(fmt.thousands).join('');
  if (fmt.decimal === ',') body = body.replace(',', '.');
  const n = Number(`${m[1]}${body}${m[3] ?? ''}`);
  return Number.isFinite(n) ? n : undefined;
}

/** An example of the format, for error messages: "1.234,5". */
export function numberExample(fmt: NumberFormat, integer: boolean): string {
  const t = fmt.thousands === '' ? '' : fmt.thousands;
  return integer ? `1${t}234` : `1${t}234${fmt.decimal}5`;
}

const TOKEN_SHAPES: Record<string, string> = {
  yyyy: '\\d{4}',
  yy: '\\d{2}',
  MM: '\\d{2}',
  M: '\\d{1,2}',
  dd: '\\d{2}',
  d: '\\d{1,2}',
  HH: '\\d{2}',
  mm: '\\d{2}',
  ss: '\\d{2}',
};
const shapes = new Map<string, RegExp>();
function shapeOf(format: string): RegExp {
  let re = shapes.get(format);
  if (!re) {
    re = new RegExp(
      `^${format.replace(/yyyy|yy|MM|M|dd|d|HH|mm|ss|[^a-zA-Z]/g, (t) => TOKEN_SHAPES[t] ?? escape(t))}$`,
    );
    shapes.set(format, re);
  }
  return re;
}

// A fixed reference date: two-digit years are read relative to it (date-fns: within 50 years).
const REFERENCE = new Date(2026, 0, 1);
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel's day number as YYYY-MM-DD (1900 or 1904 date system); the time of day is dropped. */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  // 2958465 is 9999-12-31, Excel's last day.
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const day = Math.floor(serial);
  // The 1900 system counts a 29 February 1900 that never was: day 60 has no date.
  if (!date1904 && day === 60) return undefined;
  const base = date1904 ? EXCEL_EPOCH_1904 : day < 60 ? EXCEL_EPOCH_1900 + 86_400_000 : EXCEL_EPOCH_1900;
  return new Date(base + day * 86_400_000).toISOString().slice(0, 10);
}

/** One date value in one format, as YYYY-MM-DD, or undefined. */
export function parseDateAs(raw: string, format: DateFormat, date1904 = false): string | undefined {
  const s = raw.trim();
  if (format === 'excel-serial') return /^\d+(\.\d+)?$/.test(s) ? excelSerialToIso(Number(s), date1904) : undefined;
  if (!shapeOf(format).test(s)) return undefined;
  const d = parse(s, format, REFERENCE);
  if (!isValid(d)) return undefined;
  const y = d.getFullYear();
  if (y < 1000 || y > 9999) return undefined;
  return `${y}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The first format that reads the value, as YYYY-MM-DD; undefined when none does. */
export function parseDate(raw: string, formats: readonly DateFormat[], date1904 = false): string | undefined {
  for (const f of formats) {
    const iso = parseDateAs(raw, f, date1904);
    if (iso !== undefined) return iso;
  }
  return undefined;
}

export const inDateRange = (iso: string): boolean => iso >= DATE_RANGE.min && iso <= DATE_RANGE.max;

/** Day-first and month-first formats together would read 03/04/2026 two ways: say so. */
export function ambiguousDateFormats(formats: readonly DateFormat[]): string | undefined {
  const order = (f: DateFormat) => {
    const d = f.search(/d/);
    const m = f.search(/M/);
    return d < 0 || m < 0 || f.startsWith('y') ? undefined : d < m ? 'day-first' : 'month-first';
  };
  const bySeparator = new Map<string, Set<string>>();
  for (const f of formats) {
    const o = order(f);
    if (!o) continue;
    const sep = f.replace(/[a-zA-Z]/g, '')[0] ?? '';
    const set = bySeparator.get(sep) ?? new Set<string>();
    set.add(o);
    bySeparator.set(sep, set);
  }
  for (const [sep, set] of bySeparator) {
    if (set.size > 1) {
      return `day-first and month-first formats with "${sep}" together would read 03${sep}04${sep}2026 two ways: keep one`;
    }
  }
  return undefined;
}
