// Reads one canonical table from a PostgreSQL query (issue 18 item 2). Not built yet: the helper
// building it replaces this file.
import type { PostgresSource } from '../../shared/calls/sources';
import type { CanonicalTableName } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import type { TableReader } from './tableReader';

export interface PgTableOptions {
  /** The database password. */
  secret: string | undefined;
  /** Stop after this many rows (test connection reads the first few). */
  maxRows?: number;
}

export function pgTableReader(settings: PostgresSource, table: CanonicalTableName, opts: PgTableOptions): TableReader {
  void settings;
  void opts;
  return {
    from: `query for ${table}`,
    read: () => Promise.reject(new AppError('import_failed', 'PostgreSQL sources are not built yet.')),
  };
}
