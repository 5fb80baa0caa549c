// A table (table.ts) as a CSV file Excel opens right: UTF-8 with a byte-order mark (without it
// Excel reads the file in the system's code page), CRLF line ends, a header row, numbers as they
// are (never rounded for display), empty cells as the column's missing text, and text through
// csvField (RFC 4180 quoting, formula triggers made inert).
import { csvField } from '../sources/csvWrite';
import { cellText, isNum, type Table } from './table';

const BOM = '\ufeff';

export function tableCsv(t: Table): string {
  const lines = [t.columns.map((c) => csvField(c.label))];
  for (const r of t.rows) {
    lines.push(
      t.columns.map((c, i) => {
        const cell = r[i] ?? null;
        // An empty cell reads as its column's missing text ("no data" unless the table says '').
        return isNum(cell) ? String(cell.n) : csvField(cellText(cell, c));
      }),
    );
  }
  return BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
