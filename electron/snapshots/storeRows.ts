// The writing half of a file's import, on the main thread: the messages of mapRows.ts (from the
// import worker, or from the workbook path) into the table through multi-row INSERTs. Good and
// bad rows are taken in file order, so the bad rows are recorded (and the first error chosen) as
// if the file were read here; rows the database refuses are retried one by one and recorded.
import type { CanonicalTable } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import type { FileMapping } from '../../shared/domain/profile';
import type { WriteDb } from '../db/types';
import type { BadRows } from './badRows';
import { BatchInsert } from './batchInsert';
import type { Cell } from './coerce';
import { cellsByHeader, type MappedHeader, type MappedMessage, type MappedRows } from './mapRows';
import { RowBatchReader } from './rowBatch';

/** The cells of a row when the job does not keep them: only "skip bad rows" stores them. */
const NO_CELLS: readonly string[] = [];

export interface StoredFile {
  rows: number;
  sheet?: string;
  /** Headers of the file that no column reads. */
  ignoredColumns: string[];
}

export class FileStore {
  private where: { file: string; sheet?: string };
  private writer?: BatchInsert;
  private reader?: RowBatchReader;
  private ignoredColumns: string[] = [];
  private headerRow = 0;
  /** Good rows so far (some may yet be refused by the database). */
  private count = 0;
  private dataRows = 0;

  constructor(
    private readonly db: WriteDb,
    private readonly snapshotId: number,
    private readonly table: CanonicalTable,
    file: string,
    private readonly mapping: FileMapping,
    private readonly bad: BadRows,
    private readonly progress: (rows: number, bytesRead: number) => void,
  ) {
    this.where = { file };
  }

  take(m: MappedMessage): void {
    if (m.type === 'header') this.header(m);
    else this.rows(m);
  }

  /** Writes what is left and returns the file's outcome; call once the file was read. */
  finish(): StoredFile {
    this.writer?.finish();
    if (this.dataRows === 0 && !this.mapping.optional) {
      // A truncated or failed export often ends right after its header.
      throw new AppError('import_failed', 'The file has its header but no data rows.', {
        where: { ...this.where, row: this.headerRow },
        hint: 'Export it again. If the source truly has no rows here, mark the file optional in the mapping profile.',
      });
    }
    const rejected = this.writer?.rejected ?? 0;
    return { rows: this.count - rejected, sheet: this.where.sheet, ignoredColumns: this.ignoredColumns };
  }

  private header(m: MappedHeader): void {
    const where = { file: this.where.file, sheet: m.sheet };
    this.where = where;
    this.headerRow = m.row;
    this.ignoredColumns = m.ignoredHeaders;
    this.reader = new RowBatchReader(m.kinds);
    this.writer = new BatchInsert(this.db, this.table.name, this.snapshotId, m.names, (e, values, row, raw) => {
      const problem = keyError(e, this.table.key, m.names, values);
      this.bad.add({ ...problem, where: { ...where, row }, cells: cellsByHeader(m.header, raw) });
    });
  }

  private rows(m: MappedRows): void {
    const { batch, rowNumbers, bad, cells } = m;
    const reader = this.reader!;
    const writer = this.writer!;
    let b = 0;
    for (let r = 0; r < batch.length; r++) {
      while (b < bad.length && bad[b]!.before === r) this.bad.add(bad[b++]!.bad);
      if (!this.bad.stopping) writer.add(reader, batch, r, rowNumbers[r]!, cells?.[r] ?? NO_CELLS);
      this.count += 1;
    }
    while (b < bad.length) this.bad.add(bad[b++]!.bad);
    this.dataRows += batch.length + bad.length;
    this.progress(this.count, m.bytesRead);
  }
}

/** A row the database refused: a duplicate key, or another rule of the model. */
function keyError(
  e: unknown,
  key: readonly string[],
  names: string[],
  values: Cell[],
): { message: string; hint: string } {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const k = key.map((name) => `${name}=${cutInput(String(values[names.indexOf(name)]), 60)}`).join(', ');
    return {
      message: `Duplicate key (${k}): the same row appears twice.`,
      hint: 'Remove the duplicate row from the export.',
    };
  }
  if (code?.startsWith('SQLITE_CONSTRAINT')) {
    return {
      message: `Row breaks a rule of the model: ${(e as Error).message}.`,
      hint: 'Correct the row in the export.',
    };
  }
  throw e;
}
