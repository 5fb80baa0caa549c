// Turns one raw cell into the canonical column's value, or says precisely why it cannot.
// coerce() is the plain reference and explains failures; compileCoercer() is the fast path the
// importer runs per cell (no allocation per cell, cached date/period checks). A property test
// holds the two equal.
import type { CanonicalColumn } from '../../shared/domain/canonical';
import { isIsoDate, isPeriod } from '../../shared/domain/period';

export type Cell = string | number | null;
export type Coerced = { ok: true; value: Cell } | { ok: false; expected: string };

const INT_RE = /^[+-]?\d+$/;
// Plain decimal notation only: Number() alone would also take "0x10", "0b1" or "Infinity".
const REAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['y', 'yes', 'true', '1', 'x']);
const FALSE = new Set(['n', 'no', 'false', '0', '']);

export function coerce(col: CanonicalColumn, raw: string): Coerced {
  const s = raw.trim();
  if (s === '' && col.type !== 'bool') {
    return col.optional ? { ok: true, value: null } : { ok: false, expected: `a value (${describe(col)})` };
  }
  switch (col.type) {
    case 'text':
      if (col.oneOf && !col.oneOf.includes(s)) return { ok: false, expected: `one of ${col.oneOf.join(', ')}` };
      return { ok: true, value: s };
    case 'int': {
      if (!INT_RE.test(s)) return { ok: false, expected: 'a whole number' };
      return checkMin(col, Number(s));
    }
    case 'real': {
      const n = REAL_RE.test(s) ? Number(s) : NaN;
      if (!Number.isFinite(n)) return { ok: false, expected: 'a number' };
      return checkMin(col, n);
    }
    case 'bool': {
      const l = s.toLowerCase();
      if (TRUE.has(l)) return { ok: true, value: 1 };
      if (FALSE.has(l)) return { ok: true, value: 0 };
      return { ok: false, expected: 'Y or N' };
    }
    case 'date':
      return isIsoDate(s) ? { ok: true, value: s } : { ok: false, expected: 'a date as YYYY-MM-DD' };
    case 'period':
      return isPeriod(s) ? { ok: true, value: s } : { ok: false, expected: 'an ISO week as YYYY-Www' };
  }
}

function checkMin(col: CanonicalColumn, n: number): Coerced {
  if (col.min !== undefined && n < col.min) return { ok: false, expected: `a number >= ${col.min}` };
  return { ok: true, value: n };
}

function describe(col: CanonicalColumn): string {
  return col.type === 'period' ? 'ISO week' : col.type;
}

/** Returned by a compiled coercer for a value it refuses; coerce() then says why. */
export const INVALID: unique symbol = Symbol('invalid');
export type Coercer = (raw: string) => Cell | typeof INVALID;

export function compileCoercer(col: CanonicalColumn): Coercer {
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
      const re = col.type === 'int' ? INT_RE : REAL_RE;
      return (raw) => {
        const s = raw.trim();
        if (s === '') return empty;
        if (!re.test(s)) return INVALID;
        const n = Number(s);
        return Number.isFinite(n) && n >= min ? n : INVALID;
      };
    }
    case 'bool':
      return (raw) => {
        const l = raw.trim().toLowerCase();
        return TRUE.has(l) ? 1 : FALSE.has(l) ? 0 : INVALID;
      };
    case 'date':
    case 'period': {
      // Exports repeat the same few hundred dates and weeks: check each distinct one once.
      const valid = col.type === 'date' ? isIsoDate : isPeriod;
      const seen = new Map<string, boolean>();
      return (raw) => {
        const s = raw.trim();
        if (s === '') return empty;
        let ok = seen.get(s);
        if (ok === undefined) {
          ok = valid(s);
          if (seen.size < 100_000) seen.set(s, ok);
        }
        return ok ? s : INVALID;
      };
    }
  }
}
