import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerce, compileCoercer, INVALID, PLAIN_FORMAT, type CellFormat } from '../../electron/snapshots/coerce';
import type { CanonicalColumn } from '../../shared/domain/canonical';

const qty: CanonicalColumn = { name: 'qty', type: 'real', min: 0 };

describe('coerce', () => {
  it('accepts and rejects with what was expected', () => {
    expect(coerce(qty, ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    expect(coerce(qty, '-3')).toEqual({ ok: false, expected: 'a number >= 0' });
    expect(coerce(qty, 'abc')).toEqual({ ok: false, expected: 'a number like 1234.5' });
    expect(coerce(qty, '')).toEqual({ ok: false, expected: 'a value (real)' });
    expect(coerce({ ...qty, optional: true }, '')).toEqual({ ok: true, value: null });
    expect(coerce({ name: 'line', type: 'int', min: 1 }, '2.5')).toEqual({
      ok: false,
      expected: 'a whole number like 1234',
    });
    expect(coerce({ name: 'k', type: 'bool' }, 'Y')).toEqual({ ok: true, value: 1 });
    expect(coerce({ name: 'k', type: 'bool' }, 'maybe')).toEqual({ ok: false, expected: 'Y or N' });
    expect(coerce({ name: 'd', type: 'date' }, '2026-13-01')).toEqual({ ok: false, expected: 'a date as yyyy-MM-dd' });
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

describe('compiled coercers agree with the reference', () => {
  const columns: CanonicalColumn[] = [
    { name: 't', type: 'text' },
    { name: 't', type: 'text', optional: true, oneOf: ['A', 'B', 'C'] },
    { name: 'i', type: 'int', min: 1 },
    { name: 'r', type: 'real', min: 0 },
    { name: 'r', type: 'real', optional: true },
    { name: 'b', type: 'bool' },
    { name: 'd', type: 'date' },
    { name: 'p', type: 'period', optional: true },
  ];
  // Strings near the edges: numbers in many notations, dates, weeks, junk, spaces.
  const cell = fc.oneof(
    fc.string(),
    fc.double().map(String),
    fc.integer().map(String),
    fc.constantFrom(' 12 ', '0x10', '1e3', '-0', '.5', '5.', 'Infinity', 'NaN', '', ' ', 'y', 'No', 'X', 'A', ' B'),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc
      .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 54 }))
      .map(([y, w]) => `${y}-W${String(w).padStart(2, '0')}`),
  );

  const formats: CellFormat[] = [
    PLAIN_FORMAT,
    { decimal: ',', thousands: '.', dateFormats: ['dd.MM.yyyy', 'yyyy-MM-dd'] },
    { decimal: '.', thousands: ',', dateFormats: ['MM/dd/yyyy', 'excel-serial'] },
    { decimal: ',', thousands: ' ', dateFormats: ['d/M/yyyy'] },
    { decimal: '.', thousands: "'", dateFormats: ['excel-serial'], date1904: true },
  ];
  const localized = fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom('.', ',', ' ', '\u00a0', "'", ''), fc.nat(999))
    .map(
      ([n, sep, frac]) =>
        `${n.toLocaleString('en').replace(/,/g, sep)}${frac ? `.${frac}`.replace('.', sep === '.' ? ',' : '.') : ''}`,
    );

  it('accepts the same values and refuses the same cells, in every value format', () => {
    const compiled = formats.map((f) => columns.map((c) => compileCoercer(c, f)));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: columns.length - 1 }),
        fc.nat(formats.length - 1),
        fc.oneof(cell, localized),
        (c, f, raw) => {
          const fast = compiled[f]![c]!(raw);
          const ref = coerce(columns[c]!, raw, formats[f]);
          if (ref.ok) expect(fast).toEqual(ref.value);
          else expect(fast).toBe(INVALID);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('refuses hexadecimal, binary and infinite numbers', () => {
    for (const s of ['0x10', '0b1', 'Infinity', '1e999']) expect(coerce(qty, s).ok, s).toBe(false);
  });
});
