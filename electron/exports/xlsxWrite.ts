// Parts (table.ts) as an XLSX workbook through exceljs: one sheet per part, its tables one under
// the other, a bold header row per table. Numbers are number cells with the unit's format; every
// text cell goes through inertText (shared/domain/spreadsheetText.ts), so a title such as
// `=HYPERLINK("x")` is text in Excel, never a formula; no cell is ever written as a formula.
import { inertText } from '../../shared/domain/spreadsheetText';
import { cellText, isNum, NUM_FORMAT, type Part } from './table';

/** Excel's limit for a sheet name, and the characters it refuses in one. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** A sheet name Excel accepts, unique in the workbook: "Scenario: A/B" -> "Scenario_ A_B". */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(SHEET_NAME_BAD, '_')
      .split('')
      .map((c) => (c.charCodeAt(0) < 0x20 ? ' ' : c))
      .join('')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, SHEET_NAME_MAX) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

export async function partsWorkbook(
  parts: readonly Part[],
  meta: { title: string; created: Date; sheetNames?: string[] },
): Promise<Buffer> {
  // Loaded on first use: exceljs takes ~0.4 s to load, which every CLI call would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Planroom';
  wb.title = inertText(meta.title);
  wb.created = wb.modified = meta.created;
  const taken = new Set<string>();
  parts.forEach((part, index) => {
    const ws = wb.addWorksheet(sheetName(meta.sheetNames?.[index] ?? part.title, taken));
    const widths: number[] = [];
    let first = true;
    for (const t of part.tables) {
      if (!first) ws.addRow([]);
      first = false;
      if (t.title) ws.addRow([inertText(t.title)]).font = { bold: true, size: 12 };
      const header = ws.addRow(t.columns.map((c) => inertText(c.label)));
      header.font = { bold: true };
      t.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 8, c.width ?? 12)));
      // A table with no empty text (a file drop's) is left as its header row alone.
      if (t.rows.length === 0 && t.empty) ws.addRow([inertText(t.empty)]).font = { italic: true };
      for (const r of t.rows) {
        const row = ws.addRow(
          // An empty cell whose column's missing text is '' is a blank cell, not an empty string.
          t.columns.map((c, i) =>
            isNum(r[i] ?? null)
              ? (r[i] as { n: number }).n
              : (r[i] ?? null) === null && c.missing === ''
                ? null
                : inertText(cellText(r[i] ?? null, c)),
          ),
        );
        t.columns.forEach((_c, i) => {
          const cell = r[i];
          if (cell && isNum(cell))
            row.getCell(i + 1).numFmt = cell.delta
              ? `+${NUM_FORMAT[cell.unit]};-${NUM_FORMAT[cell.unit]};0`
              : NUM_FORMAT[cell.unit];
        });
      }
      if (t.note) ws.addRow([inertText(t.note)]).font = { italic: true };
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(w, 80)));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
