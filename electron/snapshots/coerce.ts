// Turns one raw cell into the canonical column's value, or says precisely why it cannot.
// coerce() is the plain reference and explains failures; compileCoercer() is the fast path the
// importer runs per cell (regular expressions built once, each distinct date or week checked
// once). A property test holds the two equal for every value format.
import type { CanonicalColumn } from '../../shared/domain/canonical';
import {
  DATE_RANGE,
  inDateRange,
  numberExample,
  numberPattern,
  parseDate,
  parseNumber,
  type NumberFormat,
} from '../../shared/domain/formats';
import { isPeriod } from '../../shared/domain/period';
import type { ValueFormat } from '../../shared/domain/profile';

export type Cell = string | number | null;
export type Coerced = { ok: true; value: Cell } | { ok: false; expected: string };

/** How the file at hand writes values: its profile format, and the workbook's date system. */
export interface CellFormat extends ValueFormat {
  /** Excel's 1904 date system (old Mac workbooks) for day numbers. */
  date1904?: boolean;
}

export const PLAIN_FORMAT: CellFormat = { decimal: '.', thousands: '', dateFormats: ['yyyy-MM-dd'] };

const TRUE = new Set(['y', 'yes', 'true', '1', 'x']);
const FALSE = new Set(['n', 'no', 'false', '0', '']);
const PERIOD_YEARS = { min: Number(DATE_RANGE.min.slice(0, 4)), max: Number(DATE_RANGE.max.slice(0, 4)) };

export function coerce(col: CanonicalColumn, raw: string, fmt: CellFormat = PLAIN_FORMAT): Coerced {
  const s = raw.trim();
  if (s === '' && col.type !== 'bool') {
    return col.optional ? { ok: true, value: null } : { ok: false, expected: `a value (${describe(col)})` };
  }
  switch (col.type) {
    case 'text':
      if (col.oneOf && !col.oneOf.includes(s)) return { ok: false, expected: `one of ${col.oneOf.join(', ')}` };
      return { ok: true, value: s };
    case 'int':
    case 'real': {
      const integer = col.type === 'int';
      const n = parseNumber(s, fmt, integer);
      if (n === undefined) {
        return {
          ok: false,
          expected: `${integer ? 'a whole number' : 'a number'} like ${numberExample(fmt, integer)}`,
        };
      }
      if (col.min !== undefined && n < col.min) return { ok: false, expected: `a number >= ${col.min}` };
      return { ok: true, value: n };
    }
    case 'bool': {
      const l = s.toLowerCase();
      if (TRUE.has(l)) return { ok: true, value: 1 };
      if (FALSE.has(l)) return { ok: true, value: 0 };
      return { ok: false, expected: 'Y or N' };
    }
    case 'date': {
      const iso = parseDate(s, fmt.dateFormats, fmt.date1904);
      if (iso === undefined) return { ok: false, expected: `a date as ${fmt.dateFormats.join(' or ')}` };
      if (!inDateRange(iso)) return { ok: false, expected: `a date between ${DATE_RANGE.min} and ${DATE_RANGE.max}` };
      return { ok: true, value: iso };
    }
    case 'period': {
      if (!isPeriod(s)) return { ok: false, expected: 'an ISO week as YYYY-Www' };
      const year = Number(s.slice(0, 4));
      if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) {
        return { ok: false, expected: `a week between ${PERIOD_YEARS.min} and ${PERIOD_YEARS.max}` };
      }
      return { ok: true, value: s };
    }
  }
}

function describe(col: CanonicalColumn): string {
  return col.type === 'period' ? 'ISO week' : col.type;
}

/** Returned by a compiled coercer for a value it refuses; coerce() then says why. */
export const INVALID: unique symbol = Symbol('invalid');
export type Coercer = (raw: string) => Cell | typeof INVALID;

export function compileCoercer(col: CanonicalColumn, fmt: CellFormat = PLAIN_FORMAT): Coercer {
  const min = col.min ?? -Infinity;
  const empty = col.optional ? null : INVALID;
  switch (col.type) {
    case 'text': {
      const allowed = col.oneOf ? new Set(col.oneOf) : undefined;
      return (raw) => {
        const s = raw.trim();
        if (s === '') return empty;
        return allowed && !allowed.has(s) ? INVALID : s;
      };
    }
    case 'int':
    case 'real': {
      const toNumber = compileNumber(fmt, col.type === 'int');
      return (raw) => {
        const s = raw.trim();
        if (s === '') return empty;
        const n = toNumber(s);
        return n !== undefined && n >= min ? n : INVALID;
      };
    }
    case 'bool':
      return (raw) => {
        const l = raw.trim().toLowerCase();
        return TRUE.has(l) ? 1 : FALSE.has(l) ? 0 : INVALID;
      };
    case 'date':
    case 'period': {
      // Exports repeat the same few hundred dates and weeks: read each distinct one once.
      const seen = new Map<string, Cell | typeof INVALID>();
      return (raw) => {
        const s = raw.trim();
        if (s === '') return empty;
        let v = seen.get(s);
        if (v === undefined) {
          const r = coerce(col, s, fmt);
          v = r.ok ? r.value : INVALID;
          if (seen.size < 100_000) seen.set(s, v);
        }
        return v;
      };
    }
  }
}

/** A number reader for one format, its pattern built once; plain "1234.5" skips the rewriting. */
function compileNumber(fmt: NumberFormat, integer: boolean): (s: string) => number | undefined {
  const re = numberPattern(fmt, integer);
  const plain = fmt.decimal === '.' && fmt.thousands === '';
  const group = fmt.thousands === ' ' ? /[ \u00a0\u202f]/g : fmt.thousands === '' ? undefined : fmt.thousands;
  return (s) => {
    if (!re.test(s)) return undefined;
    let body = s;
    if (!plain) {
      if (group !== undefined) body = typeof group === 'string' ? body.replaceAll(group, '') : body.replace(group, '');
      if (fmt.decimal === ',') body = body.replace(',', '.');
    }
    const n = Number(body);
    return Number.isFinite(n) ? n : undefined;
  };
}
