// The PostgreSQL reader (electron/pulls/pgTable.ts) against a real PostgreSQL that this file
// starts and stops, loaded with the demo company (tests/helpers/demoPostgres.ts): every demo
// table reads back as its export file, a large result arrives in batches, types map by OID, and
// every fault (refused connection, refused credentials, a query error with its line and column,
// the server's statement timeout, a write, a type or a value without a cell, TLS, an abort) is
// an error that says what, where and what to do, without the password.
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import { pgTableReader, type PgTableOptions } from '../../electron/pulls/pgTable';
import type { TableReader } from '../../electron/pulls/tableReader';
import { DEFAULT_LIMITS, readRows, type RowSink } from '../../electron/sources/readRows';
import type { PostgresSource } from '../../shared/calls/sources';
import type { CanonicalTableName } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import { spreadsheetValue } from '../../shared/domain/spreadsheetText';
import { loadDemoPostgres, type DemoPostgres } from '../helpers/demoPostgres';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';

interface Read {
  header: string[];
  headerRow: number;
  rows: string[][];
  /** Each sink.rows call: its first row number and its length. */
  batches: { firstRow: number; length: number }[];
}

/** A sink that keeps what it is given (small results only). */
function collector(): RowSink & { got: Read } {
  const got: Read = { header: [], headerRow: -1, rows: [], batches: [] };
  return {
    got,
    header(cells, row) {
      got.header = cells;
      got.headerRow = row;
    },
    rows(rows, firstRow) {
      got.batches.push({ firstRow, length: rows.length });
      for (const r of rows) got.rows.push(r);
    },
  };
}

async function readAll(reader: TableReader, signal = new AbortController().signal): Promise<Read> {
  const sink = collector();
  await reader.read(sink, signal);
  return sink.got;
}

/** The AppError a read rejects with. */
async function failure(reader: TableReader, sink: RowSink = collector(), signal?: AbortSignal): Promise<AppError> {
  const e = await reader.read(sink, signal ?? new AbortController().signal).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The cell the demo's export file holds for a value. */
const fileCell = (v: string | number | null): string => (v === null ? '' : String(spreadsheetValue(v)));

describe.skipIf(!postgresBin())('PostgreSQL table reader', () => {
  const dir = tempDir('planroom-pg-', 'all');
  let server: TestPostgres;
  let demo: DemoPostgres;
  let admin: pg.Client;
  /** Every error seen, to check none carries a password. */
  const errors: AppError[] = [];

  /** The ERP demo connection with `query` for items, read as the read-only user. */
  const erp = (query: string, change: Partial<PostgresSource> = {}): PostgresSource => ({
    ...demo.sources.ERP,
    ...change,
    queries: { items: query },
  });
  const reader = (settings: PostgresSource, opts: Partial<PgTableOptions> = {}, table: CanonicalTableName = 'items') =>
    pgTableReader(settings, table, { secret: demo.reader.password, source: 'ERP', ...opts });
  const fail = async (r: TableReader, sink?: RowSink, signal?: AbortSignal) => {
    const e = await failure(r, sink, signal);
    errors.push(e);
    expect(e.code).toBe('import_failed');
    expect(e.where?.file).toBe(r.from);
    return e;
  };

  beforeAll(async () => {
    server = await startPostgres();
    demo = await loadDemoPostgres(server, 'S');
    admin = new pg.Client({ connectionString: demo.adminUrl });
    await admin.connect();
    await admin.query('CREATE TABLE big (n integer, half numeric, at timestamptz)');
    await admin.query(
      "INSERT INTO big SELECT g, g / 2.0, timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute' FROM generate_series(1, 60000) g",
    );
    await admin.query(`GRANT SELECT ON big TO ${demo.reader.name}`);
  }, 180_000);

  afterAll(async () => {
    await admin?.end();
    server?.stop();
  });

  it('reads every demo table of size S as its export file: the same header, row count and cells', async () => {
    expect(demo.tables.length).toBe(Object.values(DEFAULT_PROFILES).flatMap((p) => p.files).length);
    for (const t of demo.tables) {
      const settings = demo.sources[t.source];
      const got = await readAll(pgTableReader(settings, t.table, { secret: demo.reader.password }));
      expect(got.header, t.pgTable).toEqual(t.fields);
      expect(got.rows.length, t.pgTable).toBe(t.count);
      expect(got.rows.length, t.pgTable).toBeGreaterThan(0);
      let i = 0;
      for (const row of t.rows()) {
        const cells = row.map(fileCell);
        if (got.rows[i]!.join('\u0001') !== cells.join('\u0001'))
          expect(got.rows[i], `${t.pgTable} row ${i + 1}`).toEqual(cells);
        i += 1;
      }
      expect(got.batches[0]?.firstRow).toBe(1);
    }
  }, 120_000);

  it('reads the same cells as the CSV files `planroom demo` writes', async () => {
    const out = join(dir, 'demo');
    const files = await generateDemo({ size: 'S', out });
    let compared = 0;
    for (const f of files.filter((g) => g.path.endsWith('.csv'))) {
      const t = demo.tables.find((d) => d.source === f.source && d.table === f.table)!;
      const fromFile = collector();
      await readRows(f.path, fromFile, {
        csv: DEFAULT_PROFILES[f.source].csv,
        expectedHeaders: t.fields,
        limits: DEFAULT_LIMITS,
      });
      const pulled = await readAll(pgTableReader(demo.sources[t.source], t.table, { secret: demo.reader.password }));
      expect(pulled.header).toEqual(fromFile.got.header);
      expect(pulled.rows).toEqual(fromFile.got.rows);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(5);
  }, 120_000);

  it('streams a large result in batches of at most 5,000 rows, numbered from 1', async () => {
    const got = await readAll(reader(erp('SELECT n, half, at FROM big ORDER BY n')));
    expect(got.header).toEqual(['n', 'half', 'at']);
    expect(got.rows.length).toBe(60_000);
    expect(got.batches.length).toBe(12);
    expect(got.batches.every((b) => b.length <= 5000)).toBe(true);
    expect(got.batches.map((b) => b.firstRow).slice(0, 3)).toEqual([1, 5001, 10001]);
    expect(got.rows[0]).toEqual(['1', '0.5', '2026-01-01 00:01:00']);
    expect(got.rows[59_999]).toEqual(['60000', '30000', '2026-02-11 16:00:00']);
  });

  it('stops after maxRows (test connection), and reads a result without rows as its header', async () => {
    const first = await readAll(reader(erp('SELECT n FROM big ORDER BY n'), { maxRows: 7 }));
    expect(first.rows).toEqual(['1', '2', '3', '4', '5', '6', '7'].map((n) => [n]));
    const none = await readAll(reader(erp('SELECT n, half FROM big WHERE n < 0')));
    expect(none).toMatchObject({ header: ['n', 'half'], rows: [], headerRow: 0 });
  });

  it('maps each type by its OID: numbers as JSON writes them, dates, UTC date-times, booleans, NULL as empty', async () => {
    await admin.query('CREATE EXTENSION IF NOT EXISTS citext');
    await admin.query("CREATE TYPE order_status AS ENUM ('open', 'shipped')");
    await admin.query('CREATE DOMAIN qty AS numeric CHECK (VALUE >= 0)');
    const query = `SELECT 1::int2 AS a, 2::int4 AS b, 9007199254740993::int8 AS c, 12.50::numeric(10,2) AS d,
      1.5::float4 AS e, 1e20::float8 AS f, 'x'::text AS g, 'y'::varchar(5) AS h, 'P1'::char(4) AS i,
      'n'::name AS j, '5f0c6ad6-2c2c-4c3b-9a7e-2d2b1b1f7a10'::uuid AS k, date '2026-12-01' AS l,
      timestamp '2026-12-01 09:30:15.75' AS m, timestamptz '2026-12-01 09:30:15+01' AS n, true AS o,
      false AS p, NULL::int AS q, NULL::text AS r, 'Mixed'::citext AS s, 'open'::order_status AS t, 3.0::qty AS u`;
    const got = await readAll(reader(erp(query)));
    expect(got.header).toEqual('abcdefghijklmnopqrstu'.split(''));
    expect(got.rows).toEqual([
      [
        '1',
        '2',
        '9007199254740993',
        '12.5',
        '1.5',
        '100000000000000000000',
        'x',
        'y',
        'P1  ',
        'n',
        '5f0c6ad6-2c2c-4c3b-9a7e-2d2b1b1f7a10',
        '2026-12-01',
        '2026-12-01 09:30:15',
        '2026-12-01 08:30:15',
        'true',
        'false',
        '',
        '',
        'Mixed',
        'open',
        '3',
      ],
    ]);
  });

  it('reads text with tabs, newlines and backslashes, the text \\N, an empty text and NULL as written', async () => {
    const query = String.raw`SELECT E'a\tb\nc\\d\re' AS "Odd", '\N' AS "Lit", '' AS "Empty", NULL::text AS "Null", 'Zürich €' AS "Utf8"`;
    const got = await readAll(reader(erp(query)));
    expect(got.rows).toEqual([['a\tb\nc\\d\re', '\\N', '', '', 'Zürich €']]);
    // A query ending in a semicolon or a comment reads as it would on its own.
    for (const q of ['SELECT 1 AS x;  ', 'SELECT 1 AS x -- the last line']) {
      expect((await readAll(reader(erp(q)))).rows).toEqual([['1']]);
    }
  });

  it('refuses a connection refused, naming host and port and what to check', async () => {
    const port = await freePort();
    const e = await fail(reader(erp('SELECT 1', { url: `postgres://planroom_reader@127.0.0.1:${port}/demo_s` })));
    expect(e.message).toContain(`127.0.0.1:${port} refused the connection`);
    expect(e.hint).toMatch(/host and port.*firewall or VPN/);
  });

  it('refuses a host that is not known', async () => {
    const e = await fail(reader(erp('SELECT 1', { url: 'postgres://planroom_reader@no-such-host.invalid:5432/erp' })));
    expect(e.message).toMatch(/no-such-host\.invalid/);
    expect(e.hint).toMatch(/firewall or VPN/);
  });

  it('refuses a wrong password and an unknown user as credentials refused, naming the secret to set', async () => {
    const wrong = await fail(reader(erp('SELECT 1'), { secret: 'wrong-password-5e2d' }));
    expect(wrong.message).toMatch(/^Credentials refused/);
    expect(wrong.message).toContain('planroom_reader');
    expect(wrong.hint).toContain('PLANROOM_SOURCE_ERP_SECRET');
    expect(wrong.hint).toContain('planroom source secret ERP');
    expect(JSON.stringify(wrong.toShape())).not.toContain('wrong-password-5e2d');
    const noPassword = await fail(reader(erp('SELECT 1'), { secret: undefined }));
    expect(noPassword.message).toMatch(/^Credentials refused/);
    const nobody = await fail(
      reader(erp('SELECT 1', { url: `postgres://nobody@127.0.0.1:${server.port}/${demo.database}` })),
    );
    expect(nobody.message).toMatch(/^Credentials refused.*nobody/);
  });

  it('refuses a database that does not exist', async () => {
    const e = await fail(
      reader(erp('SELECT 1', { url: `postgres://planroom_reader@127.0.0.1:${server.port}/no_such_db` })),
    );
    expect(e.message).toContain('The database no_such_db does not exist');
    expect(e.where?.file).toBe(`query for items on 127.0.0.1/no_such_db`);
  });

  it('refuses TLS a server does not offer, saying which setting to change', async () => {
    const e = await fail(reader(erp('SELECT 1', { tls: 'require' })));
    expect(e.message).toMatch(/^TLS refused/);
    expect(e.hint).toMatch(/TLS disable/);
  });

  it('gives a query error with its line and column, the server message and the line quoted', async () => {
    const typo = await fail(reader(erp('SELECT "Material",\n       "Plnat"\nFROM erp_items')));
    expect(typo.message).toBe('The query for items failed at line 2, column 8: column "Plnat" does not exist.');
    expect(typo.where?.value).toBe('       "Plnat"');
    const syntax = await fail(reader(erp('SELEC "Material" FROM erp_items')));
    expect(syntax.message).toMatch(/^The query for items failed at line 1, column 1: syntax error at or near "SELEC"/);
    const table = await fail(reader(erp('SELECT 1 AS x\nFROM erp_itmes')));
    expect(table.message).toMatch(/line 2, column 6: relation "erp_itmes" does not exist/);
    const two = await fail(reader(erp('SELECT 1 AS x; DELETE FROM erp_items')));
    expect(two.message).toMatch(/multiple commands/);
  });

  it('stops a query at the statement timeout (the server times it) and says what to change', async () => {
    const e = await fail(reader(erp('SELECT pg_sleep(30) IS NULL AS slept', { statementTimeoutSeconds: 1 })));
    expect(e.message).toBe(
      'The query for items ran longer than the statement timeout of 1 s and was stopped by the server.',
    );
    expect(e.hint).toMatch(/statementTimeoutSeconds.*index/);
  });

  it('refuses a write: the transaction is read-only even for a user who may write', async () => {
    const superuser = `postgres://planroom@127.0.0.1:${server.port}/${demo.database}`;
    const before = (await admin.query('SELECT count(*)::int AS n FROM erp_items')).rows[0].n as number;
    for (const query of [
      'INSERT INTO erp_items (row_no) VALUES (-1) RETURNING row_no',
      'WITH gone AS (DELETE FROM erp_items RETURNING row_no) SELECT row_no FROM gone',
    ]) {
      const e = await fail(reader(erp(query, { url: superuser }), { secret: undefined }));
      expect(e.message).toMatch(/^The query for items tried to write \(cannot execute (INSERT|SELECT) in a read-only/);
      expect(e.hint).toMatch(/SELECT/);
    }
    expect((await admin.query('SELECT count(*)::int AS n FROM erp_items')).rows[0].n).toBe(before);
  });

  it('refuses a column of a type without a cell when the header arrives, with the cast to write', async () => {
    const sink = collector();
    const e = await fail(
      reader(erp(`SELECT "Material", '{"a": 1}'::jsonb AS "Attrs", '\\x00'::bytea AS "Blob" FROM erp_items`)),
      sink,
    );
    expect(e.message).toBe(
      'The query for items returns column Attrs of type jsonb, which a pull cannot read (and 1 more: Blob).',
    );
    expect(e.where?.column).toBe('Attrs');
    expect(e.hint).toContain('"Attrs"::text AS "Attrs"');
    expect(sink.got.headerRow).toBe(-1);
    for (const [type, expr] of [
      ['integer[]', 'ARRAY[1, 2]'],
      ['interval', "interval '1 day'"],
      ['money', '1::money'],
    ]) {
      const other = await fail(reader(erp(`SELECT ${expr} AS "X"`)));
      expect(other.message).toContain(`of type ${type},`);
    }
    const noColumns = await fail(reader(erp('SELECT FROM erp_items')));
    expect(noColumns.message).toBe('The query for items returns no columns.');
  });

  it('refuses NaN, Infinity and an infinite date at their row and column', async () => {
    const nan = await fail(
      reader(erp(`SELECT n, CASE WHEN n = 6003 THEN 'NaN'::numeric ELSE n END AS "Qty" FROM big ORDER BY n`)),
    );
    expect(nan.message).toBe(
      'The query for items returned a value a pull cannot read: expected a finite number (NaN and Infinity are not quantities).',
    );
    expect(nan.where).toMatchObject({ row: 6003, column: 'Qty', value: 'NaN' });
    expect(nan.hint).toContain(`NULLIF("Qty", 'NaN')`);
    const inf = await fail(reader(erp(`SELECT 'Infinity'::float8 AS "Cost"`)));
    expect(inf.where).toMatchObject({ row: 1, column: 'Cost', value: 'Infinity' });
    const day = await fail(reader(erp(`SELECT 'infinity'::date AS "Due"`)));
    expect(day.where).toMatchObject({ row: 1, column: 'Due', value: 'infinity' });
  });

  it('stops a read when aborted: before it starts, and in flight (the server query is cancelled)', async () => {
    const stopped = new AbortController();
    stopped.abort();
    const early = await fail(reader(erp('SELECT 1 AS x')), collector(), stopped.signal);
    expect(early.message).toBe('The pull was stopped while reading items.');

    // The server sleeps on row 3 far longer than any test runs; the abort comes once the server
    // is seen sleeping in the query. COPY's rows before it sit in the server's send buffer, so
    // the sink has the first rows, or none: never others.
    const inFlight = new AbortController();
    const sink = collector();
    const query =
      'SELECT g AS n, pg_sleep(CASE WHEN g = 3 THEN 600 ELSE 0 END) IS NULL AS slept FROM generate_series(1, 5) g';
    const reading = fail(reader(erp(query), { batchRows: 2 }), sink, inFlight.signal);
    const sleeping =
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%pg_sleep(CASE%' AND pid <> pg_backend_pid()";
    // Each look is a round trip to the server: this waits on its state, not on a clock.
    while ((await admin.query(sleeping)).rows[0].n === 0);
    inFlight.abort();
    const e = await reading;
    expect(e.message).toBe('The pull was stopped while reading items.');
    const first = [
      ['1', 'false'],
      ['2', 'false'],
    ];
    expect([[], first]).toContainEqual(sink.got.rows);
    const running = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(CASE%' AND pid <> pg_backend_pid()",
    );
    expect(running.rows[0].n).toBe(0);
  });

  it('ends with the sink’s own error when the sink refuses, and leaves no transaction open', async () => {
    const refusal = new AppError('import_failed', 'The header lacks "Plant".');
    const atHeader: RowSink = {
      header() {
        throw refusal;
      },
      rows() {},
    };
    expect(await failure(reader(erp('SELECT n FROM big')), atHeader)).toBe(refusal);
    // A refusal at the second batch, while the third is already being fetched.
    let batches = 0;
    const midway: RowSink = {
      header() {},
      rows() {
        if (++batches === 2) throw refusal;
      },
    };
    expect(await failure(reader(erp('SELECT n FROM big ORDER BY n')), midway)).toBe(refusal);
    const open = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'planroom-pull' AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')",
    );
    expect(open.rows[0].n).toBe(0);
    // The server is none the worse: the next read goes through.
    expect((await readAll(reader(erp('SELECT n FROM big ORDER BY n'), { maxRows: 1 }))).rows).toEqual([['1']]);
  });

  it('never puts the password in a message, a hint, a where or the reader’s name of its place', () => {
    expect(errors.length).toBeGreaterThan(15);
    for (const e of errors) {
      const text = JSON.stringify(e.toShape());
      expect(text).not.toContain(demo.reader.password);
      expect(text).not.toContain('wrong-password-5e2d');
    }
    expect(reader(erp('SELECT 1')).from).toBe(`query for items on 127.0.0.1/${demo.database}`);
  });
});
