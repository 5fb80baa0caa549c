// The number and date parsers against plain references: numbers written with any separators
// read back to the same value; dates written in any supported format read back to the same day.
import { format as formatDate } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ambiguousDateFormats,
  DATE_FORMATS,
  excelSerialToIso,
  parseDate,
  parseDateAs,
  parseNumber,
  type NumberFormat,
} from '../../shared/domain/formats';

const NUMBER_FORMATS: NumberFormat[] = [
  { decimal: '.', thousands: '' },
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: ' ' },
  { decimal: '.', thousands: "'" },
  { decimal: ',', thousands: '' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
];

/** The obvious way to write a number: group the integer digits by three from the right. */
function write(int: bigint, frac: string, fmt: NumberFormat, group: boolean): string {
  const digits = (int < 0n ? -int : int).toString();
  const grouped = group && fmt.thousands !== '' ? digits.replace(/\B(?=(\d{3})+$)/g, fmt.thousands) : digits;
  return `${int < 0n ? '-' : ''}${grouped}${frac === '' ? '' : fmt.decimal + frac}`;
}

describe('parseNumber', () => {
  it('reads back every number written with the format separators, grouped or not', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.stringMatching(/^\d{0,4}$/),
        fc.constantFrom(...NUMBER_FORMATS),
        fc.boolean(),
        (int, frac, fmt, group) => {
          const text = write(int, frac, fmt, group);
          expect(parseNumber(text, fmt)).toBe(Number(`${int}${frac === '' ? '' : `.${frac}`}`));
          if (frac === '') expect(parseNumber(text, fmt, true)).toBe(Number(int));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses misplaced separators rather than guess', () => {
    const de: NumberFormat = { decimal: ',', thousands: '.' };
    expect(parseNumber('1.234,5', de)).toBe(1234.5);
    expect(parseNumber('1.23,5', de)).toBeUndefined();
    expect(parseNumber('1,234.5', de)).toBeUndefined();
    expect(parseNumber('1,5', { decimal: '.', thousands: '' })).toBeUndefined();
    expect(parseNumber('12\u202f345,5', { decimal: ',', thousands: ' ' })).toBe(12345.5);
    expect(parseNumber('1e3', { decimal: '.', thousands: '' })).toBe(1000);
    expect(parseNumber('12.5', de, true)).toBeUndefined();
  });
});

describe('dates', () => {
  const day = fc.date({ min: new Date(1990, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true });
  const iso = (d: Date) => formatDate(d, 'yyyy-MM-dd');

  it('reads back every day written in every format', () => {
    const formats = DATE_FORMATS.filter((f) => f !== 'excel-serial' && f !== 'dd.MM.yy');
    fc.assert(
      fc.property(day, fc.constantFrom(...formats), (d, f) => {
        expect(parseDateAs(formatDate(d, f), f)).toBe(iso(d));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads Excel day numbers in both date systems', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(day, (d) => {
        const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
        expect(excelSerialToIso((utc - Date.UTC(1899, 11, 30)) / DAY)).toBe(iso(d));
        expect(excelSerialToIso((utc - Date.UTC(1904, 0, 1)) / DAY, true)).toBe(iso(d));
      }),
    );
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeUndefined(); // Excel's 29 February 1900
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(parseDateAs('46356.75', 'excel-serial')).toBe('2026-11-30');
  });

  it('refuses impossible days and wrong digit shapes', () => {
    expect(parseDateAs('31.02.2026', 'dd.MM.yyyy')).toBeUndefined();
    expect(parseDateAs('1.2.2026', 'dd.MM.yyyy')).toBeUndefined();
    expect(parseDateAs('1.2.2026', 'd.M.yyyy')).toBe('2026-02-01');
    expect(parseDateAs('2026-11-30', 'dd.MM.yyyy')).toBeUndefined();
    expect(parseDate('30.11.26', ['yyyy-MM-dd', 'dd.MM.yy'])).toBe('2026-11-30');
  });

  it('says when day-first and month-first formats are listed together', () => {
    expect(ambiguousDateFormats(['dd/MM/yyyy', 'MM/dd/yyyy'])).toMatch(/two ways/);
    expect(ambiguousDateFormats(['dd.MM.yyyy', 'MM/dd/yyyy', 'yyyy-MM-dd'])).toBeUndefined();
  });
});
