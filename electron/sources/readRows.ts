// Reads an export file as rows of strings: CSV streamed (electron/sources/readCsv.ts), XLSX
// streamed in a worker thread with limits and a memory limit (readXlsx.ts). The caller receives the header first, then
// data rows in batches with their 1-based row numbers in the file. Blank rows are passed on (the
// caller skips them) so reported row numbers stay those a user sees in the file.
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import type { CsvOptions } from '../../shared/domain/profile';
import { readCsv } from './readCsv';
import { regularFileStat } from './regularFile';
import { readXlsx, XlsxReader } from './readXlsx';

export interface SheetInfo {
  /** The worksheet read, for .xlsx files. */
  sheet?: string;
  /** Excel's 1904 date system: day numbers count from 1904-01-01. */
  date1904?: boolean;
}

export interface RowSink {
  /** The header row and its 1-based row number in the file. */
  header(cells: string[], row: number, info: SheetInfo): void;
  /** rows[i] is row number firstRow + i of the file. */
  rows(rows: string[][], firstRow: number): void;
  /** Bytes of the file read so far, for a progress bar. */
  bytes?(read: number, total: number): void;
}

export interface ReadLimits {
  /** Larger CSV files are refused before reading. */
  maxCsvBytes: number;
  /** Larger workbooks are refused before reading. */
  maxXlsxBytes: number;
  /** A workbook whose parts read (styles, shared strings, the sheet) unpack to more is refused. */
  maxXlsxInflatedBytes: number;
  /** A sheet with more rows, its header included, is refused (Excel's own limit is 1,048,576). */
  maxXlsxRows: number;
  /** Heap limit of the worker that reads a workbook: the second line of defence. */
  xlsxMemoryMb: number;
  /** Longer cells are refused (Excel's own limit is 32,767 characters). */
  maxCellChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxCsvBytes: 8 * 1024 ** 3,
  maxXlsxBytes: 200 * 1024 ** 2,
  maxXlsxInflatedBytes: 2 * 1024 ** 3,
  maxXlsxRows: 1_048_576,
  xlsxMemoryMb: 2048,
  maxCellChars: 32_767,
};

export interface ReadOptions {
  csv: CsvOptions;
  /** Headers the mapping expects, to choose the CSV delimiter. */
  expectedHeaders: string[];
  /** Worksheet name or pattern; the first sheet when absent. */
  sheet?: string;
  limits: ReadLimits;
  /** A workbook reader started earlier for this file. */
  xlsx?: XlsxReader;
}

export async function readRows(path: string, sink: RowSink, opts: ReadOptions): Promise<void> {
  if (opts.xlsx) return opts.xlsx.read(sink);
  const bytes = checkSize(path, opts.limits);
  if (isWorkbook(path)) return readXlsx(path, sink, opts);
  return readCsv(path, sink, opts, bytes);
}

/** Starts reading a workbook in its worker now, to be read by readRows later ({ xlsx }). */
export function startWorkbook(path: string, opts: ReadOptions): XlsxReader {
  checkSize(path, opts.limits);
  return new XlsxReader(path, opts);
}

export const isWorkbook = (path: string): boolean => path.toLowerCase().endsWith('.xlsx');

/** The file's size, or the error when it is over the limit for its kind. */
function checkSize(path: string, limits: ReadLimits): number {
  const xlsx = isWorkbook(path);
  const bytes = regularFileStat(path, basename(path)).size;
  const max = xlsx ? limits.maxXlsxBytes : limits.maxCsvBytes;
  if (bytes > max) {
    throw new AppError(
      'import_failed',
      `The file is ${size(bytes)}, over the ${size(max)} limit for ${xlsx ? 'workbooks' : 'CSV files'}.`,
      {
        where: { file: basename(path) },
        hint: xlsx
          ? 'Export the sheet as CSV (read as a stream, with a much larger limit), or split the workbook.'
          : 'Split the export into several files matching the profile pattern, with pick "all".',
      },
    );
  }
  return bytes;
}

/** 19 KB, 200 MB, 8.0 GB: sizes as a person reads them. */
function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
