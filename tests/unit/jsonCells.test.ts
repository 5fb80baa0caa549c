// A pulled JSON value as the one cell text PULL_FORMAT reads: what a CSV export would hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors';
import { dateTimeText, jsonCell } from '../../electron/pulls/jsonCells';

const at = { file: 'GET https://erp.example/odata/Items', row: 7, field: 'Price' };

describe('jsonCell', () => {
  it('writes values as a CSV export holds them', () => {
    expect(jsonCell(42, at)).toBe('42');
    expect(jsonCell(-0.058, at)).toBe('-0.058');
    expect(jsonCell(29.53, at)).toBe('29.53');
    expect(jsonCell('29.53', at)).toBe('29.53'); // IEEE754Compatible=true: Edm.Decimal as a string
    expect(jsonCell('9007199254740993', at)).toBe('9007199254740993'); // Edm.Int64 past a double
    expect(jsonCell('SKU-00001', at)).toBe('SKU-00001');
    expect(jsonCell('', at)).toBe('');
    expect(jsonCell(true, at)).toBe('true');
    expect(jsonCell(false, at)).toBe('false');
    expect(jsonCell(null, at)).toBe('');
    expect(jsonCell(undefined, at)).toBe('');
  });

  it('reads Edm.Date as it is and Edm.DateTimeOffset as the date and time written in it', () => {
    expect(jsonCell('2026-12-01', at)).toBe('2026-12-01');
    expect(jsonCell('2026-12-01T10:00:00+02:00', at)).toBe('2026-12-01 10:00:00');
    expect(jsonCell('2026-12-01T23:59:58Z', at)).toBe('2026-12-01 23:59:58');
    expect(jsonCell('2026-12-01T10:00:00.1234567-05:00', at)).toBe('2026-12-01 10:00:00');
    expect(jsonCell('2026-12-01T10:00Z', at)).toBe('2026-12-01 10:00:00');
    expect(jsonCell('2026-12-01T10:00:00', at)).toBe('2026-12-01 10:00:00');
    // Not a date-time: left for the import to judge.
    expect(jsonCell('2026-12-01 at ten', at)).toBe('2026-12-01 at ten');
    expect(jsonCell('2026-W49', at)).toBe('2026-W49');
  });

  it('refuses an object or an array by row and field, quoting it bounded', () => {
    const err = (v: unknown): AppError => {
      try {
        jsonCell(v, at);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('accepted');
    };
    const o = err({ amount: 1, currency: 'EUR' });
    expect(o).toBeInstanceOf(AppError);
    expect(o.code).toBe('import_failed');
    expect(o.message).toBe('Row 7 holds a JSON object in a field, not a value.');
    expect(o.where).toEqual({ ...at, value: '{"amount":1,"currency":"EUR"}' });
    expect(err([1, 2]).message).toMatch(/a JSON array/);
    expect(err(Array.from({ length: 1000 }, (_, i) => i)).where!.value!.length).toBeLessThanOrEqual(201);
    expect(err(Number.NaN).message).toMatch(/a number JSON cannot hold/);
    expect(err(Number.POSITIVE_INFINITY).where!.value).toBe('Infinity');
  });

  it('any finite number reads back as itself', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(Number(jsonCell(n, at))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('any date-time with an offset keeps its own date and clock', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.boolean(),
        (d, offsetMin, fractions) => {
          const local = d.toISOString().slice(0, 19);
          const sign = offsetMin < 0 ? '-' : '+';
          const off = `${sign}${two(Math.floor(Math.abs(offsetMin) / 60))}:${two(Math.abs(offsetMin) % 60)}`;
          const text = `${local}${fractions ? '.123' : ''}${off}`;
          expect(dateTimeText(text)).toBe(local.replace('T', ' '));
        },
      ),
    );
  });
});
