// The OData v4 query options a table's first request carries: $select with the fields the
// mapping profile reads (a service then sends only those), and, for an incremental pull, $filter
// "<modifiedSince> gt <since>" with the time as a DateTimeOffset literal, joined with a $filter
// the URL already has. Plain JSON feeds have no standard filter: modified-since is OData's only.
import type { HttpTable } from '../../shared/calls/sources';
import { AppError, cutInput } from '../../shared/domain/errors';
import { headersOf } from '../../shared/domain/mappingHeaders';
import type { FileMapping } from '../../shared/domain/profile';
import { paramOf, withParams } from './httpUrl';

/** An OData DateTimeOffset literal (written bare in a $filter): 2026-12-01T10:00:00.000Z. */
export function odataDateTimeOffset(iso: string): string {
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(t)) {
    throw new AppError('import_failed', `The last pull time "${cutInput(iso, 60)}" is not a date-time.`, {
      hint: 'Pull the whole table once (clear the last good pull) so the next incremental pull has a time to start from.',
    });
  }
  return new Date(t).toISOString();
}

/** The $select list: the source fields the mapping reads, comma-separated. */
export const odataSelect = (mapping: FileMapping): string => headersOf(mapping).join(',');

/** The table URL with $select and, when `since` is set and the table names its field, $filter. */
export function odataFirstUrl(table: HttpTable, mapping: FileMapping, since: string | null): string {
  const params: [string, string][] = [['$select', odataSelect(mapping)]];
  if (since !== null && table.modifiedSince) {
    const changed = `${table.modifiedSince} gt ${odataDateTimeOffset(since)}`;
    const own = paramOf(table.url, '$filter');
    params.push(['$filter', own ? `(${own}) and ${changed}` : changed]);
  }
  return withParams(table.url, params);
}
