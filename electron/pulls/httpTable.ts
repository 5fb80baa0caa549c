// Reads one canonical table from an HTTP JSON or OData v4 feed (issue 18 item 1). Not built yet:
// the helper building it replaces this file.
import type { HttpSource } from '../../shared/calls/sources';
import type { CanonicalTableName } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import type { FileMapping } from '../../shared/domain/profile';
import type { TableReader } from './tableReader';

export interface HttpTableOptions {
  /** The token, password or API key (auth kind bearer, basic, api-key). */
  secret: string | undefined;
  /** Ask only for rows changed after this time (ISO), when the table names a modifiedSince field. */
  since: string | null;
  /** Stop after this many rows (test connection reads the first few). */
  maxRows?: number;
}

export function httpTableReader(
  settings: HttpSource,
  table: CanonicalTableName,
  mapping: FileMapping,
  opts: HttpTableOptions,
): TableReader {
  void settings;
  void mapping;
  void opts;
  return {
    from: `the ${table} feed`,
    read: () => Promise.reject(new AppError('import_failed', 'HTTP sources are not built yet.')),
  };
}
