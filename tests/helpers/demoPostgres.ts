// The demo company in a PostgreSQL database, for the pull tests and the bench: one table per
// source table (erp_items, wms_stock...), its columns named as the default profiles' headers and
// typed as a source database would type them (text, integer, numeric, date; weeks as text
// "2026-W49"; Y/N flags as text), loaded with COPY into unlogged tables. Each source comes
// with a complete PostgresSource whose queries select the profile's headers in the export's
// column order, read by a read-only user that logs in with a password. Size L (8.7M rows) loads in
// about 2.5 minutes on the 2-core test machine, most of it the demo generator itself.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PostgresSource } from '../../shared/calls/sources';
import { canonicalTable, SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import type { DemoSize } from '../../electron/demo/company';
import { demoTables, type DemoTable, type DemoValue } from './demoTables';
import type { TestPostgres } from './postgres';

export interface DemoPgTable extends DemoTable {
  /** The PostgreSQL table holding it: erp_items. */
  pgTable: string;
  /** Its rows. */
  count: number;
}

export interface DemoPostgres {
  database: string;
  /** The superuser's URL of the database (trust, no password). */
  adminUrl: string;
  /** The read-only user the sources' URLs name, and its password (the sources' secret). */
  reader: { name: string; password: string };
  /** Per source system, the connection that pulls its demo tables. */
  sources: Record<SourceSystem, PostgresSource>;
  tables: DemoPgTable[];
}

const READER = { name: 'planroom_reader', password: 'reader-pw-9c1e-not-logged' };

/** Loads the demo company of `size` into a new database `demo_<size>` (or `database`). */
export async function loadDemoPostgres(
  server: TestPostgres,
  size: DemoSize,
  opts: { database?: string; seed?: number } = {},
): Promise<DemoPostgres> {
  const database = opts.database ?? `demo_${size.toLowerCase()}`;
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    const hasReader = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [READER.name]);
    if (hasReader.rowCount === 0) {
      await admin.query(`CREATE ROLE ${READER.name} LOGIN PASSWORD '${READER.password}'`);
      await admin.query(`GRANT ${server.passwordGroup} TO ${READER.name}`);
      // Read-only twice over: SELECT rights only, and every transaction read-only by default.
      await admin.query(`ALTER ROLE ${READER.name} SET default_transaction_read_only = on`);
    }
  } finally {
    await admin.end();
  }
  const adminUrl = server.url(database);
  const db = new pg.Client({ connectionString: adminUrl });
  await db.connect();
  const tables: DemoPgTable[] = [];
  try {
    for (const t of demoTables(size, opts.seed)) {
      const pgTable = `${t.source.toLowerCase()}_${t.table}`;
      const types = columnTypes(t);
      const columns = t.fields.map((f, i) => `${ident(f)} ${types[i]}`).join(', ');
      // UNLOGGED: no write-ahead log for a table a test throws away; COPY into it is much cheaper.
      await db.query(`CREATE UNLOGGED TABLE ${pgTable} (row_no integer NOT NULL, ${columns})`);
      const count = await copyRows(db, pgTable, t);
      // The key after the load: building it once is faster than keeping it up row by row.
      await db.query(`ALTER TABLE ${pgTable} ADD PRIMARY KEY (row_no)`);
      tables.push({ ...t, pgTable, count });
    }
    await db.query(`GRANT CONNECT ON DATABASE ${database} TO ${READER.name}`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${READER.name}`);
    await db.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER.name}`);
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
  const url = `postgres://${READER.name}@127.0.0.1:${server.port}/${database}`;
  const sources = Object.fromEntries(
    SOURCE_SYSTEMS.map((source) => [
      source,
      sourceOf(
        url,
        tables.filter((t) => t.source === source),
      ),
    ]),
  ) as Record<SourceSystem, PostgresSource>;
  return { database, adminUrl, reader: { ...READER }, sources, tables };
}

/** The query that reads a demo table as its export file: the headers in order, in file order. */
export const demoQuery = (t: DemoPgTable): string =>
  `SELECT ${t.fields.map(ident).join(', ')} FROM ${t.pgTable} ORDER BY row_no`;

function sourceOf(url: string, tables: DemoPgTable[]): PostgresSource {
  return {
    kind: 'postgres',
    url,
    tls: 'disable',
    statementTimeoutSeconds: 600,
    queries: Object.fromEntries(tables.map((t) => [t.table, demoQuery(t)])),
  };
}

/** Each field's column type, from the canonical column it maps to. */
function columnTypes(t: DemoTable): string[] {
  const file = DEFAULT_PROFILES[t.source].files.find((f) => f.table === t.table)!;
  const canonical = canonicalTable(t.table);
  const byHeader = new Map(Object.entries(file.columns).map(([column, header]) => [header, column]));
  return t.fields.map((field) => {
    const type = canonical.columns.find((c) => c.name === byHeader.get(field))?.type;
    switch (type) {
      case 'int':
        return 'integer';
      case 'real':
        // numeric without a scale keeps each value's digits as written: 12.5 reads back "12.5".
        return 'numeric';
      case 'date':
        return 'date';
      default:
        // text, weeks ("2026-W49") and the exports' Y/N flags.
        return 'text';
    }
  });
}

async function copyRows(db: pg.Client, pgTable: string, t: DemoTable): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const row of t.rows()) {
      count += 1;
      lines.push(`${count}\t${row.map(copyValue).join('\t')}\n`);
      if (lines.length === 10_000) {
        yield lines.join('');
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join('');
  }
  const columns = ['row_no', ...t.fields].map(ident).join(', ');
  await pipeline(Readable.from(chunks()), db.query(copyFrom(`COPY ${pgTable} (${columns}) FROM STDIN`)));
  return count;
}

/** A value in COPY's text format: \N for null, backslash escapes for the few special characters. */
function copyValue(v: DemoValue): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/** A header as a quoted SQL name: "Material", "Pack ""Size""". */
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
