import { describe, expect, it } from 'vitest';
import { controlCharAt, controlName, detectNewline, suspectBytes } from '../../electron/sources/csvChecks';
import { cutInput, QUOTE_LIMIT } from '../../shared/domain/errors';
import { checkProfile } from '../../shared/domain/profile';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';

describe('the checks of a CSV file in its one pass', () => {
  it('takes the line ending of the first line', () => {
    expect(detectNewline('a,b\nc,d\r\n')).toBe('\n');
    expect(detectNewline('a,b\r\nc,d\n')).toBe('\r\n');
    expect(detectNewline('a,b\rc,d\n')).toBe('\r');
    expect(detectNewline('a,b')).toBe('\n');
  });

  it('flags a chunk with a control character, a foreign line ending or a quote, and nothing else', () => {
    const b = (t: string) => Buffer.from(t, 'utf8');
    const lf = suspectBytes('\n');
    expect(lf(b('a,b\nc,d\n'))).toBe(false);
    expect(lf(b('a,b\tx\nZürich\n'))).toBe(false);
    for (const bad of ['a\0b', 'a\rb', '"a"', 'a\u001fb', 'a\u007fb']) expect(lf(b(bad)), bad).toBe(true);
    const crlf = suspectBytes('\r\n');
    expect(crlf(b('a,b\r\nc,d\r\n'))).toBe(false);
    expect(suspectBytes('\r\n')(b('a,b\r\nc,d\ne'))).toBe(true);
    expect(suspectBytes('\r\n')(b('a,b\rc,d\r\n'))).toBe(true);
    // A CRLF cut between two chunks is one line ending; an LF starting a chunk after none is not.
    const split = suspectBytes('\r\n');
    expect(split(b('a,b\r'))).toBe(false);
    expect(split(b('\nc,d\r\n'))).toBe(false);
    expect(suspectBytes('\r\n')(b('\nc,d\r\n'))).toBe(true);
    const loneCr = suspectBytes('\r\n');
    expect(loneCr(b('a,b\r'))).toBe(false);
    expect(loneCr(b('c,d\r\n'))).toBe(true);
    const cr = suspectBytes('\r');
    expect(cr(b('a,b\rc,d\r'))).toBe(false);
    expect(cr(b('a,b\r\nc'))).toBe(true);
  });

  it('finds the first control character of a value and names it', () => {
    expect(controlCharAt('C00002')).toBe(-1);
    expect(controlCharAt('C00002\0')).toBe(6);
    expect(controlCharAt('Zürich – Ost')).toBe(-1);
    expect(controlCharAt('a\tb')).toBe(1);
    expect(controlName(0)).toBe('U+0000 (NUL)');
    expect(controlName(0x1b)).toBe('U+001B');
  });

  it('cuts quoted input to a bounded length, never inside a surrogate pair', () => {
    expect(cutInput('short')).toBe('short');
    const long = 'x'.repeat(QUOTE_LIMIT + 50);
    expect(cutInput(long)).toBe('x'.repeat(QUOTE_LIMIT) + '…');
    const emoji = 'x'.repeat(QUOTE_LIMIT - 1) + '😀' + 'tail';
    expect(cutInput(emoji)).toBe('x'.repeat(QUOTE_LIMIT - 1) + '…');
  });
});

describe('value maps in a profile', () => {
  const erp = DEFAULT_PROFILES.ERP;
  const withValues = (table: string, values: Record<string, Record<string, string>>) => ({
    ...erp,
    files: erp.files.map((f) => (f.table === table ? { ...f, values } : f)),
  });
  const at = erp.files.findIndex((f) => f.table === 'locations');

  it('accepts a map onto allowed values, and refuses one onto any other', () => {
    expect(checkProfile(withValues('locations', { type: { SHOP: 'dc', DC: 'dc' } }))).toEqual([]);
    expect(checkProfile(withValues('locations', { type: { SHOP: 'store' } }))).toEqual([
      { path: `files.${at}.values.type.SHOP`, message: 'locations.type takes only plant, dc, not "store"' },
    ]);
  });

  it('refuses a map of a column the table lacks or that no header feeds', () => {
    expect(checkProfile(withValues('locations', { colour: { a: 'b' } }))).toEqual([
      { path: `files.${at}.values.colour`, message: 'locations has no column "colour"' },
    ]);
    const constant = {
      ...erp,
      files: erp.files.map((f) =>
        f.table === 'locations'
          ? {
              ...f,
              columns: { location: 'Plant', name: 'Name', region: 'Region' },
              constants: { type: 'dc' },
              values: { type: { a: 'dc' } },
            }
          : f,
      ),
    };
    expect(checkProfile(constant)).toEqual([
      { path: `files.${at}.values.type`, message: 'a value map needs type read from a header (columns)' },
    ]);
  });
});
