// Source connections (issue 18): where a source system's snapshot is pulled from when it is not
// an export folder a person picks: an HTTP JSON or OData v4 API, or a PostgreSQL database. The
// rows pulled go through the source's mapping profile (a JSON field or a result column instead of
// a file header), the same validation and the same atomic snapshot as a file import. Secrets
// (token, password, API key) are never part of these settings: they are kept by electron/secrets/
// under "source:<SOURCE>" and never returned. Part of the API contract (shared/api.ts).
import { z } from 'zod';
import { CANONICAL_TABLES, type CanonicalTableName } from '../domain/canonical';
import { ErrorShape, IsoTime, Source, WRITES, call } from './common';
import { ImportResult } from './snapshots';

const TABLE_NAMES = CANONICAL_TABLES.map((t) => t.name) as [CanonicalTableName, ...CanonicalTableName[]];
const Table = z.enum(TABLE_NAMES);

const HeaderName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'an HTTP header name such as X-Api-Key');

/** An http(s) URL without credentials in it (they belong in the secret). */
const HttpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine(
    (u) => !/^[a-z]+:\/\/[^/]*@/i.test(u),
    'a URL without a user name or password in it (set the secret instead)',
  );

/** A dotted path into a JSON document: "value", "data.items"; "" for the document itself. */
const JsonPath = z
  .string()
  .trim()
  .max(200)
  .regex(/^$|^[^.\s]+(\.[^.\s]+)*$/, 'a dotted path such as value or data.items');

export const HttpAuth = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  /** Authorization: Bearer <secret>. */
  z.strictObject({ kind: z.literal('bearer') }),
  /** Authorization: Basic base64(username:secret). */
  z.strictObject({ kind: z.literal('basic'), username: z.string().trim().min(1).max(200) }),
  /** <header>: <secret>. */
  z.strictObject({ kind: z.literal('api-key'), header: HeaderName }),
]);
export type HttpAuth = z.infer<typeof HttpAuth>;

/** How the pages of one table's feed follow each other. */
export const HttpPaging = z.discriminatedUnion('kind', [
  /** One response holds every row. */
  z.strictObject({ kind: z.literal('none') }),
  /** The next page's URL is at `path` in each page ("next", "links.next"); absent or null on the last. */
  z.strictObject({ kind: z.literal('next-link'), path: JsonPath.min(1) }),
  /**
   * OData v4: follows `@odata.nextLink` (server-driven paging); when the service sends none and
   * `pageSize` is set, pages with `$skip`/`$top` until a page is shorter than `pageSize`.
   */
  z.strictObject({ kind: z.literal('odata'), pageSize: z.number().int().min(1).max(100_000).optional() }),
  /** `?<offsetParam>=0&<limitParam>=<pageSize>`, then offset + pageSize, until a short page. */
  z.strictObject({
    kind: z.literal('offset'),
    offsetParam: z.string().trim().min(1).max(50),
    limitParam: z.string().trim().min(1).max(50),
    pageSize: z.number().int().min(1).max(100_000),
  }),
  /** The next cursor is at `path` in each page; sent back as `?<param>=<cursor>`; absent, null or "" ends. */
  z.strictObject({ kind: z.literal('cursor'), path: JsonPath.min(1), param: z.string().trim().min(1).max(50) }),
]);
export type HttpPaging = z.infer<typeof HttpPaging>;

/** One canonical table's feed. */
export const HttpTable = z.strictObject({
  url: HttpUrl,
  /** Where the rows are in each page: "value" (OData), "data.items"; "" when the page is an array. */
  rowsPath: JsonPath,
  paging: HttpPaging,
  /**
   * A field holding each row's last change (OData: a DateTimeOffset property). When set, a pull
   * after the first asks only for rows changed since the last good pull ($filter for OData) and
   * lays them over the previous snapshot's rows by the table's key.
   */
  modifiedSince: z.string().trim().min(1).max(100).optional(),
});
export type HttpTable = z.infer<typeof HttpTable>;

export const HttpSource = z.strictObject({
  kind: z.literal('http'),
  /** OData v4: `$select` from the profile's columns, `$filter` for modified-since, Edm types read. */
  odata: z.boolean(),
  auth: HttpAuth,
  /** Extra request headers (none may carry a secret: Authorization and the API key go in the secret). */
  headers: z.record(HeaderName, z.string().max(1000)).optional(),
  timeoutSeconds: z.number().int().min(1).max(600),
  /** Tries after the first for 429, 5xx, timeouts and refused connections, with backoff. */
  retries: z.number().int().min(0).max(10),
  /** A page larger than this is refused (a feed that ignores paging). */
  maxPageMb: z.number().int().min(1).max(1024),
  tables: z.partialRecord(Table, HttpTable),
});
export type HttpSource = z.infer<typeof HttpSource>;

export const PostgresSource = z.strictObject({
  kind: z.literal('postgres'),
  /** postgres://user@host:5432/db, without the password (it is the secret). */
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^postgres(ql)?:\/\//, 'a URL such as postgres://planroom@erp-db:5432/erp')
    .refine(
      (u) => !/^[a-z]+:\/\/[^/@:]*:[^/@]*@/i.test(u),
      'a URL without the password in it (set the secret instead)',
    ),
  tls: z.enum(['disable', 'require', 'verify-full']),
  statementTimeoutSeconds: z.number().int().min(1).max(3600),
  /** One SELECT per canonical table; its result columns are mapped by the profile like headers. */
  queries: z.partialRecord(Table, z.string().trim().min(1).max(20_000)),
});
export type PostgresSource = z.infer<typeof PostgresSource>;

export const FolderSource = z.strictObject({
  kind: z.literal('folder'),
  /** An absolute folder the source system exports into. */
  dir: z.string().trim().min(1).max(4000),
});
export type FolderSource = z.infer<typeof FolderSource>;

export const SourceConnection = z.discriminatedUnion('kind', [FolderSource, HttpSource, PostgresSource]);
export type SourceConnection = z.infer<typeof SourceConnection>;

/** Five-field cron ("0 6 * * 1-5": 06:00 on weekdays), in the cycle's time zone; null: on demand only. */
export const Schedule = z.string().trim().min(9).max(100).nullable();

export const PullOutcome = z.object({
  at: IsoTime,
  ok: z.boolean(),
  /** The snapshot made (or found unchanged); null when the pull failed. */
  snapshotId: z.number().int().nullable(),
  unchanged: z.boolean(),
  rows: z.number().int(),
  rowsPerSecond: z.number(),
  durationMs: z.number(),
  /** Why it failed, with where and what to do; null when it succeeded. */
  error: ErrorShape.nullable(),
});
export type PullOutcome = z.infer<typeof PullOutcome>;

export const SourceConnectionStatus = z.object({
  source: Source,
  connection: SourceConnection,
  schedule: Schedule,
  /** Where the secret comes from: an environment variable, the kept secret, or none is set. */
  secret: z.object({
    set: z.boolean(),
    fromEnvironment: z.boolean(),
    /** PLANROOM_SOURCE_ERP_SECRET */
    environmentVariable: z.string(),
    /** Where a kept secret is stored on this machine, as a person reads it. */
    where: z.string(),
  }),
  lastPull: PullOutcome.nullable(),
  /** When the schedule pulls next while the app runs; null without a schedule. */
  nextPullAt: IsoTime.nullable(),
  /** A pull running now. */
  running: z.boolean(),
});
export type SourceConnectionStatus = z.infer<typeof SourceConnectionStatus>;

/** What "test connection" found for one table: the columns and first rows, bounded. */
export const TableProbe = z.object({
  table: Table,
  /** Where it read from: "GET https://erp.example/odata/Items" or "query for items". */
  from: z.string(),
  ok: z.boolean(),
  /** The fields (JSON) or result columns (SQL) found. */
  columns: z.array(z.string()),
  /** Profile columns' source names that the feed or query does not have. */
  missing: z.array(z.string()),
  /** Up to 5 rows, each cell cut to 200 characters. */
  sample: z.array(z.array(z.string())),
  error: ErrorShape.nullable(),
});

export const sourceCalls = {
  'source.list': call(
    z.object({}),
    z.array(SourceConnectionStatus),
    'Every source system with a connection set: its settings, secret state, last pull and next scheduled pull',
  ),
  'source.set': call(
    z.object({ source: Source, connection: SourceConnection, schedule: Schedule }),
    SourceConnectionStatus,
    'Set where a source system is pulled from (folder, HTTP/OData API or PostgreSQL) and its schedule',
    WRITES,
  ),
  'source.remove': call(
    z.object({ source: Source }),
    z.object({ removed: z.boolean() }),
    "Remove a source system's connection and its kept secret (its snapshots stay)",
    WRITES,
  ),
  'source.setSecret': call(
    z.object({ source: Source, secret: z.string().min(1).max(10_000) }),
    SourceConnectionStatus,
    "Keep a source connection's token, password or API key (never stored in SQLite, never returned)",
  ),
  'source.removeSecret': call(
    z.object({ source: Source }),
    SourceConnectionStatus,
    "Forget a source connection's kept secret",
  ),
  'source.test': call(
    z.object({ source: Source, connection: SourceConnection.optional() }),
    z.object({ source: Source, ok: z.boolean(), tables: z.array(TableProbe) }),
    'Test a connection (the stored one, or the one given): read the first rows of each table and report what was found',
  ),
  'source.pull': call(
    z.object({
      source: Source,
      /** A key chosen by the caller to follow the pull with progress.get. */
      progressId: z.string().min(8).max(64).optional(),
    }),
    ImportResult,
    'Pull a source system now from its connection into one snapshot (all or nothing; unchanged data is a no-op)',
    WRITES,
  ),
} as const;
