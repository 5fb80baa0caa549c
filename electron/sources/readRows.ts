// Reads an export file as rows of strings: CSV streamed through PapaParse, XLSX through exceljs
// (formula cells give their computed value, dates become YYYY-MM-DD). The caller receives the
// header first, then data rows in batches, with their 1-based row numbers in the file.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/errors';

export interface RowSink {
  /** The header row and its 1-based row number in the file. */
  header(cells: string[], row: number): void;
  /** rows[i] is row number firstRow + i of the file. */
  rows(rows: string[][], firstRow: number): void;
}

export async function readRows(path: string, sink: RowSink, sheet?: string): Promise<void> {
  if (path.toLowerCase().endsWith('.xlsx')) return readXlsx(path, sink, sheet);
  return readCsv(path, sink);
}

function readCsv(path: string, sink: RowSink): Promise<void> {
  return new Promise((resolve, reject) => {
    let rowNo = 1;
    let sawHeader = false;
    let failed = false;
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
      // Blank lines are kept (and skipped by the caller) so reported row numbers stay true.
      skipEmptyLines: false,
      chunkSize: 1 << 20,
      // A byte-order mark before a quoted header would otherwise keep the quotes in the name.
      beforeFirstChunk: (text) => text.replace(/^\uFEFF/, ''),
      chunk: (results, parser) => {
        try {
          // An unclosed or stray quote swallows the rest of the file into one field: refuse it.
          const quote = results.errors.find((e) => e.type === 'Quotes');
          if (quote) {
            throw new AppError('import_failed', `Broken quoting: ${quote.message.toLowerCase()}.`, {
              where: { file: basename(path), row: rowNo + (quote.row ?? 0) },
              hint: 'A field opens a double quote that never closes (or a quote sits inside an unquoted field). Fix the export.',
            });
          }
          let data = results.data;
          while (!sawHeader && data.length > 0 && isBlank(data[0]!)) {
            data = data.slice(1);
            rowNo += 1;
          }
          if (!sawHeader && data.length > 0) {
            sink.header(
              data[0]!.map((h) => h.trim()),
              rowNo,
            );
            sawHeader = true;
            data = data.slice(1);
            rowNo += 1;
          }
          if (data.length > 0) sink.rows(data, rowNo);
          rowNo += data.length;
        } catch (e) {
          failed = true;
          parser.abort();
          reject(e);
        }
      },
      complete: () => {
        if (failed) return;
        if (!sawHeader) {
          reject(
            new AppError('import_failed', 'The file is empty.', {
              where: { file: basename(path) },
              hint: 'Export the file again with its header row.',
            }),
          );
        } else resolve();
      },
      error: (err: Error) =>
        reject(
          new AppError('import_failed', `Cannot read the file: ${err.message}`, { where: { file: basename(path) } }),
        ),
    });
  });
}

async function readXlsx(path: string, sink: RowSink, sheetName?: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new AppError('import_failed', `Not a readable .xlsx workbook: ${(e as Error).message}`, {
      where: { file: basename(path) },
      hint: 'Save the file again from Excel as .xlsx.',
    });
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    throw new AppError('import_failed', `The workbook has no sheet named "${sheetName}".`, {
      where: { file: basename(path), sheet: sheetName },
      hint: `Sheets found: ${wb.worksheets.map((w) => w.name).join(', ') || 'none'}.`,
    });
  }
  const width = ws.columnCount;
  let sawHeader = false;
  let batch: string[][] = [];
  let batchStart = 0;
  let header: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const text = cellText(row.getCell(c).value);
      if (typeof text !== 'string') {
        // #N/A, #REF!...: no value to import, and an empty one would pass for a blank cell.
        throw new AppError('import_failed', `The cell holds the Excel error ${text.error}.`, {
          where: {
            file: basename(path),
            sheet: ws.name,
            row: rowNumber,
            column: header[c - 1] || row.getCell(c).address,
            value: text.error,
          },
          hint: 'Fix the formula or value in the workbook and save it again.',
        });
      }
      cells.push(text);
    }
    if (!sawHeader) {
      header = cells.map((h) => h.trim());
      sink.header(header, rowNumber);
      sawHeader = true;
      return;
    }
    if (batch.length === 0) batchStart = rowNumber;
    // Rows skipped by eachRow (empty) break the numbering of a batch: flush first.
    if (batch.length > 0 && batchStart + batch.length !== rowNumber) {
      sink.rows(batch, batchStart);
      batch = [];
      batchStart = rowNumber;
    }
    batch.push(cells);
  });
  if (!sawHeader) {
    throw new AppError('import_failed', 'The sheet is empty.', {
      where: { file: basename(path), sheet: ws.name },
      hint: 'Export the sheet again with its header row.',
    });
  }
  if (batch.length > 0) sink.rows(batch, batchStart);
}

/** A row with nothing in it: an empty line, or a line of only delimiters and spaces. */
export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** A cell's value as text; formulas give their computed result; Excel errors come back as such. */
function cellText(v: ExcelJS.CellValue): string | { error: string } {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
  }
  return String(v);
}
