// Table readers over the demo company's typed tables (demoTables.ts): what an HTTP feed or a
// PostgreSQL query of the demo would hand the pull, cells written in PULL_FORMAT. Not a database
// or a server: the pipeline after reading is what the pull tests look at.
import type { HttpSource, PostgresSource, SourceConnection } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import type { readerFor } from '../../electron/pulls/readersFor';
import type { TableReader } from '../../electron/pulls/tableReader';
import { demoTablesOf, type DemoTable, type DemoValue } from './demoTables';

const cell = (v: DemoValue): string => (v === null ? '' : String(v));

export interface DemoReaderOptions {
  /** Fail with an AppError after this many rows of `table`. */
  failAt?: { table: string; row: number };
  /** Change a cell: (table, row index, field) -> the new value, or undefined to keep it. */
  edit?: (table: string, row: number, field: string) => DemoValue | undefined;
  /** Every reader made, by table (to check what a test connection asked for). */
  made?: { table: string; maxRows?: number; since?: string | null }[];
}

/** `changedOnly`: as a feed asked for changed rows only, just the rows `edit` changes. */
export function demoReader(
  t: DemoTable,
  opts: DemoReaderOptions = {},
  maxRows = Infinity,
  changedOnly = false,
): TableReader {
  const from = `query for ${t.table}`;
  return {
    from,
    read(sink) {
      sink.header([...t.fields], 1, {});
      let batch: string[][] = [];
      let first = 1;
      let n = 0;
      for (const row of t.rows()) {
        if (n >= maxRows) break;
        if (opts.failAt?.table === t.table && n === opts.failAt.row) {
          sink.rows(batch, first + 1);
          return Promise.reject(
            new AppError('import_failed', 'The server closed the connection in the middle of the result.', {
              where: { file: from, row: n + 1 },
              hint: 'Pull again.',
            }),
          );
        }
        let changed = false;
        const edited = row.map((v, i) => {
          const e = opts.edit?.(t.table, n, t.fields[i]!);
          if (e !== undefined) changed = true;
          return cell(e === undefined ? v : e);
        });
        n += 1;
        if (changedOnly && !changed) continue;
        batch.push(edited);
        if (batch.length === 1000) {
          sink.rows(batch, first + 1);
          first += batch.length;
          batch = [];
        }
      }
      sink.rows(batch, first + 1);
      return Promise.resolve();
    },
  };
}

/** A PostgreSQL connection naming a query for every demo table of `source` (the queries are never run). */
export function demoConnection(source: SourceSystem): PostgresSource {
  const queries = Object.fromEntries(demoTablesOf(source, 'S').map((t) => [t.table, `SELECT * FROM ${t.table}`]));
  return {
    kind: 'postgres',
    url: `postgres://planroom@localhost:5432/${source.toLowerCase()}`,
    tls: 'disable',
    statementTimeoutSeconds: 60,
    queries,
  };
}

/** An HTTP connection naming a feed for every demo table of `source`; `modifiedSince` for the tables listed. */
export function demoHttpConnection(source: SourceSystem, modifiedSince: string[] = []): HttpSource {
  const tables = Object.fromEntries(
    demoTablesOf(source, 'S').map((t) => [
      t.table,
      {
        url: `http://127.0.0.1:9/${source.toLowerCase()}/${t.table}`,
        rowsPath: 'value',
        paging: { kind: 'none' as const },
        ...(modifiedSince.includes(t.table) ? { modifiedSince: 'ChangedAt' } : {}),
      },
    ]),
  );
  return { kind: 'http', odata: true, auth: { kind: 'none' }, timeoutSeconds: 5, retries: 0, maxPageMb: 8, tables };
}

/** A makeReader for pullSource / testSource: the demo's rows for each table the connection names. */
export function demoReaders(source: SourceSystem, opts: DemoReaderOptions = {}): typeof readerFor {
  const tables = demoTablesOf(source, 'S');
  return (settings: Exclude<SourceConnection, { kind: 'folder' }>, mapping, ro) => {
    const named = settings.kind === 'postgres' ? settings.queries[mapping.table] : settings.tables[mapping.table];
    const t = tables.find((x) => x.table === mapping.table);
    if (!named || !t) return null;
    opts.made?.push({ table: mapping.table, maxRows: ro.maxRows, since: ro.since });
    const changedOnly =
      settings.kind === 'http' && ro.since !== null && Boolean(settings.tables[mapping.table]?.modifiedSince);
    return demoReader(t, opts, ro.maxRows ?? Infinity, changedOnly);
  };
}
