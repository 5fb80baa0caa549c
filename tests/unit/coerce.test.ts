import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerce } from '../../electron/snapshots/coerce';
import type { CanonicalColumn } from '../../shared/domain/canonical';

const qty: CanonicalColumn = { name: 'qty', type: 'real', min: 0 };

describe('coerce', () => {
  it('accepts and rejects with what was expected', () => {
    expect(coerce(qty, ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    expect(coerce(qty, '-3')).toEqual({ ok: false, expected: 'a number >= 0' });
    expect(coerce(qty, 'abc')).toEqual({ ok: false, expected: 'a number' });
    expect(coerce(qty, '')).toEqual({ ok: false, expected: 'a value (real)' });
    expect(coerce({ ...qty, optional: true }, '')).toEqual({ ok: true, value: null });
    expect(coerce({ name: 'line', type: 'int', min: 1 }, '2.5')).toEqual({ ok: false, expected: 'a whole number' });
    expect(coerce({ name: 'k', type: 'bool' }, 'Y')).toEqual({ ok: true, value: 1 });
    expect(coerce({ name: 'k', type: 'bool' }, 'maybe')).toEqual({ ok: false, expected: 'Y or N' });
    expect(coerce({ name: 'd', type: 'date' }, '2026-13-01')).toEqual({ ok: false, expected: 'a date as YYYY-MM-DD' });
    expect(coerce({ name: 'p', type: 'period' }, '2026-W49')).toEqual({ ok: true, value: '2026-W49' });
    expect(coerce({ name: 'c', type: 'text', oneOf: ['A', 'B'] }, 'Z')).toEqual({ ok: false, expected: 'one of A, B' });
  });

  it('reads back every finite number it is given as text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }), (x) => {
        expect(coerce(qty, String(x))).toEqual({ ok: true, value: x });
      }),
    );
  });
});
