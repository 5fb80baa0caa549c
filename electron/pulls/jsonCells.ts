// One JSON value of a feed's row as the cell text every pull reader writes (PULL_FORMAT in
// tableReader.ts), so the mapping profile reads a pulled row exactly as it reads a CSV line:
// numbers as JSON writes them, numeric strings as they are (OData's IEEE754Compatible=true sends
// Edm.Decimal and Edm.Int64 as strings), an Edm.Date as it is, an Edm.DateTimeOffset as the date
// and time written in it (the source's own clock; its offset and fractions dropped), booleans as
// true/false, null or a missing field as ''. An object or an array is not a cell: refused by row
// and field.
import { AppError, cutInput } from '../../shared/domain/errors';

/** 2026-12-01T10:00:00+02:00, ...Z, with fractions, or without an offset (local time). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/i;

export interface CellWhere {
  /** The reader's `from`: "GET https://erp.example/odata/Items". */
  file: string;
  row: number;
  field: string;
}

/** A date-time as written, as yyyy-MM-dd HH:mm:ss; other text as it is. */
export function dateTimeText(text: string): string {
  // Most cells are not date-times: the position of the T says so before the pattern is tried.
  if (text.length < 16 || (text.charCodeAt(10) | 0x20) !== 0x74) return text;
  const m = DATE_TIME.exec(text);
  return m ? `${m[1]} ${m[2]}:${m[3] ?? '00'}` : text;
}

export function jsonCell(value: unknown, where: CellWhere): string {
  switch (typeof value) {
    case 'undefined':
      return '';
    case 'string':
      return dateTimeText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // JSON cannot hold them; a feed built by hand (or a bug) can still hand them over.
      if (!Number.isFinite(value)) throw badCell(String(value), 'a number JSON cannot hold', where);
      return String(value);
    default:
      if (value === null) return '';
      throw badCell(
        JSON.stringify(value) ?? String(value),
        Array.isArray(value) ? 'a JSON array' : 'a JSON object',
        where,
      );
  }
}

function badCell(shown: string, what: string, where: CellWhere): AppError {
  return new AppError('import_failed', `Row ${where.row} holds ${what} in a field, not a value.`, {
    where: { file: where.file, row: where.row, field: where.field, value: cutInput(shown) },
    hint: 'Each mapped field must be a text, number, date, boolean or null: ask the system owner for a flat feed, or point the mapping at a field that holds a plain value.',
  });
}
