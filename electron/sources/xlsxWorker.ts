// Worker thread: streams one sheet of a workbook (xlsxZip, xlsxParts, xlsxSheet) and posts its
// rows to the importer in batches, waiting for each batch to be taken, so memory holds the
// shared strings plus one batch, never the workbook. The limits (inflated bytes, rows, cell
// length) are checked as the XML arrives; the heap limit this thread runs with (readXlsx.ts) is
// the second line of defence, so even a workbook that slips past them ends this thread, not the app.
import picomatch from 'picomatch';
import { closeSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { shownName } from '../../shared/domain/displayName';
import { AppError, type AppErrorShape } from '../../shared/domain/errors';
import { openRegular } from './regularFile';
import { readDateStyles, readSharedStrings, readWorkbookInfo, type WorkbookInfo } from './xlsxParts';
import { SheetReader } from './xlsxSheet';
import { WorkbookZip } from './xlsxZip';

export interface XlsxJob {
  path: string;
  sheet?: string;
  maxCellChars: number;
  /** Inflated bytes of all the parts read (workbook, styles, shared strings, the sheet). */
  maxInflatedBytes: number;
  /** Rows of the sheet, the header included. */
  maxRows: number;
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
  // Opened without blocking and checked to be a regular file: a pipe swapped in is refused.
  const { fd, stats } = openRegular(job.path, file);
  try {
    const zip = await WorkbookZip.open(fd, stats.size, file, job.maxInflatedBytes);
    const info = await readWorkbookInfo(zip, file);
    const { name, part } = pickSheet(info, job.sheet, file);
    zip.checkDeclared([part, info.styles, info.sharedStrings].filter((p): p is string => p !== undefined));
    const dateStyles = await readDateStyles(zip, file, info.styles);
    const sharedStrings = await readSharedStrings(zip, file, info.sharedStrings, job.maxCellChars);
    const reader = new SheetReader(zip, part, {
      file,
      sheet: name,
      sharedStrings,
      dateStyles,
      date1904: info.date1904,
      maxCellChars: job.maxCellChars,
      maxRows: job.maxRows,
    });
    await postRows(reader, name, info.date1904, file);
  } finally {
    closeSync(fd);
  }
}

async function postRows(reader: SheetReader, sheet: string, date1904: boolean, file: string): Promise<void> {
  let header: string[] | undefined;
  let batch: string[][] = [];
  let batchStart = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    port.postMessage({ type: 'rows', rows: batch, firstRow: batchStart } satisfies XlsxMessage);
    batch = [];
    await taken();
  };
  for await (const rows of reader.rows()) {
    for (const { row, cells } of rows) {
      if (!header) {
        header = reader.header ?? cells;
        port.postMessage({ type: 'header', cells: header, row, sheet, date1904 } satisfies XlsxMessage);
        await taken();
        continue;
      }
      // A row ends at its last cell with a value: the columns after it are empty.
      while (cells.length < header.length) cells.push('');
      // Skipped empty rows break a batch's numbering: flush first.
      if (batch.length > 0 && batchStart + batch.length !== row) await flush();
      if (batch.length === 0) batchStart = row;
      batch.push(cells);
      if (batch.length === BATCH) await flush();
    }
  }
  if (!header) {
    throw new AppError('import_failed', 'The sheet is empty.', {
      where: { file, sheet },
      hint: 'Export the sheet again with its header row.',
    });
  }
  await flush();
}

function pickSheet(info: WorkbookInfo, wanted: string | undefined, file: string): { name: string; part: string } {
  const sheets = info.sheets;
  const ws = wanted === undefined ? sheets[0] : sheets.find((s) => picomatch.isMatch(s.name, wanted, { nocase: true }));
  if (!ws) {
    throw new AppError(
      'import_failed',
      wanted ? `The workbook has no sheet matching "${wanted}".` : 'The workbook has no sheets.',
      {
        where: { file, sheet: wanted },
        hint: `Sheets found: ${sheets.map((w) => shownName(w.name, 60)).join(', ') || 'none'}. Change the profile's sheet or the workbook.`,
      },
    );
  }
  if (!ws.part) {
    throw new AppError('import_failed', `The sheet "${shownName(ws.name)}" has no data in the workbook.`, {
      where: { file, sheet: ws.name },
      hint: 'The file is damaged, or the sheet is a chart: save it again from Excel, or name another sheet.',
    });
  }
  return { name: ws.name, part: ws.part };
}

run(workerData as XlsxJob).then(
  () => port.postMessage({ type: 'done' } satisfies XlsxMessage),
  (e: unknown) => {
    const error =
      e instanceof AppError
        ? e.toShape()
        : {
            code: 'import_failed' as const,
            message: `Cannot read the workbook: ${String((e as Error).message).slice(0, 200)}`,
          };
    port.postMessage({ type: 'error', error } satisfies XlsxMessage);
  },
);
