// Turns one raw cell into the canonical column's value, or says precisely why it cannot.
import type { CanonicalColumn } from '../../shared/domain/canonical';
import { isIsoDate, isPeriod } from '../../shared/domain/period';

export type Cell = string | number | null;
export type Coerced = { ok: true; value: Cell } | { ok: false; expected: string };

const INT_RE = /^[+-]?\d+$/;
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
      const n = Number(s);
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
