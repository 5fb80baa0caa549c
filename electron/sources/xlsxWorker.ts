// Worker thread: reads one workbook with exceljs and posts its rows to the importer in batches,
// waiting for each batch to be taken so memory holds the workbook plus one batch. It runs with a
// heap limit (readXlsx.ts), so a huge workbook ends this thread, not the app.
import ExcelJS from 'exceljs';
import picomatch from 'picomatch';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../shared/domain/errors';
import { cellTooLarge } from './rowChecks';

export interface XlsxJob {
  path: string;
  sheet?: string;
  maxCellChars: number;
}

export type XlsxMessage =
  | { type: 'header'; cells: string[]; row: number; sheet: string; date1904: boolean }
  | { type: 'rows'; rows: string[][]; firstRow: number }
  | { type: 'done' }
  | { type: 'error'; error: AppErrorShape };

const BATCH = 2000;
const port = parentPort!;
let release: (() => void) | undefined;
port.on('message', () => release?.());
const taken = () => new Promise<void>((r) => (release = r));

async function run(job: XlsxJob): Promise<void> {
  const file = basename(job.path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(job.path);
  } catch (e) {
    throw new AppError('import_failed', `Not a readable .xlsx workbook: ${(e as Error).message}`, {
      where: { file },
      hint: 'Save the file again from Excel as .xlsx.',
    });
  }
  const ws = pickSheet(wb, job.sheet, file);
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const width = ws.columnCount;
  let header: string[] | undefined;
  let batch: string[][] = [];
  let batchStart = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    port.postMessage({ type: 'rows', rows: batch, firstRow: batchStart } satisfies XlsxMessage);
    batch = [];
    await taken();
  };
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const text = cellText(row.getCell(c).value);
      const column = header?.[c - 1] || row.getCell(c).address;
      if (typeof text !== 'string') {
        // #N/A, #REF!...: no value to import, and an empty one would pass for a blank cell.
        throw new AppError('import_failed', `The cell holds the Excel error ${text.error}.`, {
          where: { file, sheet: ws.name, row: r, column, value: text.error },
          hint: 'Fix the formula or value in the workbook and save it again.',
        });
      }
      if (text.length > job.maxCellChars) {
        throw cellTooLarge(
          { file, sheet: ws.name, row: r, column },
          text.length,
          job.maxCellChars,
          'Check the cell in the workbook: a pasted document or a formula gone wrong can do this.',
        );
      }
      cells.push(text);
    }
    if (!header) {
      header = cells.map((h) => h.trim());
      port.postMessage({ type: 'header', cells: header, row: r, sheet: ws.name, date1904 } satisfies XlsxMessage);
      await taken();
      continue;
    }
    // Skipped empty rows break a batch's numbering: flush first.
    if (batch.length > 0 && batchStart + batch.length !== r) await flush();
    if (batch.length === 0) batchStart = r;
    batch.push(cells);
    if (batch.length === BATCH) await flush();
  }
  if (!header) {
    throw new AppError('import_failed', 'The sheet is empty.', {
      where: { file, sheet: ws.name },
      hint: 'Export the sheet again with its header row.',
    });
  }
  await flush();
}

function pickSheet(wb: ExcelJS.Workbook, wanted: string | undefined, file: string): ExcelJS.Worksheet {
  const sheets = wb.worksheets;
  const ws = wanted === undefined ? sheets[0] : sheets.find((s) => picomatch.isMatch(s.name, wanted, { nocase: true }));
  if (!ws) {
    throw new AppError(
      'import_failed',
      wanted ? `The workbook has no sheet matching "${wanted}".` : 'The workbook has no sheets.',
      {
        where: { file, sheet: wanted },
        hint: `Sheets found: ${sheets.map((w) => w.name).join(', ') || 'none'}. Change the profile's sheet or the workbook.`,
      },
    );
  }
  return ws;
}

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

run(workerData as XlsxJob).then(
  () => port.postMessage({ type: 'done' } satisfies XlsxMessage),
  (e: unknown) => {
    const error =
      e instanceof AppError
        ? e.toShape()
        : { code: 'import_failed' as const, message: `Cannot read the workbook: ${(e as Error).message}` };
    port.postMessage({ type: 'error', error } satisfies XlsxMessage);
  },
);
