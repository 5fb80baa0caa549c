// Reads one canonical table from an HTTP JSON or OData v4 feed (issue 18 item 1): page after
// page (httpPages.ts), each fetched with its retries and limits (httpFetch.ts), each row a JSON
// object whose fields are cells (jsonCells.ts). The header is the mapping's source fields found
// in the first rows, then the first row's other fields, so the import's own header check names
// a field the feed lacks as it names a missing column of a file. Rows are numbered from 1 across
// pages and handed on a page (at most BATCH rows) at a time; the next page is asked for while
// one is mapped (httpPages.ts), so at most two are held at once.
import type { HttpSource, HttpTable } from '../../shared/calls/sources';
import type { CanonicalTableName, SourceSystem } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import { headersOf } from '../../shared/domain/mappingHeaders';
import type { FileMapping } from '../../shared/domain/profile';
import type { RowSink } from '../sources/readRows';
import { feedAuth } from './httpAuth';
import { abortableWait, getJson, type FetchContext } from './httpFetch';
import { feedPages, firstPageUrl } from './httpPages';
import { shownUrl } from './httpUrl';
import { jsonCell } from './jsonCells';
import { odataFirstUrl } from './odataQuery';
import type { TableReader } from './tableReader';

/** Rows handed to the sink at once (a larger page is split). */
const BATCH = 5000;
/** Rows of the first page looked at for the mapping's fields. */
const HEADER_ROWS = 100;

export interface HttpTableOptions {
  /** The source system pulled: a missing secret's hint names its variable and CLI command. */
  source?: SourceSystem;
  /** The token, password or API key (auth kind bearer, basic, api-key). */
  secret: string | undefined;
  /** Ask only for rows changed after this time (ISO), when the table names a modifiedSince field. */
  since: string | null;
  /** Stop after this many rows (test connection reads the first few). */
  maxRows?: number;
  /** The wait before a retry (tests pass one that records and returns at once). */
  wait?: FetchContext['wait'];
  /** Told of each retry and how long it waits (for a progress line or the log). */
  onRetry?: FetchContext['onRetry'];
  /** Bytes of JSON read so far, for progress. */
  onBytes?(bytes: number): void;
}

export function httpTableReader(
  settings: HttpSource,
  table: CanonicalTableName,
  mapping: FileMapping,
  opts: HttpTableOptions,
): TableReader {
  const feed = settings.tables[table];
  // A key put in the URL under a name shownUrl does not know is still never shown.
  const shown = feed ? `GET ${shownUrl(feed.url)}` : `the ${table} feed`;
  const from = opts.secret ? shown.split(opts.secret).join('***') : shown;
  return {
    from,
    read: async (sink, signal) => {
      if (!feed) {
        throw new AppError('import_failed', `The connection has no URL for the ${table} table.`, {
          where: { file: from },
          hint: `Add the ${table} table's URL, rows path and paging to the source's connection.`,
        });
      }
      await readFeed(settings, feed, mapping, opts, from, sink, signal);
    },
  };
}

async function readFeed(
  settings: HttpSource,
  feed: HttpTable,
  mapping: FileMapping,
  opts: HttpTableOptions,
  from: string,
  sink: RowSink,
  signal: AbortSignal,
): Promise<void> {
  if (feed.modifiedSince && !settings.odata) {
    throw new AppError(
      'import_failed',
      'Modified-since is set for a plain JSON feed; only OData feeds can be asked for changed rows.',
      {
        where: { file: from, field: 'modifiedSince', value: cutInput(feed.modifiedSince, 100) },
        hint: "Remove the table's modified-since field (each pull then reads the whole table), or turn OData on if the service is an OData v4 service.",
      },
    );
  }
  const auth = feedAuth(settings, opts.secret, from, opts.source);
  // Stops the page asked ahead when the read ends early (maxRows, a refused row, the sink's error).
  const done = new AbortController();
  const ctx: FetchContext = {
    settings,
    auth,
    from,
    signal: AbortSignal.any([signal, done.signal]),
    wait: opts.wait ?? abortableWait,
    random: Math.random,
    onRetry: opts.onRetry,
  };
  let bytes = 0;
  const get = async (url: string, label: string): Promise<unknown> => {
    const page = await getJson(url, label, ctx);
    bytes += page.bytes;
    opts.onBytes?.(bytes);
    return page.json;
  };
  const url = settings.odata ? odataFirstUrl(feed, mapping, opts.since) : feed.url;
  const wanted = headersOf(mapping);
  const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const page of feedPages(firstPageUrl(url, feed), feed, get, from, { maxRows: opts.maxRows })) {
      const rows = page.rows.slice(0, Math.max(0, max - row));
      if (header === null && rows.length > 0) {
        header = headerOf(rows, wanted, settings.odata, row + 1, from);
        sink.header(header, 0, {});
      }
      for (let i = 0; i < rows.length; i += BATCH) {
        const part = rows.slice(i, i + BATCH);
        sink.rows(
          part.map((r, j) => cellsOf(r, header!, row + i + j + 1, from)),
          row + i + 1,
        );
      }
      row += rows.length;
      if (row >= max) break;
    }
  } finally {
    done.abort();
  }
  // A feed with no rows: the mapping's fields as its header, so the import says "no rows".
  if (header === null) sink.header(wanted, 0, {});
}

/** The mapping's fields the first rows have (in the mapping's order), then the first row's others. */
function headerOf(rows: unknown[], wanted: string[], odata: boolean, firstRow: number, from: string): string[] {
  const first = rows.slice(0, HEADER_ROWS).map((r, i) => objectOf(r, firstRow + i, from));
  const found = wanted.filter((h) => first.some((r) => Object.hasOwn(r, h)));
  const known = new Set(found);
  // OData annotations (@odata.etag, Price@odata.type) are about the row, not fields of it.
  const others = Object.keys(first[0]!).filter((k) => !known.has(k) && !(odata && k.includes('@')));
  return [...found, ...others];
}

function cellsOf(r: unknown, header: string[], row: number, from: string): string[] {
  const o = objectOf(r, row, from);
  return header.map((field) => jsonCell(Object.hasOwn(o, field) ? o[field] : undefined, { file: from, row, field }));
}

function objectOf(r: unknown, row: number, from: string): Record<string, unknown> {
  if (r !== null && typeof r === 'object' && !Array.isArray(r)) return r as Record<string, unknown>;
  const what = r === null ? 'null' : Array.isArray(r) ? 'an array' : `a ${typeof r}`;
  throw new AppError('import_failed', `Wrong row shape: row ${row} is ${what}, not an object with fields.`, {
    where: { file: from, row, value: cutInput(JSON.stringify(r) ?? String(r)) },
    hint: 'Each row of the feed must be a JSON object ({"Material": "A-100", ...}): check the table\'s rows path, or ask the system owner for rows as objects.',
  });
}
