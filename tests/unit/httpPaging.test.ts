// The paging plans of a feed, against pages made in the test: where the rows are, which URL comes
// next, and the links or cursors that would loop or lead away.
import { describe, expect, it } from 'vitest';
import type { HttpTable } from '../../shared/calls/sources';
import { AppError } from '../../shared/domain/errors';
import { atPath, feedPages, firstPageUrl, rowsAt } from '../../electron/pulls/httpPages';
import { parseJson } from '../../electron/pulls/httpBody';
import { abortableWait, retryAfterSeconds, retryDelayMs } from '../../electron/pulls/httpFetch';

const FROM = 'GET https://erp/api/items';

/** The URLs asked and the row counts read, the pages served by `serve`. */
async function walk(table: HttpTable, serve: (url: string, n: number) => unknown) {
  const asked: string[] = [];
  const counts: number[] = [];
  const get = (url: string) => {
    asked.push(url);
    return Promise.resolve(serve(url, asked.length));
  };
  for await (const p of feedPages(firstPageUrl(table.url, table), table, get, FROM)) counts.push(p.rows.length);
  return { asked, counts };
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).where?.file).toBe(FROM);
  return e as AppError;
}

describe('rows and paths', () => {
  it('finds rows at a dotted path, or the page itself', () => {
    expect(atPath({ data: { items: [1] } }, 'data.items')).toEqual([1]);
    expect(atPath([1, 2], '')).toEqual([1, 2]);
    expect(atPath({ data: null }, 'data.items')).toBeUndefined();
    expect(atPath({}, 'constructor')).toBeUndefined();
    expect(rowsAt({ value: [] }, 'value', 'first page', FROM)).toEqual([]);
  });

  it('says what is there when the rows are not', () => {
    expect(() => rowsAt({ error: 'x' }, 'value', 'first page', FROM)).toThrow(
      '"value" in the page is missing, not an array of rows (first page).',
    );
    expect(() => rowsAt({ value: { a: 1 } }, 'value', 'first page', FROM)).toThrow(/is an object, not an array/);
    expect(() => rowsAt({ a: 1 }, '', 'first page', FROM)).toThrow(/The page is an object/);
  });
});

describe('paging plans', () => {
  it('next links, relative or absolute, until there is none', async () => {
    const table: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'items',
      paging: { kind: 'next-link', path: 'links.next' },
    };
    const { asked, counts } = await walk(table, (_, n) => ({
      items: rows(2),
      links: { next: n === 1 ? '/api/items?page=2' : n === 2 ? 'https://erp/api/items?page=3' : null },
    }));
    expect(asked).toEqual(['https://erp/api/items', 'https://erp/api/items?page=2', 'https://erp/api/items?page=3']);
    expect(counts).toEqual([2, 2, 2]);
  });

  it('offset and limit until a short page', async () => {
    const table: HttpTable = {
      url: 'https://erp/api/items?company=7',
      rowsPath: '',
      paging: { kind: 'offset', offsetParam: 'skip', limitParam: 'take', pageSize: 3 },
    };
    const { asked } = await walk(table, (_, n) => rows(n < 3 ? 3 : 1));
    expect(asked).toEqual([
      'https://erp/api/items?company=7&skip=0&take=3',
      'https://erp/api/items?company=7&skip=3&take=3',
      'https://erp/api/items?company=7&skip=6&take=3',
    ]);
  });

  it('a cursor sent back until it is empty', async () => {
    const table: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'rows',
      paging: { kind: 'cursor', path: 'meta.next', param: 'after' },
    };
    const { asked } = await walk(table, (_, n) => ({
      rows: rows(1),
      meta: { next: n === 1 ? 'a b' : n === 2 ? 42 : '' },
    }));
    expect(asked).toEqual([
      'https://erp/api/items',
      'https://erp/api/items?after=a%20b',
      'https://erp/api/items?after=42',
    ]);
  });

  it('OData: nextLinks within each $skip/$top window, then the next window until a short one', async () => {
    const table: HttpTable = {
      url: 'https://erp/odata/Items',
      rowsPath: 'value',
      paging: { kind: 'odata', pageSize: 4 },
    };
    // The service pages by 2 within the 4 asked; the second window has 3 rows.
    const { asked, counts } = await walk(table, (url, n) => {
      if (n === 1) return { value: rows(2), '@odata.nextLink': 'https://erp/odata/Items?$skip=2&$top=2' };
      if (n === 2) return { value: rows(2) };
      return { value: rows(3) };
    });
    expect(asked).toEqual([
      'https://erp/odata/Items?$skip=0&$top=4',
      'https://erp/odata/Items?$skip=2&$top=2',
      'https://erp/odata/Items?$skip=4&$top=4',
    ]);
    expect(counts).toEqual([2, 2, 3]);
  });

  it('OData without a page size follows nextLink only', async () => {
    const table: HttpTable = { url: 'https://erp/odata/Items', rowsPath: 'value', paging: { kind: 'odata' } };
    const { asked } = await walk(table, (_, n) => ({
      value: rows(5),
      ...(n === 1 ? { '@odata.nextLink': 'Items?$skiptoken=5' } : {}),
    }));
    expect(asked).toEqual(['https://erp/odata/Items', 'https://erp/odata/Items?$skiptoken=5']);
  });

  it('asks one page ahead: page n + 1 is asked for before page n is handed on, never further', async () => {
    const table: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'items',
      paging: { kind: 'next-link', path: 'next' },
    };
    let asked = 0;
    const get = (url: string) => {
      asked += 1;
      const n = Number(new URL(url).searchParams.get('p') ?? 1);
      return Promise.resolve({ items: rows(2), next: n < 4 ? `/api/items?p=${n + 1}` : null });
    };
    const seen: number[] = [];
    for await (const p of feedPages(table.url, table, get, FROM)) seen.push(asked - p.n);
    // One ahead for pages 1-3; none after the last.
    expect(seen).toEqual([1, 1, 1, 0]);
  });

  it('a fault of the page asked ahead, or of its link, comes after the page before is handed on', async () => {
    const table: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'items',
      paging: { kind: 'next-link', path: 'next' },
    };
    const handed: number[] = [];
    const failing = (url: string) =>
      url.endsWith('p=2')
        ? Promise.reject(new Error('page 2 failed'))
        : Promise.resolve({ items: rows(1), next: '/api/items?p=2' });
    const read = async (get: (url: string) => Promise<unknown>) => {
      for await (const p of feedPages(table.url, table, get, FROM)) handed.push(p.n);
    };
    await expect(read(failing)).rejects.toThrow('page 2 failed');
    expect(handed).toEqual([1]);
    handed.length = 0;
    const looping = () => Promise.resolve({ items: rows(1), next: '/api/items' });
    await expect(read(looping)).rejects.toThrow(/paging loops: page 1 gives the next link/);
    expect(handed).toEqual([1]);
  });

  it('asks for no page past the rows wanted (maxRows)', async () => {
    const table: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'items',
      paging: { kind: 'next-link', path: 'next' },
    };
    const asked: string[] = [];
    const get = (url: string) => {
      asked.push(url);
      return Promise.resolve({ items: rows(3), next: `/api/items?p=${asked.length + 1}` });
    };
    let n = 0;
    for await (const p of feedPages(table.url, table, get, FROM, { maxRows: 5 })) n += p.rows.length;
    expect(n).toBe(6);
    expect(asked).toEqual(['https://erp/api/items', 'https://erp/api/items?p=2']);
  });

  it('refuses a next link seen before, a cursor seen before, and a link to another server', async () => {
    const next: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'items',
      paging: { kind: 'next-link', path: 'next' },
    };
    const loop = await failure(
      walk(next, (_, n) => ({ items: [], next: n === 1 ? '/api/items?p=2' : '/api/items?p=2' })),
    );
    expect(loop.message).toBe(
      "The feed's paging loops: page 2 gives the next link https://erp/api/items?p=2 a second time.",
    );
    const cursor: HttpTable = {
      url: 'https://erp/api/items',
      rowsPath: 'items',
      paging: { kind: 'cursor', path: 'c', param: 'c' },
    };
    const again = await failure(walk(cursor, () => ({ items: [], c: 'same' })));
    expect(again.message).toMatch(/page 2 gives the cursor "same" a second time/);
    const away = await failure(walk(next, () => ({ items: [], next: 'https://evil.example/steal' })));
    expect(away.message).toMatch(
      /leads to another server \(https:\/\/evil\.example\); the credentials are not sent there/,
    );
    const notUrl = await failure(walk(next, () => ({ items: [], next: 12 })));
    expect(notUrl.message).toMatch(/is a number, not a URL/);
  });
});

describe('page bodies and retries', () => {
  const where = { from: FROM, page: 'first page', scrub: (t: string) => t.replaceAll('tok', '***') };
  const fails = (text: string): AppError => {
    try {
      parseJson(Buffer.from(text), 'application/json', where);
    } catch (e) {
      return e as AppError;
    }
    throw new Error('parsed');
  };

  it('names the byte a truncated or invalid page breaks at', () => {
    expect(fails('{"value":[{"a":1},{"a":').message).toBe(
      'The first page is truncated JSON: it ends at byte 23 of 23 in the middle of a value.',
    );
    const bad = fails('{"value":[{"é":1} {"a":2}]}');
    expect(bad.message).toMatch(
      /^The first page is invalid JSON at byte 19 of 28 \(Content-Type application\/json\)\.$/,
    );
    expect(fails('<html>login tok</html>').where!.value).toBe('<html>login ***</html>');
    expect(parseJson(Buffer.from('{"value":[]}'), null, where)).toEqual({ value: [] });
  });

  it('backs off exponentially with equal jitter, capped', () => {
    expect(retryDelayMs(1, 0)).toBe(250);
    expect(retryDelayMs(1, 0.9999)).toBe(500);
    expect(retryDelayMs(2, 0)).toBe(500);
    expect(retryDelayMs(30, 0.99999)).toBe(30_000);
    expect(retryDelayMs(30, 0)).toBe(15_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });

  it('a wait ends when the pull is stopped', async () => {
    const stop = new AbortController();
    const waiting = abortableWait(3_600_000, stop.signal);
    stop.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    await expect(abortableWait(3_600_000, stop.signal)).rejects.toThrow('stopped');
  });
});
