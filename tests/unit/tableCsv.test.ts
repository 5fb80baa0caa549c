// A table as CSV for Excel (electron/exports/tableCsv.ts): BOM, CRLF, a header row, RFC 4180
// quoting that papaparse reads back, numbers as they are, an empty cell as its column's missing
// text ("no data" unless the column says ''), formulas inert.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { num, type Table } from '../../electron/exports/table';
import { tableCsv } from '../../electron/exports/tableCsv';

const table: Table = {
  columns: [{ label: 'title', missing: '' }, { label: 'rank' }, { label: 'due', missing: '' }],
  rows: [
    ['Second "night" shift, P1', num(1, 'count'), '2026-12-18'],
    ['=HYPERLINK("http://x")', num(0.955, 'pct'), null],
    ['two\nlines', num(null, 'count'), '@SUM(A1)'],
  ],
  empty: '',
};

describe('tableCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, and reads back cell for cell', () => {
    const csv = tableCsv(table);
    expect(csv.split('\r\n')[0]).toBe('\ufefftitle,rank,due');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['title', 'rank', 'due'],
      ['Second "night" shift, P1', '1', '2026-12-18'],
      [`'=HYPERLINK("http://x")`, '0.955', ''],
      ['two\nlines', 'no data', `'@SUM(A1)`],
    ]);
  });
});
