// The bad rows of one source import. By default every bad row is collected (up to a bound) and
// the import then stops with all of them, nothing written; with "skip bad rows" they are kept in
// rejected_rows with their reason and the good rows are imported, up to a bound past which the
// export (or its mapping) is wrong as a whole and the import stops.
import { AppError, type ErrorWhere } from '../../shared/domain/errors';
import type { WriteDb } from '../db/types';

export interface BadRow {
  message: string;
  where: ErrorWhere & { file: string; row: number };
  hint?: string;
  /** The row's cells by header, kept for review when skipping. */
  cells?: Record<string, string>;
}

export interface BadRowLimits {
  /** Errors listed when the import stops. */
  maxListed: number;
  /** Rows that may be skipped before the import stops anyway. */
  maxRejected: number;
}

export const DEFAULT_BAD_ROW_LIMITS: BadRowLimits = { maxListed: 100, maxRejected: 10_000 };
const MAX_KEPT_CELL = 500;

export class BadRows {
  private readonly listed: BadRow[] = [];
  private total = 0;
  private readonly insert;

  constructor(
    private readonly db: WriteDb,
    private readonly snapshotId: number,
    private readonly skip: boolean,
    private readonly limits: BadRowLimits,
  ) {
    this.insert = db.prepare(
      `INSERT INTO rejected_rows (snapshot_id, seq, file, sheet, row_number, column_name, value, reason, cells)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  get count(): number {
    return this.total;
  }

  /** True once rows must no longer be written: the import will stop. */
  get stopping(): boolean {
    return !this.skip && this.total > 0;
  }

  add(bad: BadRow): void {
    this.total += 1;
    if (this.skip) {
      if (this.total > this.limits.maxRejected) {
        throw new AppError(
          'import_failed',
          `More than ${this.limits.maxRejected.toLocaleString('en')} bad rows: this is not a few bad rows, the export or its mapping is wrong. Nothing was imported.`,
          { where: bad.where, hint: `The first: ${bad.message} Fix the mapping profile or the export.` },
        );
      }
      const cells = Object.fromEntries(
        Object.entries(bad.cells ?? {}).map(([k, v]) => [
          k,
          v.length > MAX_KEPT_CELL ? `${v.slice(0, MAX_KEPT_CELL)}…` : v,
        ]),
      );
      const w = bad.where;
      this.insert.run(
        this.snapshotId,
        this.total,
        w.file,
        w.sheet ?? null,
        w.row,
        w.column ?? null,
        w.value?.slice(0, MAX_KEPT_CELL) ?? null,
        bad.message,
        JSON.stringify(cells),
      );
      return;
    }
    this.listed.push(bad);
    if (this.listed.length >= this.limits.maxListed) this.throwIfAny(true);
  }

  /** In stop mode, the error listing every bad row found (bounded); nothing to do otherwise. */
  throwIfAny(truncated = false): void {
    if (this.skip || this.total === 0) return;
    const first = this.listed[0]!;
    const more = this.total - 1;
    const tail = truncated
      ? ` and at least ${more} more bad rows (listing stopped at ${this.limits.maxListed})`
      : ` and ${more} more bad row${more === 1 ? '' : 's'}`;
    throw new AppError('import_failed', more === 0 ? first.message : `${first.message.replace(/\.$/, '')} —${tail}.`, {
      where: first.where,
      hint: `${first.hint ?? 'Correct the export and import again.'} Nothing was imported${more > 0 ? '; or import with "skip bad rows" to keep them aside for review' : ''}.`,
      details: this.listed.map((b) => ({ message: b.message, where: b.where })),
    });
  }
}
