// PostgreSQL's text output written as pulled cells (electron/pulls/pgCells.ts), the types read by
// OID (pgTypes.ts), and a query position turned into its line and column (pgErrors.ts): pure,
// without a server. The integration test (tests/integration/pgTable.test.ts) checks the same
// against a real one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReader, floatCell, isRefusal, numericCell, timestamptzCell } from '../../electron/pulls/pgCells';
import { queryPlace } from '../../electron/pulls/pgErrors';
import { TypeCatalogue } from '../../electron/pulls/pgTypes';
import { compileCoercer, INVALID } from '../../electron/snapshots/coerce';
import { PULL_FORMAT } from '../../electron/pulls/tableReader';

const refused = (cell: ReturnType<ReturnType<typeof cellReader>>): boolean => isRefusal(cell);

describe('pgCells', () => {
  it('writes NULL as an empty cell whatever the type', () => {
    for (const kind of ['int', 'numeric', 'float', 'text', 'date', 'timestamp', 'timestamptz', 'bool'] as const) {
      expect(cellReader(kind)(null)).toBe('');
    }
  });

  it('writes numbers as JSON does and refuses NaN and infinity', () => {
    expect(numericCell('12.50')).toBe('12.5');
    expect(numericCell('3.000')).toBe('3');
    expect(numericCell('-0.00')).toBe('0');
    expect(numericCell('-0.50')).toBe('-0.5');
    expect(numericCell('123456789012345678901234.5')).toBe('123456789012345678901234.5');
    for (const bad of ['NaN', 'Infinity', '-Infinity']) {
      expect(refused(numericCell(bad))).toBe(true);
      expect(refused(floatCell(bad))).toBe(true);
    }
    expect(floatCell('1e+20')).toBe('100000000000000000000');
    expect(floatCell('1.5e-07')).toBe('1.5e-7');
    expect(floatCell('-0')).toBe('0');
    expect(floatCell('3.14')).toBe('3.14');
    expect(cellReader('int')('-42')).toBe('-42');
  });

  it('writes any finite double the way JSON does, from any text PostgreSQL could send', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const expected = JSON.stringify(n);
        for (const text of [String(n), n.toExponential(), n.toPrecision(17)]) expect(floatCell(text)).toBe(expected);
      }),
    );
  });

  it('keeps every digit of a numeric and drops only trailing zeros', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^[1-9]\d{0,30}$/),
        fc.stringMatching(/^\d{0,20}$/),
        fc.nat(5),
        (negative, whole, fraction, zeros) => {
          const text = `${negative ? '-' : ''}${whole}${fraction || zeros ? '.' : ''}${fraction}${'0'.repeat(zeros)}`;
          const cell = numericCell(text) as string;
          expect(cell).not.toMatch(/\.\d*0$|\.$/);
          expect(cell.replace(/^-/, '').split('.')[0]).toBe(whole);
          expect(`${cell}${'0'.repeat(40)}`.startsWith(text.replace(/0+$/, '').replace(/\.$/, ''))).toBe(true);
        },
      ),
    );
  });

  it('writes dates, date-times (fraction dropped) and UTC date-times in the pull format', () => {
    expect(cellReader('date')('2026-12-01')).toBe('2026-12-01');
    for (const bad of ['infinity', '-infinity', '0044-03-15 BC', '10000-01-01']) {
      expect(refused(cellReader('date')(bad))).toBe(true);
    }
    expect(cellReader('timestamp')('2026-12-01 09:30:00')).toBe('2026-12-01 09:30:00');
    expect(cellReader('timestamp')('2026-12-01 09:30:00.987654')).toBe('2026-12-01 09:30:00');
    expect(refused(cellReader('timestamp')('infinity'))).toBe(true);
    expect(timestamptzCell('2026-12-01 09:30:00+00')).toBe('2026-12-01 09:30:00');
    expect(timestamptzCell('2026-12-01 09:30:00.5+00')).toBe('2026-12-01 09:30:00');
    // An offset other than UTC (a session that kept its own time zone) is moved to UTC.
    expect(timestamptzCell('2026-12-01 01:30:00-08')).toBe('2026-12-01 09:30:00');
    expect(timestamptzCell('2026-12-01 15:00:00+05:30')).toBe('2026-12-01 09:30:00');
    expect(refused(timestamptzCell('2026-12-01 09:30:00+00 BC'))).toBe(true);
  });

  it('writes booleans as true/false and text as it is', () => {
    expect(cellReader('bool')('t')).toBe('true');
    expect(cellReader('bool')('f')).toBe('false');
    expect(cellReader('text')('  P1 ')).toBe('  P1 ');
  });

  it('writes cells the file import reads back as the same values', () => {
    const real = compileCoercer({ name: 'q', type: 'real' }, PULL_FORMAT);
    const date = compileCoercer({ name: 'd', type: 'date' }, PULL_FORMAT);
    const flag = compileCoercer({ name: 'b', type: 'bool' }, PULL_FORMAT);
    expect(real(numericCell('12.50') as string)).toBe(12.5);
    expect(real(floatCell('2.5e+3') as string)).toBe(2500);
    expect(date(cellReader('date')('2026-12-01') as string)).not.toBe(INVALID);
    expect(flag(cellReader('bool')('t') as string)).toBe(1);
    expect(flag(cellReader('bool')('f') as string)).toBe(0);
  });
});

describe('pgTypes', () => {
  const catalogue = new TypeCatalogue([
    { oid: 16400, name: 'citext', typtype: 'b', baseOid: 0, typname: 'citext' },
    { oid: 16410, name: 'order_status', typtype: 'e', baseOid: 0, typname: 'order_status' },
    { oid: 16420, name: 'qty', typtype: 'd', baseOid: 1700, typname: 'qty' },
    { oid: 16421, name: 'positive_qty', typtype: 'd', baseOid: 16420, typname: 'positive_qty' },
    { oid: 16430, name: 'doc', typtype: 'd', baseOid: 3802, typname: 'doc' },
    { oid: 3802, name: 'jsonb', typtype: 'b', baseOid: 0, typname: 'jsonb' },
    { oid: 1007, name: 'integer[]', typtype: 'b', baseOid: 0, typname: '_int4' },
  ]);

  it('reads built-in, citext, enum and domain types by what they are', () => {
    expect(catalogue.kindOf(23)).toBe('int');
    expect(catalogue.kindOf(1184)).toBe('timestamptz');
    expect(catalogue.kindOf(16400)).toBe('text');
    expect(catalogue.kindOf(16410)).toBe('text');
    expect(catalogue.kindOf(16421)).toBe('numeric');
  });

  it('refuses json, arrays, domains over them and unknown types, naming each', () => {
    expect(catalogue.kindOf(3802)).toBeNull();
    expect(catalogue.kindOf(16430)).toBeNull();
    expect(catalogue.kindOf(1007)).toBeNull();
    expect(catalogue.nameOf(1007)).toBe('integer[]');
    expect(new TypeCatalogue().nameOf(114)).toBe('json');
    expect(new TypeCatalogue().nameOf(99999)).toBe('type OID 99999');
  });
});

describe('queryPlace', () => {
  it('turns a character position into a line and column, as the server counts characters', () => {
    const query = 'SELECT "Material",\n  "Plnat"\nFROM erp_items';
    const place = queryPlace(query, query.indexOf('"Plnat"') + 1);
    expect(place).toEqual({ line: 2, column: 3, text: '  "Plnat"' });
    // "é" and an emoji are one character each for the server, two UTF-16 units for the emoji.
    const wide = 'SELECT \u{1F4E6}é, x\r\nFROM t WHERE y';
    expect(queryPlace(wide, 12)).toMatchObject({ line: 1, column: 12 });
    expect(queryPlace(wide, 20)).toEqual({ line: 2, column: 6, text: 'FROM t WHERE y' });
  });
});
