// Reads one canonical table from a PostgreSQL query (issue 18 item 2): the connection's URL and
// the secret as password, one read-only transaction (REPEATABLE READ: every batch from the same
// snapshot of the source), the server's statement timeout, and the result streamed through a
// cursor in batches, so an L-size table never sits whole in memory. Every value arrives as the
// server's text and is written as a pulled cell by its column's type (pgCells.ts); a column of a
// type that has no cell (json, bytea, arrays...) is refused when the header arrives, a value that
// has none (NaN, infinity) at its row. Faults are told by pgErrors.ts.
import type pg from 'pg';
import type Cursor from 'pg-cursor';
import type { PostgresSource } from '../../shared/calls/sources';
import type { CanonicalTableName, SourceSystem } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import { envNameOf } from '../../shared/sync/secretNames';
import type { RowSink } from '../sources/readRows';
import { cancelQuery } from './pgCancel';
import { cellReader, type CellReader } from './pgCells';
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

/** Every value as the server's text: the type of each column is read from its OID instead. */
const AS_TEXT = { getTypeParser: () => (text: string) => text } as unknown as pg.CustomTypesConfig;

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
  Cursor: typeof Cursor;
}

/** pg and pg-cursor, loaded with the first PostgreSQL read rather than at every start of the app. */
async function pgLibraries(): Promise<PgLibraries> {
  const [{ default: lib }, { default: CursorClass }] = await Promise.all([import('pg'), import('pg-cursor')]);
  return { Client: lib.Client, Cursor: CursorClass };
}

/** One read: a connection, its transaction and its cursor, all closed whatever happens. */
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
    const cursor = this.client.query(
      new this.lib.Cursor<string[]>(query, undefined, { rowMode: 'array', types: AS_TEXT }),
    );
    const batch = Math.max(1, this.opts.batchRows ?? PG_BATCH_ROWS);
    let left = this.opts.maxRows ?? Infinity;
    let readers: CellReader[] | undefined;
    let next = 1;
    const fetch = () => {
      const want = Math.max(1, Math.min(batch, left));
      const got = readBatch(cursor, want).then((b) => ({ ...b, want }));
      // Settled by whoever awaits it, or by nobody when the read ends first: never unhandled.
      got.catch(() => {});
      return got;
    };
    let pending = fetch();
    try {
      for (;;) {
        if (signal.aborted) throw signal.reason;
        const { rows, fields, want } = await pending;
        if (signal.aborted) throw signal.reason;
        if (!readers) {
          readers = columnReaders(fields, types, this.ctx);
          sink.header(
            fields.map((f) => f.name),
            0,
            {},
          );
        }
        const take = rows.length > left ? rows.slice(0, left) : rows;
        left -= take.length;
        const last = rows.length < want || left <= 0;
        // The server produces the next batch while this one is written: one round trip hidden.
        if (!last) pending = fetch();
        if (take.length > 0) {
          sink.rows(toCells(take, fields, readers, next, this.ctx), next);
          next += take.length;
        }
        if (last) break;
      }
    } finally {
      // Also when a row is refused or the sink throws: the open portal holds the connection, and
      // the ROLLBACK after it would wait behind it for ever.
      await cursor.close().catch(() => {});
    }
  }

  /** Rolls back and closes, at the end, on an error and on abort; failing to is not the read's failure. */
  private async close(): Promise<void> {
    try {
      if (this.connected) await this.client.query('ROLLBACK').catch(() => {});
    } finally {
      await this.client.end().catch(() => {});
    }
  }
}

/** The next rows and the result's columns (known once the server has described the result). */
function readBatch(cursor: Cursor<string[]>, rows: number): Promise<{ rows: string[][]; fields: pg.FieldDef[] }> {
  return new Promise((resolve, reject) => {
    cursor.read(rows, (err, got, result) => {
      if (err) reject(err);
      else resolve({ rows: got, fields: result?.fields ?? [] });
    });
  });
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
