// The HTTP JSON / OData v4 reader against a real local feed of the demo company
// (tests/helpers/feedServer.ts): every demo S table in every paging style gives the demo's rows
// with the cells its CSV export holds; OData's $select and $filter go out as they should; each
// fault ends in its own message, never hangs, and never quotes the secret.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer } from 'node:net';
import type { HttpSource } from '../../shared/calls/sources';
import type { CanonicalTableName, SourceSystem } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import { headersOf } from '../../shared/domain/mappingHeaders';
import type { FileMapping } from '../../shared/domain/profile';
import { httpTableReader } from '../../electron/pulls/httpTable';
import { PULL_FORMAT, type TableReader } from '../../electron/pulls/tableReader';
import { MapRowsSink, type MappedMessage } from '../../electron/snapshots/mapRows';
import { demoTables, type DemoValue } from '../helpers/demoTables';
import { FEED_MODES, startFeedServer, type FeedServer } from '../helpers/feedServer';

/** Rows per page of the fault feed (ERP items is 3 pages); the whole-demo feed pages by 1000. */
const PAGE = 50;
const BIG_PAGE = 1000;
const TOKEN = 'tok-3f9a-SECRET-value';

const mappingOf = (source: SourceSystem, table: CanonicalTableName): FileMapping =>
  DEFAULT_PROFILES[source].files.find((f) => f.table === table)!;

/** What a CSV export of the demo holds in a cell. */
const csvCell = (v: DemoValue): string => (v === null ? '' : String(v));

interface Read {
  header: string[];
  rows: string[][];
  /** The first row number of each batch. */
  firsts: number[];
}

async function readAll(reader: TableReader, signal = new AbortController().signal): Promise<Read> {
  const out: Read = { header: [], rows: [], firsts: [] };
  let headers = 0;
  await reader.read(
    {
      header: (cells) => {
        headers += 1;
        out.header = cells;
      },
      rows: (rows, first) => {
        expect(first).toBe(out.rows.length + 1);
        out.firsts.push(first);
        out.rows.push(...rows);
      },
    },
    signal,
  );
  expect(headers).toBe(1);
  return out;
}

/** The reader's error (it must fail). */
async function failureOf(reader: TableReader, signal?: AbortSignal): Promise<AppError> {
  const e = await readAll(reader, signal).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  const err = e as AppError;
  expect(err.code).toBe('import_failed');
  expect(err.where?.file).toBe(reader.from);
  // The secret, in any form, never in what is shown.
  const shown = JSON.stringify(err.toShape());
  expect(shown).not.toContain(TOKEN);
  expect(shown).not.toContain(Buffer.from(`planner:${TOKEN}`).toString('base64'));
  return err;
}

describe('every demo table in every paging style', () => {
  let feed: FeedServer;
  beforeAll(async () => {
    feed = await startFeedServer({ size: 'S', token: TOKEN, pageSize: BIG_PAGE });
  });
  afterAll(() => feed.close());

  for (const mode of FEED_MODES) {
    test(`${mode}: the demo's rows and cells`, async () => {
      for (const t of demoTables('S')) {
        const settings = feed.settingsFor(t.source, mode);
        const mapping = mappingOf(t.source, t.table);
        const got = await readAll(httpTableReader(settings, t.table, mapping, { secret: TOKEN, since: null }));
        // The mapping's fields, in its order: OData selected them, the plain feeds have no others.
        expect(got.header, `${t.source} ${t.table}`).toEqual(headersOf(mapping));
        const at = got.header.map((h) => t.fields.indexOf(h));
        let n = 0;
        for (const values of t.rows()) {
          const want = at.map((i) => csvCell(values[i]!));
          if (got.rows[n]?.join('\u0000') !== want.join('\u0000')) {
            expect(got.rows[n], `${t.source} ${t.table} row ${n + 1}`).toEqual(want);
          }
          n += 1;
        }
        expect(got.rows.length, `${t.source} ${t.table}`).toBe(n);
        // A page at a time: paged feeds hand over batches of at most a page.
        if (mode !== 'array' && n > BIG_PAGE) expect(got.firsts.length).toBeGreaterThan(1);
      }
    });
  }

  test('OData rows map through the default profiles in the pull format, without a bad row', async () => {
    for (const t of demoTables('S')) {
      const mapping = mappingOf(t.source, t.table);
      const reader = httpTableReader(feed.settingsFor(t.source, 'odata'), t.table, mapping, {
        secret: TOKEN,
        since: null,
      });
      const messages: MappedMessage[] = [];
      const job = {
        path: 'feed',
        table: t.table,
        mapping,
        format: PULL_FORMAT,
        maxCellChars: 32_767,
        keepCells: false,
      };
      await reader.read(
        new MapRowsSink({ ...job, checkControls: true }, (m) => messages.push(m)),
        new AbortController().signal,
      );
      const [header, ...batches] = messages;
      expect(header).toMatchObject({ type: 'header', ignoredHeaders: [] });
      const bad = batches.flatMap((b) => (b.type === 'rows' ? b.bad : []));
      expect(bad, `${t.source} ${t.table}`).toEqual([]);
      const mapped = batches.reduce((n, b) => n + (b.type === 'rows' ? b.rowNumbers.length : 0), 0);
      expect(mapped).toBe([...t.rows()].length);
    }
  });

  test('OData: $select from the mapping, the OData headers, numbers asked as strings', async () => {
    const mapping = mappingOf('ERP', 'items');
    const before = feed.requests.length;
    const got = await readAll(
      httpTableReader(feed.settingsFor('ERP', 'odata'), 'items', mapping, { secret: TOKEN, since: null }),
    );
    const sent = feed.requests.slice(before);
    expect(sent.length).toBe(Math.ceil(120 / BIG_PAGE));
    const first = new URL(sent[0]!.url, feed.url);
    expect(first.searchParams.get('$select')).toBe(headersOf(mapping).join(','));
    expect(sent[0]!.url).toContain('$select=');
    expect(first.searchParams.get('$filter')).toBeNull();
    expect(sent[0]!.headers['odata-version']).toBe('4.0');
    expect(sent[0]!.headers.accept).toContain('IEEE754Compatible=true');
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // Standard Cost came as a string ("29.53") and passes as it is.
    expect(got.rows[0]![got.header.indexOf('Standard Cost')]).toBe('29.53');
  });

  test('OData: $filter for changed rows, DateTimeOffset read as the date and time written', async () => {
    const base = mappingOf('ERP', 'customers');
    // A column reading the feed's ModifiedAt, to see the DateTimeOffset cells.
    const mapping: FileMapping = { ...base, columns: { ...base.columns, changed: 'ModifiedAt' } };
    const settings = feed.settingsFor('ERP', 'odata');
    settings.tables.customers = { ...settings.tables.customers!, modifiedSince: 'ModifiedAt' };
    // Row i changed at 2026-11-01 00:00Z + i minutes: since 00:29:30Z leaves rows 30 and on.
    const since = '2026-11-01T00:29:30Z';
    const before = feed.requests.length;
    const got = await readAll(httpTableReader(settings, 'customers', mapping, { secret: TOKEN, since }));
    const url = new URL(feed.requests[before]!.url, feed.url);
    expect(url.searchParams.get('$filter')).toBe('ModifiedAt gt 2026-11-01T00:29:30.000Z');
    expect(url.searchParams.get('$select')).toContain('ModifiedAt');
    const all = [
      ...demoTables('S')
        .find((t) => t.table === 'customers')!
        .rows(),
    ];
    expect(got.rows.length).toBe(all.length - 30);
    expect(got.rows[0]![0]).toBe(all[30]![0]);
    // 00:30Z is 01:30 at the feed's +01:00: written as the source wrote it.
    expect(got.rows[0]![got.header.indexOf('ModifiedAt')]).toBe('2026-11-01 01:30:00');
    // The full read (no since) sends no $filter.
    const full = await readAll(httpTableReader(settings, 'customers', mapping, { secret: TOKEN, since: null }));
    expect(full.rows.length).toBe(all.length);
  });

  test('maxRows stops after the first rows without reading every page', async () => {
    const before = feed.requests.length;
    const got = await readAll(
      httpTableReader(feed.settingsFor('ERP', 'next-link'), 'supply', mappingOf('ERP', 'supply'), {
        secret: TOKEN,
        since: null,
        maxRows: 5,
      }),
    );
    expect(got.rows.length).toBe(5);
    expect(feed.requests.length - before).toBe(1);
  });

  test('one page ahead: the next page is asked for before a page reaches the sink, never two ahead', async () => {
    const before = feed.requests.length;
    // The reader's own requests, counted as it makes them (the feed only sees one once this
    // thread gets back to its event loop, after the sink has run).
    const fetches = vi.spyOn(globalThis, 'fetch');
    const asked: number[] = [];
    const served: number[] = [];
    try {
      const reader = httpTableReader(feed.settingsFor('CRM', 'cursor'), 'forecasts', mappingOf('CRM', 'forecasts'), {
        secret: TOKEN,
        since: null,
      });
      await reader.read(
        {
          header: () => undefined,
          rows: () => {
            asked.push(fetches.mock.calls.length);
            served.push(feed.requests.length - before);
          },
        },
        new AbortController().signal,
      );
    } finally {
      fetches.mockRestore();
    }
    const pages = asked.length;
    expect(pages).toBeGreaterThan(10);
    // Page i (from 1) reaches the sink with page i + 1 already asked for; the last with none after it.
    expect(asked).toEqual(asked.map((_, i) => Math.min(i + 2, pages)));
    // The feed has answered at most the pages handed on and the one coming.
    served.forEach((n, i) => expect(n).toBeLessThanOrEqual(i + 2));
    expect(feed.requests.length - before).toBe(pages);
  });

  test('modified-since on a plain JSON feed is refused at read time', async () => {
    const settings = feed.settingsFor('ERP', 'offset');
    settings.tables.items = { ...settings.tables.items!, modifiedSince: 'Changed' };
    const e = await failureOf(
      httpTableReader(settings, 'items', mappingOf('ERP', 'items'), { secret: TOKEN, since: '2026-11-01T00:00:00Z' }),
    );
    expect(e.message).toMatch(/only OData feeds/);
    expect(e.where?.field).toBe('modifiedSince');
  });
});

describe('auth kinds', () => {
  test('basic and API key are sent as the service asks', async () => {
    const basic = await startFeedServer({ size: 'S', basic: { username: 'planner', password: TOKEN } });
    const key = await startFeedServer({ size: 'S', apiKey: { header: 'X-Api-Key', value: TOKEN } });
    try {
      for (const feed of [basic, key]) {
        const settings = feed.settingsFor('ERP', 'cursor');
        const got = await readAll(
          httpTableReader(settings, 'locations', mappingOf('ERP', 'locations'), { secret: TOKEN, since: null }),
        );
        expect(got.rows.length).toBe(4);
        const wrong = await failureOf(
          httpTableReader(settings, 'locations', mappingOf('ERP', 'locations'), { secret: 'wrong', since: null }),
        );
        expect(wrong.message).toMatch(/HTTP 401: credentials refused/);
      }
      expect(basic.requests[0]!.headers.authorization).toBe(
        `Basic ${Buffer.from(`planner:${TOKEN}`).toString('base64')}`,
      );
      expect(key.requests[0]!.headers['x-api-key']).toBe(TOKEN);
    } finally {
      await basic.close();
      await key.close();
    }
  });
});

describe('faults', () => {
  let feed: FeedServer;
  let settings: HttpSource;
  beforeAll(async () => {
    feed = await startFeedServer({ size: 'S', token: TOKEN, pageSize: PAGE });
  });
  afterAll(() => feed.close());

  /** ERP items (120 rows, 3 pages) in `mode`, with `over` on the connection, waits recorded. */
  const items = (mode: Parameters<FeedServer['settingsFor']>[1], over: Partial<HttpSource> = {}, secret = TOKEN) => {
    settings = feed.settingsFor('ERP', mode, { retries: 0, ...over });
    const waits: number[] = [];
    const reader = httpTableReader(settings, 'items', mappingOf('ERP', 'items'), {
      secret,
      since: null,
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    return { reader, waits };
  };
  const sentSince = (before: number) => feed.requests.length - before;

  test('401 with a wrong token: credentials refused, not retried, the echoed token not quoted', async () => {
    feed.setFault(null);
    const before = feed.requests.length;
    const e = await failureOf(items('odata', { retries: 3 }, `${TOKEN}-old`).reader);
    expect(e.message).toMatch(/first page answered HTTP 401: credentials refused/);
    expect(e.message).toContain('***');
    expect(e.hint).toMatch(/secret/);
    expect(sentSince(before)).toBe(1);
  });

  test('no secret set: refused before asking', async () => {
    const before = feed.requests.length;
    const e = await failureOf(items('odata', {}, '').reader);
    expect(e.message).toMatch(/No token is set/);
    expect(sentSince(before)).toBe(0);
  });

  test('403 on page 2: credentials refused', async () => {
    feed.setFault({ kind: 'status', status: 403 }, { fromPage: 2 });
    const e = await failureOf(items('next-link', { retries: 3 }).reader);
    expect(e.message).toMatch(/page 2 \(.*\) answered HTTP 403: credentials refused/);
  });

  test('404: the URL named, check it', async () => {
    feed.setFault(null);
    const s = feed.settingsFor('ERP', 'odata');
    s.tables.items = { ...s.tables.items!, url: `${feed.url}/odata/ERP/itemz` };
    const reader = httpTableReader(s, 'items', mappingOf('ERP', 'items'), { secret: TOKEN, since: null });
    const e = await failureOf(reader);
    expect(e.message).toMatch(/not found \(HTTP 404\)/);
    expect(reader.from).toBe(`GET ${feed.url}/odata/ERP/itemz`);
    expect(e.hint).toMatch(/table's URL/);
  });

  test("a key in the URL's query is not shown in `from` or a message", async () => {
    feed.setFault({ kind: 'status', status: 404 });
    const s = feed.settingsFor('ERP', 'next-link');
    s.tables.items = { ...s.tables.items!, url: `${s.tables.items!.url}?api_key=${TOKEN}&k=${TOKEN}` };
    const reader = httpTableReader(s, 'items', mappingOf('ERP', 'items'), { secret: TOKEN, since: null });
    expect(reader.from).toBe(`GET ${feed.url}/next-link/ERP/items?api_key=***&k=***`);
    await failureOf(reader);
  });

  test('OData: a mapped field the entity set lacks is refused by the service (400), with what to check', async () => {
    feed.setFault(null);
    const base = mappingOf('ERP', 'items');
    const mapping: FileMapping = { ...base, columns: { ...base.columns, description: 'Descr' } };
    const e = await failureOf(
      httpTableReader(feed.settingsFor('ERP', 'odata'), 'items', mapping, { secret: TOKEN, since: null }),
    );
    expect(e.message).toMatch(/answered HTTP 400\. It said: .*unknown property Descr/);
    expect(e.hint).toMatch(/property of the entity set/);
  });

  test('a redirect is not followed with the credentials', async () => {
    feed.setFault({
      kind: 'status',
      status: 302,
      headers: { Location: `https://elsewhere.example/login?token=${TOKEN}` },
    });
    const before = feed.requests.length;
    const e = await failureOf(items('odata', { retries: 2 }).reader);
    expect(e.message).toMatch(/first page answered a redirect \(HTTP 302\)/);
    expect(e.where?.value).toBe('https://elsewhere.example/login?token=***');
    expect(sentSince(before)).toBe(1);
  });

  test('429 with Retry-After: waited as asked, then read', async () => {
    feed.setFault({ kind: 'status', status: 429, times: 1, headers: { 'Retry-After': '2' } }, { fromPage: 2 });
    const { reader, waits } = items('offset', { retries: 2 });
    const got = await readAll(reader);
    expect(got.rows.length).toBe(120);
    expect(waits).toEqual([2000]);
  });

  test('429 with Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    feed.setFault({ kind: 'status', status: 429, times: 1, headers: { 'Retry-After': at } });
    const { reader, waits } = items('odata', { retries: 1 });
    await readAll(reader);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(20_000);
    expect(waits[0]).toBeLessThanOrEqual(31_000);
  });

  test('429 on every try: gives up after the retries with the last answer and the time waited', async () => {
    feed.setFault({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    const { reader, waits } = items('cursor', { retries: 2 });
    const e = await failureOf(reader);
    expect(e.message).toMatch(
      /answered HTTP 429 \(too many requests\)\..*Gave up after 3 tries, 2 s waited between them\./,
    );
    expect(waits).toEqual([1000, 1000]);
  });

  test('a Retry-After past the cap is not waited out', async () => {
    feed.setFault({ kind: 'status', status: 429, headers: { 'Retry-After': '3600' } });
    const { reader, waits } = items('cursor', { retries: 2 });
    const e = await failureOf(reader);
    expect(e.message).toMatch(/asks to wait 3600 s \(Retry-After\), longer than the 120 s/);
    expect(waits).toEqual([]);
  });

  test('500 twice then OK: retried with growing backoff', async () => {
    feed.setFault({ kind: 'status', status: 500, times: 2 }, { fromPage: 3 });
    const { reader, waits } = items('next-link', { retries: 2 });
    expect((await readAll(reader)).rows.length).toBe(120);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(500);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  test('500 on every try: the status and a bounded quote of the body', async () => {
    feed.setFault({ kind: 'status', status: 503, body: `Backend down ${'x'.repeat(5000)}` });
    const e = await failureOf(items('odata', { retries: 1 }).reader);
    expect(e.message).toMatch(/answered HTTP 503\. It said: "Backend down x+…"\. Gave up after 2 tries/);
    expect(e.message.length).toBeLessThan(500);
  });

  test('a service that never answers: the timeout, no hang', async () => {
    feed.setFault({ kind: 'hang' });
    const e = await failureOf(items('odata', { timeoutSeconds: 1 }).reader);
    expect(e.message).toMatch(/No answer to the first page within 1 s \(timeout\)/);
    expect(e.hint).toMatch(/raise the connection's timeout/);
  });

  test('stopped by the signal while waiting for an answer', async () => {
    feed.setFault({ kind: 'hang' });
    const stop = new AbortController();
    const before = feed.requests.length;
    const failed = failureOf(items('odata', { timeoutSeconds: 600 }).reader, stop.signal);
    await feed.arrived(before + 1);
    stop.abort();
    expect((await failed).message).toMatch(/stopped/);
  });

  test('refused connection and unknown host', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const s = feed.settingsFor('ERP', 'odata', { retries: 1 });
    const waits: number[] = [];
    const at = (url: string) =>
      httpTableReader({ ...s, tables: { items: { ...s.tables.items!, url } } }, 'items', mappingOf('ERP', 'items'), {
        secret: TOKEN,
        since: null,
        wait: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      });
    const refused = await failureOf(at(`http://127.0.0.1:${port}/odata/ERP/items`));
    expect(refused.message).toMatch(new RegExp(`Connection refused at 127.0.0.1:${port}\\. Gave up after 2 tries`));
    expect(waits).toHaveLength(1);
    const dns = await failureOf(at('http://planroom-feed.invalid/odata/ERP/items'));
    expect(dns.message).toMatch(/host planroom-feed.invalid is not found \(DNS\)/);
  });

  test('truncated JSON: the byte it ends at', async () => {
    feed.setFault({ kind: 'truncated' }, { fromPage: 2 });
    const e = await failureOf(items('offset').reader);
    expect(e.message).toMatch(/page 2 \(.*\) is truncated JSON: it ends at byte \d+ of \d+ in the middle of a value/);
  });

  test('a connection closed in the middle of a page', async () => {
    feed.setFault({ kind: 'cut' });
    const e = await failureOf(items('odata').reader);
    expect(e.message).toMatch(/connection to 127\.0\.0\.1:\d+ failed during the first page/);
  });

  test.each(['next-link', 'cursor', 'odata'] as const)(
    '%s paging that loops is refused, naming the link',
    async (mode) => {
      feed.setFault({ kind: 'loop' });
      const before = feed.requests.length;
      const e = await failureOf(items(mode).reader);
      expect(e.message).toMatch(
        mode === 'cursor'
          ? /paging loops: page 2 gives the cursor "c0"/
          : /paging loops: page 1 gives the next link http/,
      );
      expect(sentSince(before)).toBeLessThanOrEqual(2);
    },
  );

  test.each([true, false])(
    'a page over maxPageMb is refused before it is all read (Content-Length %s)',
    async (declared) => {
      feed.setFault({ kind: 'oversized', mb: 3, declared });
      const e = await failureOf(items('odata', { maxPageMb: 1 }).reader);
      expect(e.message).toMatch(
        declared
          ? /first page is 3\.0 MB \(Content-Length\), over the 1\.0 MB page limit/
          : /first page is more than 1\.0 MB, over the 1\.0 MB page limit/,
      );
    },
  );

  test('a row that is not an object: wrong row shape with its row number', async () => {
    feed.setFault({ kind: 'row-shape' }, { fromPage: 2 });
    const e = await failureOf(items('next-link').reader);
    expect(e.message).toBe('Wrong row shape: row 52 is an array, not an object with fields.');
    expect(e.where?.row).toBe(52);
  });

  test('rows not where the rows path says', async () => {
    feed.setFault({ kind: 'no-rows' });
    const e = await failureOf(items('next-link').reader);
    expect(e.message).toMatch(/"data.items" in the page is missing, not an array of rows \(first page\)/);
    expect(e.where?.value).toBe('page keys: results');
  });

  test('a field holding an object: a bad cell naming row and field', async () => {
    feed.setFault({ kind: 'nested-cell' });
    const e = await failureOf(items('odata').reader);
    expect(e.message).toBe('Row 1 holds a JSON object in a field, not a value.');
    expect(e.where).toMatchObject({ row: 1, field: 'Material', value: '{"nested":true}' });
  });
});
