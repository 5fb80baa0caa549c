// The one shape every pull reader has (issue 18): an HTTP/OData feed (httpTable.ts) or a
// PostgreSQL query (pgTable.ts) read as the rows of one canonical table, handed to the same
// RowSink a file import feeds (electron/sources/readRows.ts), so mapping, validation and storing
// are the file import's own (electron/pulls/pullSource.ts).
//
// Cells are text, written the one way PULL_FORMAT reads: numbers as JSON writes them ('.' for
// decimals, no thousands separator; numbers sent as strings pass as they are), dates as
// yyyy-MM-dd, a date-time as yyyy-MM-dd HH:mm:ss as written in the source (its own offset), true
// and false for booleans, '' for null or a missing field. The header is the fields (JSON) or
// result columns (SQL) in a fixed order; `row` numbers count records from 1 in the feed or result.
import type { ValueFormat } from '../../shared/domain/profile';
import type { RowSink } from '../sources/readRows';

export interface TableReader {
  /** Where the rows come from, as errors and progress name it: "GET https://erp/odata/Items", "query for items". */
  readonly from: string;
  /**
   * Reads every row into `sink`: header once, then batches. Rejects with an AppError that says
   * what, where (file: `from`, row, column, value) and what to do; stops when `signal` aborts.
   */
  read(sink: RowSink, signal: AbortSignal): Promise<void>;
}

/** How pulled cells are written (see above), whatever the profile says its export files write. */
export const PULL_FORMAT: ValueFormat = {
  decimal: '.',
  thousands: '',
  dateFormats: ['yyyy-MM-dd', 'yyyy-MM-dd HH:mm:ss'],
};
