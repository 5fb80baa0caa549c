// Which reader reads each table of a pull: for every table the source's mapping profile maps, the
// HTTP feed or the SQL query the connection names for it. A required table the connection has
// no URL or query for is refused before anything is read (a pull that reads half the tables
// would fail at the end anyway, after minutes); an optional one is left out, as a missing
// optional file is.
import type { HttpSource, PostgresSource } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import type { FileMapping, SourceProfile } from '../../shared/domain/profile';
import { httpTableReader } from './httpTable';
import { pgTableReader } from './pgTable';
import type { TableReader } from './tableReader';

export interface TableRead {
  mapping: FileMapping;
  reader: TableReader;
  /** An OData feed naming a modifiedSince field: a pull with `since` reads only the changed rows. */
  modifiedSince: boolean;
}

export interface ReaderOptions {
  /** The source system pulled: a credentials error names its secret's variable. */
  source: SourceSystem;
  secret: string | undefined;
  /** The last good pull's start, for tables read by modified-since; null reads everything. */
  since: string | null;
  /** Stop after this many rows per table (test connection). */
  maxRows?: number;
}

/** The first mapping of each table the profile maps (a connection has one URL or query per table). */
export function tablesOf(profile: SourceProfile): FileMapping[] {
  const seen = new Set<string>();
  return profile.files.filter((m) => !seen.has(m.table) && seen.add(m.table));
}

/** The reader of one table, or null when the connection names no URL or query for it. */
export function readerFor(
  settings: HttpSource | PostgresSource,
  mapping: FileMapping,
  opts: ReaderOptions,
): TableReader | null {
  const { table } = mapping;
  if (settings.kind === 'http') {
    if (!settings.tables[table]) return null;
    return httpTableReader(settings, table, mapping, {
      source: opts.source,
      secret: opts.secret,
      since: opts.since,
      maxRows: opts.maxRows,
    });
  }
  if (!settings.queries[table]) return null;
  return pgTableReader(settings, table, { secret: opts.secret, maxRows: opts.maxRows, source: opts.source });
}

/** Readers for every table the profile maps; refuses a required table without a URL or query. */
export function readersFor(
  source: SourceSystem,
  settings: HttpSource | PostgresSource,
  profile: SourceProfile,
  opts: ReaderOptions,
  make: typeof readerFor = readerFor,
): TableRead[] {
  const reads: TableRead[] = [];
  for (const mapping of tablesOf(profile)) {
    const reader = make(settings, mapping, opts);
    // Only OData has a standard filter: a plain JSON feed sends every row whatever `since` says,
    // and laying those over the previous rows would keep rows the source has deleted.
    const modifiedSince =
      settings.kind === 'http' && settings.odata && settings.tables[mapping.table]?.modifiedSince !== undefined;
    if (reader) reads.push({ mapping, reader, modifiedSince });
    else if (!mapping.optional) throw noReaderFor(source, settings, mapping);
  }
  return reads;
}

export function noReaderFor(
  source: SourceSystem,
  settings: HttpSource | PostgresSource,
  mapping: FileMapping,
): AppError {
  const what = settings.kind === 'http' ? 'URL' : 'query';
  return new AppError(
    'import_failed',
    `The ${source} connection has no ${what} for the ${mapping.table} table, which the mapping profile needs. Nothing was pulled.`,
    {
      where: { field: settings.kind === 'http' ? `tables.${mapping.table}` : `queries.${mapping.table}` },
      hint: `Set a ${what} for ${mapping.table} in the connection (Data page, "Pull from", or planroom source set ${source} --file SETTINGS.json), or mark the table optional in the mapping profile.`,
    },
  );
}

/** Whether the connection logs in with a secret it cannot do without. */
export const needsSecret = (settings: HttpSource | PostgresSource): boolean =>
  settings.kind === 'http' && settings.auth.kind !== 'none';
