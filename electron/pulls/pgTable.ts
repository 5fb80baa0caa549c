// Reads one canonical table from a PostgreSQL query (issue 18 item 2): the connection's URL and
// the secret as password, one read-only transaction (REPEATABLE READ: every batch from the same
// snapshot of the source), the server's statement timeout. The query is described first
// (pgDescribe.ts: its columns' names and type OIDs, nothing run), then its rows streamed by
// `COPY (query) TO STDOUT` in text format (pgCopyText.ts) and handed on in batches, so an L-size
// table never sits whole in memory; COPY sends rows several times faster than the row protocol
// pg parses one message at a time. Every value arrives as the server's text and is written as a
// pulled cell by its column's type (pgCells.ts); a column of a type that has no cell (json, bytea,
// arrays...) is refused before a row is read, a value that has none (NaN, infinity) at its row.
// Faults are told by pgErrors.ts.
import type pg from 'pg';
import type { to as copyToFn } from 'pg-copy-streams';
import type { PostgresSource } from '../../shared/calls/sources';
import type { CanonicalTableName, SourceSystem } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import { envNameOf } from '../../shared/sync/secretNames';
import type { RowSink } from '../sources/readRows';
import { cancelQuery } from './pgCancel';
import { cellReader, type CellReader } from './pgCells';
import { CopyTextRows } from './pgCopyText';
import { describeQuery } from './pgDescribe';
import { pgClientConfig, pgFrom, pgTarget, type PgTarget } from './pgConnect';
import { pgError, type PgErrorContext } from './pgErrors';
import { TYPE_CATALOGUE_SQL, TypeCatalogue, type PgType } from './pgTypes';
import type { TableReader } from './tableReader';

export interface PgTableOptions {
  /** The database password. */
  secret: string | undefined;
  /** Stop after this many rows (test connection reads the first few). */
  maxRows?: number;
  /** The source system, to name its secret's environment variable in a credentials error. */
  source?: SourceSystem;
  /** Rows fetched per round trip (and per sink.rows call). */
  batchRows?: number;
}

/** Rows per fetch: few round trips, and a batch of an L table is a few megabytes at most. */
export const PG_BATCH_ROWS = 5000;

/** The query as COPY's source: "COPY (" + query + ") TO STDOUT", text format. */
const COPY_START = 'COPY (';

/**
 * A trailing semicolon ends a statement but cannot stand inside COPY's parentheses; the newline
 * before the closing one ends a -- comment on the query's last line.
 */
const copySql = (query: string): string => `${COPY_START}${query.replace(/[\s;]+$/, '')}\n) TO STDOUT`;

/**
 * The session as the cells expect it, for this transaction only: ISO dates, UTC, floats in
 * their shortest exact form whatever the server's defaults.
 */
const sessionSql = (timeoutSeconds: number): string =>
  [
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    `SET LOCAL statement_timeout = ${Math.round(timeoutSeconds * 1000)}`,
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    'SET LOCAL extra_float_digits = 1',
  ].join('; ');

export function pgTableReader(settings: PostgresSource, table: CanonicalTableName, opts: PgTableOptions): TableReader {
  const target = pgTarget(settings);
  const from = pgFrom(target, table);
  return {
    from,
    read: async (sink, signal) => {
      const query = settings.queries[table];
      const ctx: PgErrorContext = {
        from,
        table,
        target,
        query: query ?? '',
        statementTimeoutSeconds: settings.statementTimeoutSeconds,
        tls: settings.tls,
        source: opts.source ?? 'SOURCE',
        secretVariable: envNameOf(`source:${opts.source ?? 'SOURCE'}`),
        secret: opts.secret,
        aborted: false,
      };
      if (!query) {
        throw new AppError('import_failed', `The PostgreSQL source has no query for ${table}.`, {
          where: { file: from },
          hint: `Add a SELECT for ${table} to the source's queries, returning the columns its mapping profile names.`,
        });
      }
      const reading = new PgRead(await pgLibraries(), settings, target, opts, ctx);
      try {
        await reading.run(query, sink, signal);
      } catch (e) {
        ctx.aborted = signal.aborted;
        throw pgError(e, ctx);
      }
    },
  };
}

interface PgLibraries {
  Client: typeof pg.Client;
  copyTo: typeof copyToFn;
}

/** pg and pg-copy-streams, loaded with the first PostgreSQL read rather than at every start of the app. */
async function pgLibraries(): Promise<PgLibraries> {
  const [{ default: lib }, { to }] = await Promise.all([import('pg'), import('pg-copy-streams')]);
  return { Client: lib.Client, copyTo: to };
}

/** One read: a connection, its transaction and its COPY, all closed whatever happens. */
class PgRead {
  private readonly client: pg.Client;
  private connected = false;

  constructor(
    private readonly lib: PgLibraries,
    settings: PostgresSource,
    private readonly target: PgTarget,
    private readonly opts: PgTableOptions,
    private readonly ctx: PgErrorContext,
  ) {
    this.client = new lib.Client(pgClientConfig(settings, target, opts.secret));
    // A connection lost while idle between our calls is reported by the next call; without a
    // listener it would be an unhandled 'error' event.
    this.client.on('error', () => {});
  }

  async run(query: string, sink: RowSink, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    // Cancel what the server runs for us, and end the connection (a connect in progress fails).
    const onAbort = () => {
      void cancelQuery(this.client, this.target).finally(() => {
        if (!this.connected) void this.client.end().catch(() => {});
      });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await this.client.connect();
      this.connected = true;
      await this.client.query(sessionSql(this.ctx.statementTimeoutSeconds));
      const types = new TypeCatalogue((await this.client.query<PgType>(TYPE_CATALOGUE_SQL)).rows);
      if (signal.aborted) throw signal.reason;
      await this.stream(query, types, sink, signal);
    } finally {
      signal.removeEventListener('abort', onAbort);
      await this.close();
    }
  }

  private async stream(query: string, types: TypeCatalogue, sink: RowSink, signal: AbortSignal): Promise<void> {
    const fields = await describeQuery(this.client, query);
    if (signal.aborted) throw signal.reason;
    // No rows to describe: run it as written, so a write fails as the write it is (the
    // transaction is read-only); anything else that returns no rows has no columns.
    if (fields === null) await this.client.query(query);
    const readers = columnReaders(fields ?? [], types, this.ctx);
    sink.header(
      fields!.map((f) => f.name),
      0,
      {},
    );
    await this.copy(query, fields!, readers, sink);
  }

  /**
   * The rows by COPY in text format, in batches of `batchRows`, as the chunks arrive: never the
   * whole result in memory (the stream pauses the socket while a batch is written). Ended early
   * (maxRows, a refused value, the sink's error) the server is told to cancel and the rest of the
   * stream is read to its end, so the connection is free for the ROLLBACK.
   */
  private copy(query: string, fields: pg.FieldDef[], readers: CellReader[], sink: RowSink): Promise<void> {
    const copy = this.client.query(this.lib.copyTo(copySql(query)));
    // The server counts an error's position in the COPY statement: the query starts after "COPY (".
    this.ctx.positionOffset = COPY_START.length;
    const size = Math.max(1, this.opts.batchRows ?? PG_BATCH_ROWS);
    const lines = new CopyTextRows();
    let left = this.opts.maxRows ?? Infinity;
    let batch: (string | null)[][] = [];
    let next = 1;
    const flush = () => {
      if (batch.length === 0) return;
      const cells = toCells(batch, fields, readers, next, this.ctx);
      next += batch.length;
      batch = [];
      sink.rows(cells, next - cells.length);
    };
    return new Promise<void>((resolve, reject) => {
      /** Why the read ended before the stream did: a stop is then the server's answer to the cancel. */
      let stopped: { error: unknown } | null = null;
      const stop = (error: unknown) => {
        if (stopped) return;
        stopped = { error };
        void cancelQuery(this.client, this.target);
      };
      copy.on('data', (chunk: Buffer) => {
        if (stopped) return;
        try {
          for (const row of lines.push(chunk)) {
            if (row.length !== fields.length)
              throw new Error(`COPY sent ${row.length} values for ${fields.length} columns`);
            batch.push(row);
            left -= 1;
            if (batch.length === size || left === 0) flush();
            if (left === 0) return stop(null);
          }
        } catch (e) {
          stop(e);
        }
      });
      copy.on('error', (e) => (stopped ? settle(stopped.error) : reject(e)));
      copy.on('end', () => {
        if (stopped) return settle(stopped.error);
        try {
          if (lines.pending > 0) throw new Error('COPY ended in the middle of a row');
          flush();
          resolve();
        } catch (e) {
          reject(e);
        }
      });
      const settle = (error: unknown) => (error === null ? resolve() : reject(error));
    });
  }

  /** Rolls back and closes, at the end, on an error and on abort; failing to is not the read's failure. */
  private async close(): Promise<void> {
    try {
      // A cancel sent to stop a COPY that had already ended can land on the ROLLBACK instead:
      // the second one then goes through (a cancel stops one statement).
      if (this.connected) {
        await this.client
          .query('ROLLBACK')
          .catch(() => this.client.query('ROLLBACK'))
          .catch(() => {});
      }
    } finally {
      await this.client.end().catch(() => {});
    }
  }
}

/** A reader per column, or the refusal of the first column whose type has no cell. */
function columnReaders(fields: pg.FieldDef[], types: TypeCatalogue, ctx: PgErrorContext): CellReader[] {
  if (fields.length === 0) {
    throw new AppError('import_failed', `The query for ${ctx.table} returns no columns.`, {
      where: { file: ctx.from },
      hint: "Write a SELECT that returns the columns the table's mapping profile names.",
    });
  }
  const refused = fields.filter((f) => types.kindOf(f.dataTypeID) === null);
  if (refused.length > 0) {
    const first = refused[0]!;
    const type = types.nameOf(first.dataTypeID);
    const others =
      refused.length > 1
        ? ` (and ${refused.length - 1} more: ${refused
            .slice(1, 6)
            .map((f) => cutInput(f.name, 60))
            .join(', ')})`
        : '';
    const cast = type === 'money' ? 'numeric' : 'text';
    throw new AppError(
      'import_failed',
      `The query for ${ctx.table} returns column ${cutInput(first.name, 100)} of type ${type}, which a pull cannot read${others}.`,
      {
        where: { file: ctx.from, column: cutInput(first.name, 100) },
        hint: `Cast it in the query to a type that is read: ${quoteIdent(first.name)}::${cast} AS ${quoteIdent(first.name)} (text, numbers, dates, timestamps and booleans are read).`,
      },
    );
  }
  return fields.map((f) => cellReader(types.kindOf(f.dataTypeID)!));
}

/** The rows as cells; the first value that has no cell is refused with its row and column. */
function toCells(
  rows: (string | null)[][],
  fields: pg.FieldDef[],
  readers: CellReader[],
  firstRow: number,
  ctx: PgErrorContext,
): string[][] {
  // Written in place: each row is a fresh array of the driver's, and an L table has millions.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < readers.length; c++) {
      const cell = readers[c]!(row[c] ?? null);
      if (typeof cell !== 'string') {
        const column = cutInput(fields[c]!.name, 100);
        throw new AppError(
          'import_failed',
          `The query for ${ctx.table} returned a value a pull cannot read: expected ${cell.expected}.`,
          {
            where: { file: ctx.from, row: firstRow + r, column, value: cutInput(row[c] ?? '') },
            hint: `Leave such rows out or replace the value in the query (for example NULLIF(${quoteIdent(fields[c]!.name)}, 'NaN') or a WHERE clause), or correct it in the source system.`,
          },
        );
      }
      row[c] = cell;
    }
  }
  return rows as string[][];
}

/** A column name as SQL quotes it: "Qty", "Pack ""Size""". */
const quoteIdent = (name: string): string => `"${cutInput(name, 60).replaceAll('"', '""')}"`;
