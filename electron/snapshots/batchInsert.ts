// Inserts canonical rows in multi-row INSERT statements (one statement per BATCH rows cuts the
// per-call cost that dominates bulk loads). When a batch fails, its rows are retried one by one
// so the error names the exact row; the caller's transaction then rolls everything back.
import type Database from 'better-sqlite3';
import type { WriteDb } from '../db/types';
import type { Cell } from './coerce';

export const BATCH = 64;

export class BatchInsert {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly width: number;
  private values: Cell[] = [];
  private rowNumbers: number[] = [];

  constructor(
    db: WriteDb,
    table: string,
    columns: string[],
    /** Turns a failure of one row into the error to report (with its row number). */
    private readonly onRowError: (e: unknown, values: Cell[], row: number) => unknown,
  ) {
    this.width = columns.length;
    const tuple = `(${Array.from({ length: columns.length }, () => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(head + Array.from({ length: BATCH }, () => tuple).join(', '));
    this.one = db.prepare(head + tuple);
  }

  /** Adds one row (values in column order); `row` is its number in the source file. */
  add(values: readonly Cell[], row: number): void {
    for (const v of values) this.values.push(v);
    this.rowNumbers.push(row);
    if (this.rowNumbers.length === BATCH) this.flushBatch();
  }

  private flushBatch(): void {
    try {
      this.many.run(this.values);
    } catch {
      // The statement failed as a whole: find the row, one at a time.
      this.flushRows();
    }
    this.values = [];
    this.rowNumbers = [];
  }

  private flushRows(): void {
    for (let r = 0; r < this.rowNumbers.length; r++) {
      const row = this.values.slice(r * this.width, (r + 1) * this.width);
      try {
        this.one.run(row);
      } catch (e) {
        throw this.onRowError(e, row, this.rowNumbers[r]!);
      }
    }
  }

  /** Writes what is left; call once at the end of the file. */
  finish(): void {
    this.flushRows();
    this.values = [];
    this.rowNumbers = [];
  }
}
