import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeName, MAX_SHOWN_NAME, shownName, shownText } from '../../shared/domain/displayName';
import { describeWhere } from '../../shared/domain/errors';

// What a terminal acts on or a reader misreads: C0/C1 controls, DEL, bidi controls, separators.
// eslint-disable-next-line no-control-regex -- the test is precisely about control characters
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

describe('shownName: file names as shown to a person', () => {
  it('turns newlines, ANSI escapes and bidi overrides into visible escapes', () => {
    expect(shownName('stock\nFORGED.csv')).toBe('stock\\nFORGED.csv');
    expect(shownName('a\x1b[31mred\x1b[0m.csv')).toBe('a\\x1b[31mred\\x1b[0m.csv');
    expect(shownName('tab\there\r.csv')).toBe('tab\\there\\r.csv');
    expect(shownName('invoice\u202Efdp.exe')).toBe('invoice\\u202efdp.exe');
    expect(shownName('one-byte CSI \u009b2J')).toBe('one-byte CSI \\x9b2J');
    expect(shownName('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
  });

  it('keeps ordinary names as they are, accents and emoji included', () => {
    for (const name of ['stock.csv', 'Lagerbestand_März 2026.xlsx', 'Größe 📦.csv', 'C:\\exports\\erp']) {
      expect(shownName(name)).toBe(name);
    }
  });

  it('cuts a long name in the middle, keeping its end, never inside an escape', () => {
    const long = `${'x'.repeat(300)}\n${'y'.repeat(10)}.csv`;
    const shown = shownName(long);
    expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN_NAME);
    expect(shown).toMatch(/^x+…x*\\ny{10}\.csv$/);
    const newlines = shownName('\n'.repeat(100), 11);
    expect(newlines).toMatch(/^(\\n)+…(\\n)+$/);
    expect(newlines.length).toBeLessThanOrEqual(11);
  });

  it('never lets an unsafe character through, and stays within its bound (any text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 8, max: 300 }), (s, max) => {
        const shown = shownName(s, max);
        expect(shown).not.toMatch(UNSAFE);
        expect(shown.length).toBeLessThanOrEqual(max);
        expect(shownText(s)).not.toMatch(UNSAFE);
      }),
    );
  });

  it('escapes the names, sheets and headers an error quotes', () => {
    const where = describeWhere({ file: 'a\nb.csv', sheet: 'S\x1b', row: 2, column: 'Qty\r', value: 'v\u202e' });
    expect(where).toBe('file a\\nb.csv, sheet S\\x1b, row 2, column Qty\\r, value "v\\u202e"');
  });
});

describe('decodeName: a file name read as bytes', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it('decodes UTF-8 names as they are', () => {
    expect(decodeName(bytes('März.csv'))).toEqual({ name: 'März.csv', valid: true });
  });

  it('shows each byte that is not UTF-8 as \\xNN, and keeps the valid characters around it', () => {
    // "März" written in Latin-1 (0xe4), then a stray continuation byte, then a valid "é".
    expect(decodeName(bytes('M', [0xe4], 'rz', [0x80], 'é.csv'))).toEqual({ name: 'M\\xe4rz\\x80é.csv', valid: false });
    expect(decodeName(bytes([0xff, 0xfe], '.txt'))).toEqual({ name: '\\xff\\xfe.txt', valid: false });
  });
});
