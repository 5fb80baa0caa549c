// Checks on raw rows shared by the CSV reader, the workbook worker and the importer. A module of
// its own so the worker bundle does not pull in the readers.
import { AppError, type ErrorWhere } from '../../shared/domain/errors';

/** A row with nothing in it: an empty line, or a line of only delimiters and spaces. */
export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** The error for a cell over the size limit; the hint says what likely caused it in this kind of file. */
export function cellTooLarge(where: ErrorWhere, length: number, limit: number, hint: string): AppError {
  return new AppError(
    'import_failed',
    `A cell holds ${length.toLocaleString('en')} characters, over the limit of ${limit.toLocaleString('en')}.`,
    { where, hint },
  );
}
