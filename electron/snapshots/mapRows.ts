// The reading half of a file's import, run where the file is read (the import worker for CSV,
// the main thread for workbooks): skips blank rows, refuses oversized cells, maps and coerces each
// row through the profile (RowMapper) and describes the bad ones for the user. Its output is a
// stream of messages, the header's outcome then row batches (rowBatch.ts), that storeRows.ts
// writes.
import { basename } from 'node:path';
import { canonicalTable, type CanonicalTableName } from '../../shared/domain/canonical';
import type { FileMapping, ValueFormat } from '../../shared/domain/profile';
import { cutInput } from '../../shared/domain/errors';
import type { RowSink, SheetInfo } from '../sources/readRows';
import { controlError } from '../sources/csvChecks';
import { cellTooLarge, isBlank } from '../sources/rowChecks';
import type { BadRow } from './badRows';
import type { Cell } from './coerce';
import { batchBuffers, RowBatchBuilder, type ColumnKind, type RowBatch } from './rowBatch';
import { RowMapper } from './rowMapper';

/** What the reading half needs to know about a file: all of it can be posted to a worker. */
export interface MapJob {
  path: string;
  /** The name errors give for where the rows are from; the path's file name when not given (a pull names its feed). */
  file?: string;
  table: CanonicalTableName;
  mapping: FileMapping;
  format: ValueFormat;
  maxCellChars: number;
  /**
   * Send each good row's raw cells with it. Only "skip bad rows" needs them, to keep the cells of
   * a row the database refuses (a duplicate key); they cost a structured clone per row.
   */
  keepCells: boolean;
  /**
   * Refuse control characters cell by cell: for workbook rows, which no CSV pass has checked
   * (the CSV reader checks its own rows as it parses them).
   */
  checkControls?: boolean;
}

/** The header was read and the mapping compiled against it. */
export interface MappedHeader {
  type: 'header';
  sheet?: string;
  /** The header's 1-based row in the file. */
  row: number;
  header: string[];
  /** The canonical columns written, in insert order, and how their values travel. */
  names: string[];
  kinds: ColumnKind[];
  ignoredHeaders: string[];
}

/** A bad row, placed among the good ones so rows are handled in file order. */
export interface PlacedBadRow {
  /** Good rows of the batch that come before it in the file. */
  before: number;
  bad: BadRow;
}

/** The next rows of the file: the good ones mapped, and the bad ones among them. */
export interface MappedRows {
  type: 'rows';
  batch: RowBatch;
  /** The 1-based row number in the file of each good row. */
  rowNumbers: Float64Array;
  bad: PlacedBadRow[];
  /** Raw cells of each good row, when the job keeps them. */
  cells?: string[][];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

export type MappedMessage = MappedHeader | MappedRows;

/** Receives the messages; transfer lists the buffers the message may give away. */
export type MappedOut = (m: MappedMessage, transfer: ArrayBuffer[]) => void;

/** Rows per batch: small enough to keep the main thread responsive, large enough to post rarely. */
export const BATCH_ROWS = 4096;

/** A row's cells by header, as kept for review with a rejected row. */
export const cellsByHeader = (header: readonly string[], cells: readonly string[]): Record<string, string> =>
  Object.fromEntries(header.map((h, i) => [h || `#${i + 1}`, cells[i] ?? '']));

/** A RowSink (see readRows) that maps the rows it is given and sends them on in batches. */
export class MapRowsSink implements RowSink {
  private readonly file: string;
  private sheet?: string;
  private headerCells: string[] = [];
  private mapper?: RowMapper;
  private builder?: RowBatchBuilder;
  private rowNumbers: number[] = [];
  private bad: PlacedBadRow[] = [];
  private cells: string[][] = [];
  private values: Cell[] = [];
  private bytesRead = 0;

  constructor(
    private readonly job: MapJob,
    private readonly out: MappedOut,
  ) {
    this.file = job.file ?? basename(job.path);
  }

  header(cells: string[], row: number, info: SheetInfo): void {
    this.sheet = info.sheet;
    this.headerCells = cells;
    const fmt = { ...this.job.format, date1904: info.date1904 };
    const where = { file: this.file, sheet: info.sheet, row };
    const m = new RowMapper(canonicalTable(this.job.table), this.job.mapping, fmt, cells, where);
    this.mapper = m;
    this.builder = new RowBatchBuilder(m.kinds);
    this.values = new Array<Cell>(m.names.length);
    const { names, kinds, ignoredHeaders } = m;
    this.out({ type: 'header', sheet: info.sheet, row, header: cells, names, kinds, ignoredHeaders }, []);
  }

  rows(rows: string[][], firstRow: number): void {
    try {
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r]!;
        if (isBlank(cells)) continue;
        this.map(cells, firstRow + r);
        if (this.rowNumbers.length === BATCH_ROWS) this.send();
      }
    } finally {
      // The rows before a failure are sent first: the main thread handles them before the error,
      // as it would have read them.
      this.send();
    }
  }

  bytes(read: number): void {
    this.bytesRead = read;
  }

  private map(cells: string[], row: number): void {
    const limit = this.job.maxCellChars;
    for (let c = 0; c < cells.length; c++) {
      if (cells[c]!.length > limit) {
        throw cellTooLarge(
          { file: this.file, sheet: this.sheet, row, column: this.headerCells[c] || `#${c + 1}` },
          cells[c]!.length,
          limit,
          'A quote left open or a pasted document can do this: check the row in the export.',
        );
      }
    }
    if (this.job.checkControls) {
      const shape = { file: this.file, sheet: this.sheet, header: this.headerCells, delimiter: '' };
      const bad = controlError(shape, cells, row);
      if (bad) throw bad;
    }
    const problem = this.mapper!.map(cells, this.values, 0);
    if (problem) {
      const bad: BadRow = {
        message: `Invalid value: expected ${problem.expected}.`,
        where: { file: this.file, sheet: this.sheet, row, column: problem.column, value: cutInput(problem.value) },
        hint: problem.allowed
          ? `${this.job.table}.${columnOf(this.job, problem.column)} takes only ${problem.allowed.join(', ')}. Map the export's own values to them in the mapping profile ("values": {"${columnOf(this.job, problem.column)}": {"${cutInput(problem.value.trim(), 40)}": "${problem.allowed[0]}"}}), or correct the export.`
          : "Correct the export (or the mapping profile's formats) and import again.",
        cells: cellsByHeader(this.headerCells, cells),
      };
      this.bad.push({ before: this.rowNumbers.length, bad });
      return;
    }
    this.builder!.add(this.values);
    this.rowNumbers.push(row);
    if (this.job.keepCells) this.cells.push(cells);
  }

  private send(): void {
    if (this.rowNumbers.length === 0 && this.bad.length === 0) return;
    const batch = this.builder!.take();
    const rowNumbers = Float64Array.from(this.rowNumbers);
    const m: MappedRows = { type: 'rows', batch, rowNumbers, bad: this.bad, bytesRead: this.bytesRead };
    if (this.job.keepCells) m.cells = this.cells;
    this.rowNumbers = [];
    this.bad = [];
    this.cells = [];
    this.out(m, [...batchBuffers(batch), rowNumbers.buffer]);
  }
}

/** The canonical column a file header feeds (the header itself when no column reads it). */
function columnOf(job: MapJob, header: string): string {
  const hit = Object.entries(job.mapping.columns).find(([, h]) => h.toLowerCase() === header.toLowerCase());
  return hit ? hit[0] : header;
}
