// A local feed of the demo company (node:http on port 0) for the pull tests and the bench: each
// table of tests/helpers/demoTables.ts served as plain JSON (one array, next links, offset/limit
// or a cursor) or as an OData v4 entity set (`value`, server-driven @odata.nextLink or
// client-driven $skip/$top, $select, `$filter=<field> gt <DateTimeOffset>` on a ModifiedAt field
// it adds, numbers as strings when the client asks IEEE754Compatible=true). It can require a
// bearer token, basic auth or an API key, and be told to misbehave (setFault). Pages are written
// row by row as they are generated and a sequential reader continues the same row stream, so an
// L-size table is never built whole in memory nor regenerated from its start for each page.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpSource, HttpTable } from '../../shared/calls/sources';
import type { CanonicalTableName, SourceSystem } from '../../shared/domain/canonical';
import type { DemoSize } from '../../electron/demo/company';
import { demoTables, type DemoTable, type DemoValue } from './demoTables';

export const FEED_MODES = ['array', 'next-link', 'offset', 'cursor', 'odata', 'odata-skip'] as const;
/** array: one page; odata: @odata.nextLink; odata-skip: no nextLink, the client pages with $skip/$top. */
export type FeedMode = (typeof FEED_MODES)[number];

export type Fault =
  /** Answers `status` (`times` times, then heals; forever without). */
  | { kind: 'status'; status: number; times?: number; body?: string; headers?: Record<string, string> }
  /** Never answers: the client's timeout fires. */
  | { kind: 'hang' }
  /** The page's JSON cut in the middle, in a well-ended response. */
  | { kind: 'truncated' }
  /** Content-Length of the whole page, then the connection closed halfway. */
  | { kind: 'cut' }
  /** The next link (or cursor) of every page points at the page itself. */
  | { kind: 'loop' }
  /** A page of `mb` megabytes of rows; `declared`: with its Content-Length. */
  | { kind: 'oversized'; mb: number; declared: boolean }
  /** The second row of the page is an array, not an object. */
  | { kind: 'row-shape' }
  /** The rows are not where the rows path says (the page is {"results": ...}). */
  | { kind: 'no-rows' }
  /** The first row's first field holds an object. */
  | { kind: 'nested-cell' };

export interface FeedAuthRule {
  token?: string;
  basic?: { username: string; password: string };
  apiKey?: { header: string; value: string };
}

export interface FeedServerOptions extends FeedAuthRule {
  size: DemoSize;
  /** Rows per page the server sends (default 500). */
  pageSize?: number;
}

export interface FeedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  /** http://127.0.0.1:PORT */
  url: string;
  tableUrl(source: SourceSystem, table: CanonicalTableName, mode: FeedMode): string;
  /** A complete HttpSource for the source's default-profile tables, served in `mode`. */
  settingsFor(source: SourceSystem, mode: FeedMode, over?: Partial<HttpSource>): HttpSource;
  /** The table's paging and rows path for `mode`. */
  tableSettings(source: SourceSystem, table: CanonicalTableName, mode: FeedMode): HttpTable;
  /** Misbehave from page `fromPage` (1-based, default 1) on; `path` limits it to a URL path prefix. */
  setFault(fault: Fault | null, where?: { fromPage?: number; path?: string }): void;
  /** Every request, in arrival order. */
  requests: FeedRequest[];
  /** Resolves once `n` requests in all have arrived. */
  arrived(n: number): Promise<void>;
  /** The ModifiedAt value (a DateTimeOffset) of row `index` (0-based) of any table. */
  modifiedAt(index: number): string;
  close(): Promise<void>;
}

/** Rows past this index are "changed" late: ModifiedAt is a minute per row from 2026-11-01 01:00+01:00. */
const MODIFIED_BASE = Date.UTC(2026, 10, 1, 0, 0, 0);
export function modifiedAtOf(index: number): string {
  const local = new Date(MODIFIED_BASE + index * 60_000 + 3_600_000).toISOString().slice(0, 19);
  return `${local}+01:00`;
}
const modifiedMs = (index: number): number => MODIFIED_BASE + index * 60_000;

interface Row {
  values: DemoValue[];
  /** 0-based in the whole table (ModifiedAt is made from it). */
  index: number;
}

/** A live row stream left where the last page ended, to continue it for the next page. */
interface Position {
  iter: Iterator<DemoValue[]>;
  /** The row read past the last page, given first to the next. */
  pending: Row | null;
  /** Index (in the filtered stream) of the next row given. */
  next: number;
  /** Index in the table of the next row `iter` gives. */
  index: number;
}

export async function startFeedServer(opts: FeedServerOptions): Promise<FeedServer> {
  const pageSize = opts.pageSize ?? 500;
  const tables = new Map(demoTables(opts.size).map((t) => [`${t.source}/${t.table}`, t]));
  const positions = new Map<string, Position>();
  const requests: FeedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let fault: { fault: Fault; fromPage: number; path: string; used: number } | null = null;

  const waiters: { n: number; resolve(): void }[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    for (const w of waiters.filter((x) => requests.length >= x.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    const u = new URL(req.url ?? '/', 'http://feed');
    const [mode, source, table] = u.pathname.split('/').filter(Boolean) as [FeedMode, string, string];
    const t = tables.get(`${source}/${table}`);
    if (!FEED_MODES.includes(mode) || !t) return send(res, 404, { error: { message: `no such table ${u.pathname}` } });
    if (!authorized(opts, req.headers)) {
      return send(res, 401, { error: { message: 'unauthorized', saw: req.headers.authorization ?? '' } });
    }
    const page = pageNumber(mode, u, pageSize);
    const f = fault && page >= fault.fromPage && u.pathname.startsWith(fault.path) ? fault : null;
    if (f && f.fault.kind === 'status') {
      const { status, times, body, headers } = f.fault;
      if (times === undefined || f.used < times) {
        f.used += 1;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        return res.end(body ?? JSON.stringify({ error: { message: `status ${status} as told` } }));
      }
    } else if (f?.fault.kind === 'hang') {
      return;
    }
    void servePage(res, t, mode, u, req.headers, f?.fault ?? null).catch(() => res.destroy());
  });

  const servePage = async (
    res: ServerResponse,
    t: DemoTable,
    mode: FeedMode,
    u: URL,
    headers: IncomingHttpHeaders,
    f: Fault | null,
  ): Promise<void> => {
    const odata = mode === 'odata' || mode === 'odata-skip';
    const ieee = /IEEE754Compatible=true/i.test(String(headers.accept ?? ''));
    const fields = odata ? [...t.fields, 'ModifiedAt'] : t.fields;
    const select = odata ? u.searchParams.get('$select') : null;
    const chosen = select ? select.split(',').map((s) => s.trim()) : fields;
    const unknown = chosen.find((c) => !fields.includes(c));
    if (unknown !== undefined) return send(res, 400, { error: { message: `unknown property ${unknown} in $select` } });
    const filter = odata ? parseFilter(u.searchParams.get('$filter')) : null;
    if (filter === 'bad') return send(res, 400, { error: { message: 'only <field> gt <DateTimeOffset> is served' } });

    const { start, count } = windowOf(mode, u, pageSize);
    const key = `${u.pathname}|${select ?? ''}|${filter?.after ?? ''}`;
    const rows = pageRows(key, t, start, count, filter?.after ?? null);
    const pick = chosen.map((c) => fields.indexOf(c));
    // Each selected field's `"name":`, made once per page: a row is then its values' JSON only.
    const keys = pick.map((p) => `${JSON.stringify(fields[p])}:`);
    const modified = t.fields.length;
    const rowJson = (r: Row, i: number): string => {
      if (f?.kind === 'row-shape' && i === 1) return JSON.stringify(r.values);
      let text = '{';
      for (let k = 0; k < pick.length; k++) {
        const p = pick[k]!;
        const v = p === modified ? modifiedAtOf(r.index) : r.values[p];
        const json = f?.kind === 'nested-cell' && i === 0 && k === 0 ? '{"nested":true}' : JSON.stringify(v);
        text += `${k ? ',' : ''}${keys[k]}${ieee && typeof v === 'number' ? `"${json}"` : json}`;
      }
      return `${text}}`;
    };

    const self = `${u.pathname}${u.search}`;
    /** The text after the rows, once it is known whether more rows follow. */
    const tailOf = (more: boolean, nextStart: number): string => {
      let nextLink: string | null = null;
      let cursor: string | null = null;
      if (f?.kind === 'loop') {
        nextLink = self;
        cursor = u.searchParams.get('cursor') ?? 'c0';
      } else if (more) {
        if (mode === 'next-link') nextLink = `${u.pathname}?start=${nextStart}`;
        if (mode === 'cursor') cursor = Buffer.from(`row:${nextStart}`).toString('base64url');
        if (mode === 'odata') {
          // The request's own query (as sent: $select and $filter stay encoded) with the token.
          const q = u.search
            .slice(1)
            .split('&')
            .filter((p) => p !== '' && !p.startsWith('$skiptoken='));
          nextLink = `http://${headers.host}${u.pathname}?${[...q, `$skiptoken=${nextStart}`].join('&')}`;
        }
      }
      return envelope(mode, f, nextLink, cursor, t)[1];
    };

    // `write` returns a promise only when the socket needs draining: most rows cost no await.
    const body = async (write: (s: string) => Promise<void> | undefined): Promise<void> => {
      await write(envelope(mode, f, null, null, t)[0]);
      let n = 0;
      if (f?.kind === 'oversized') {
        const row = JSON.stringify({ pad: 'x'.repeat(1000) });
        const pads = Math.ceil((f.mb * 1024 ** 2) / (row.length + 1));
        for (let i = 0; i < pads; i++) await write(i === 0 ? row : `,${row}`);
      }
      let r = rows.next();
      for (; !r.done && f?.kind !== 'oversized'; r = rows.next()) {
        const drained = write((n ? ',' : '') + rowJson(r.value, n++));
        if (drained) await drained;
      }
      await write(tailOf(r.done === true && r.value, start + n));
    };
    const type = odata ? 'application/json;odata.metadata=minimal' : 'application/json';
    const extra = odata ? { 'OData-Version': '4.0' } : {};
    if (f?.kind === 'truncated' || f?.kind === 'cut' || (f?.kind === 'oversized' && f.declared)) {
      // Built whole to know its length: these pages are small, or the oversized one is the point.
      const parts: string[] = [];
      await body((s) => void parts.push(s));
      const text = parts.join('');
      const bytes = Buffer.byteLength(text);
      if (f.kind === 'truncated') {
        const cut = text.slice(0, Math.floor(text.length / 2));
        res.writeHead(200, { 'content-type': type, ...extra }).end(cut);
      } else if (f.kind === 'cut') {
        res.writeHead(200, { 'content-type': type, 'content-length': String(bytes), ...extra });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
      } else {
        res.writeHead(200, { 'content-type': type, 'content-length': String(bytes), ...extra }).end(text);
      }
      return;
    }
    res.writeHead(200, { 'content-type': type, ...extra });
    let buffered = '';
    await body((s) => {
      buffered += s;
      if (buffered.length < 64 * 1024) return undefined;
      const chunk = buffered;
      buffered = '';
      if (res.write(chunk)) return undefined;
      return new Promise<void>((resolve, reject) => {
        const drained = (): void => {
          res.off('close', gone);
          resolve();
        };
        const gone = (): void => {
          res.off('drain', drained);
          reject(new Error('client went away'));
        };
        res.once('drain', drained);
        res.once('close', gone);
      });
    });
    res.end(buffered);
  };

  /**
   * Up to `count` rows from filtered index `start`, continuing the live stream the previous page
   * left when it ends there; returns whether more rows follow (the row read to know it is kept
   * for the next page).
   */
  function* pageRows(
    key: string,
    t: DemoTable,
    start: number,
    count: number,
    after: number | null,
  ): Generator<Row, boolean, undefined> {
    let pos = positions.get(key);
    positions.delete(key);
    if (!pos || pos.next > start) pos = { iter: t.rows()[Symbol.iterator](), pending: null, next: 0, index: 0 };
    const read = (p: Position): Row | null => {
      if (p.pending) {
        const r = p.pending;
        p.pending = null;
        return r;
      }
      for (;;) {
        const r = p.iter.next();
        if (r.done) return null;
        const index = p.index++;
        if (after === null || modifiedMs(index) > after) return { values: r.value, index };
      }
    };
    for (; pos.next < start; pos.next++) if (read(pos) === null) return false;
    for (let n = 0; n < count; n++) {
      const r = read(pos);
      if (r === null) return false;
      pos.next++;
      yield r;
    }
    const peek = read(pos);
    if (peek === null) return false;
    pos.pending = peek;
    positions.set(key, pos);
    return true;
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const tableUrl = (source: SourceSystem, table: CanonicalTableName, mode: FeedMode): string =>
    `${url}/${mode}/${source}/${table}`;
  const tableSettings = (source: SourceSystem, table: CanonicalTableName, mode: FeedMode): HttpTable => ({
    url: tableUrl(source, table, mode),
    ...PAGING[mode](pageSize),
  });

  return {
    url,
    tableUrl,
    tableSettings,
    settingsFor: (source, mode, over = {}) => ({
      kind: 'http',
      odata: mode === 'odata' || mode === 'odata-skip',
      auth: opts.token
        ? { kind: 'bearer' }
        : opts.basic
          ? { kind: 'basic', username: opts.basic.username }
          : opts.apiKey
            ? { kind: 'api-key', header: opts.apiKey.header }
            : { kind: 'none' },
      timeoutSeconds: 30,
      retries: 2,
      maxPageMb: 64,
      tables: Object.fromEntries(
        [...tables.values()]
          .filter((t) => t.source === source)
          .map((t) => [t.table, tableSettings(source, t.table, mode)]),
      ),
      ...over,
    }),
    setFault: (f, where = {}) => {
      fault = f ? { fault: f, fromPage: where.fromPage ?? 1, path: where.path ?? '/', used: 0 } : null;
    },
    requests,
    arrived: (n) =>
      requests.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })),
    modifiedAt: modifiedAtOf,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const PAGING: Record<FeedMode, (pageSize: number) => Omit<HttpTable, 'url'>> = {
  array: () => ({ rowsPath: '', paging: { kind: 'none' } }),
  'next-link': () => ({ rowsPath: 'data.items', paging: { kind: 'next-link', path: 'links.next' } }),
  offset: (n) => ({
    rowsPath: 'items',
    paging: { kind: 'offset', offsetParam: 'offset', limitParam: 'limit', pageSize: n },
  }),
  cursor: () => ({ rowsPath: 'rows', paging: { kind: 'cursor', path: 'next_cursor', param: 'cursor' } }),
  odata: () => ({ rowsPath: 'value', paging: { kind: 'odata' } }),
  'odata-skip': (n) => ({ rowsPath: 'value', paging: { kind: 'odata', pageSize: n } }),
};

/** The opening and closing text around a page's rows. */
function envelope(
  mode: FeedMode,
  f: Fault | null,
  next: string | null,
  cursor: string | null,
  t: DemoTable,
): [string, string] {
  if (f?.kind === 'no-rows') return ['{"results":[', ']}'];
  switch (mode) {
    case 'array':
      return ['[', ']'];
    case 'next-link':
      return ['{"data":{"items":[', `]},"links":{"next":${JSON.stringify(next)}}}`];
    case 'offset':
      return ['{"items":[', ']}'];
    case 'cursor':
      return ['{"rows":[', `],"next_cursor":${JSON.stringify(cursor)}}`];
    case 'odata':
    case 'odata-skip': {
      const context = JSON.stringify(`$metadata#${t.table}`);
      const link = next ? `,"@odata.nextLink":${JSON.stringify(next)}` : '';
      return [`{"@odata.context":${context},"value":[`, `]${link}}`];
    }
  }
}

/** The page asked for (1-based), for faults that start at a page. */
function pageNumber(mode: FeedMode, u: URL, pageSize: number): number {
  return Math.floor(windowOf(mode, u, pageSize).start / pageSize) + 1;
}

/** The first row (in the filtered stream) and how many rows the request asks for. */
function windowOf(mode: FeedMode, u: URL, pageSize: number): { start: number; count: number } {
  const int = (name: string, d: number): number => {
    const v = u.searchParams.get(name);
    return v === null || !/^\d+$/.test(v) ? d : Number(v);
  };
  switch (mode) {
    case 'array':
      return { start: 0, count: Number.MAX_SAFE_INTEGER };
    case 'next-link':
      return { start: int('start', 0), count: pageSize };
    case 'offset':
      return { start: int('offset', 0), count: Math.min(int('limit', pageSize), 10 * pageSize) };
    case 'cursor': {
      const c = u.searchParams.get('cursor');
      const m = c ? /^row:(\d+)$/.exec(Buffer.from(c, 'base64url').toString()) : null;
      return { start: m ? Number(m[1]) : 0, count: pageSize };
    }
    case 'odata':
      // Server-driven paging: $skiptoken carries the next row; $top caps the page as asked.
      return { start: int('$skiptoken', int('$skip', 0)), count: Math.min(pageSize, int('$top', pageSize)) };
    case 'odata-skip':
      return { start: int('$skip', 0), count: int('$top', Number.MAX_SAFE_INTEGER) };
  }
}

/** `ModifiedAt gt 2026-11-20T00:00:00Z` (the last clause when joined with and) -> its instant. */
function parseFilter(f: string | null): { after: number } | null | 'bad' {
  if (f === null) return null;
  const m = /(?:^|\s)ModifiedAt gt (\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))$/.exec(f.trim());
  const at = m ? Date.parse(m[1]!) : NaN;
  return Number.isNaN(at) ? 'bad' : { after: at };
}

function authorized(rule: FeedAuthRule, h: IncomingHttpHeaders): boolean {
  if (rule.token) return h.authorization === `Bearer ${rule.token}`;
  if (rule.basic) {
    const b = Buffer.from(`${rule.basic.username}:${rule.basic.password}`).toString('base64');
    return h.authorization === `Basic ${b}`;
  }
  if (rule.apiKey) return h[rule.apiKey.header.toLowerCase()] === rule.apiKey.value;
  return true;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
