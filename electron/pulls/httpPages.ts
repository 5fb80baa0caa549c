// How the pages of one table's feed follow each other (HttpPaging): one page; a next link at a
// path in each page; OData's @odata.nextLink, or $skip/$top when the service sends none; an
// offset and a limit; a cursor sent back as a parameter. A link or cursor met twice is refused by
// name (a feed whose paging loops would be read forever), and so is a link to another origin
// (the credentials would go with it). Each page's rows are the array at `rowsPath`.
import type { HttpTable } from '../../shared/calls/sources';
import { AppError, cutInput } from '../../shared/domain/errors';
import { shownUrl, withParams } from './httpUrl';

export interface FeedPage {
  /** 1-based. */
  n: number;
  rows: unknown[];
}

/** Reads one page: its JSON, given its URL and its name in messages ("page 3 (https://...)"). */
export type GetPage = (url: string, label: string) => Promise<unknown>;

/** The value at a dotted path ("links.next"); '' is the document itself; undefined when absent. */
export function atPath(doc: unknown, path: string): unknown {
  if (path === '') return doc;
  let v: unknown = doc;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** One field of an object, by its whole name ("@odata.nextLink" has a dot in it). */
const fieldOf = (doc: unknown, key: string): unknown =>
  doc !== null && typeof doc === 'object' && !Array.isArray(doc) && Object.hasOwn(doc, key)
    ? (doc as Record<string, unknown>)[key]
    : undefined;

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** The page's rows at `rowsPath`, or an error saying what is there instead. */
export function rowsAt(doc: unknown, rowsPath: string, label: string, from: string): unknown[] {
  const rows = atPath(doc, rowsPath);
  if (Array.isArray(rows)) return rows;
  const keys =
    doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? Object.keys(doc).slice(0, 10).join(', ') : '';
  const place = rowsPath === '' ? 'The page' : `"${cutInput(rowsPath, 100)}" in the page`;
  throw new AppError(
    'import_failed',
    `${place} is ${rows === undefined ? 'missing' : kindOf(rows)}, not an array of rows (${label}).`,
    {
      where: { file: from, field: rowsPath || undefined, value: keys ? cutInput(`page keys: ${keys}`) : undefined },
      hint: 'Set the table\'s rows path to where the rows are: value for OData, data.items for {"data": {"items": [...]}}, empty when the page is an array.',
    },
  );
}

const pageLabel = (n: number, url: string): string => (n === 1 ? 'first page' : `page ${n} (${shownUrl(url, 200)})`);

export interface PagingOptions {
  /** Rows wanted in all: once the pages given hold this many, no further page is asked for. */
  maxRows?: number;
}

/** A page asked for: its number, and its JSON on the way. */
interface Asked {
  n: number;
  doc: Promise<unknown>;
}

/**
 * The feed's pages in order, each asked for one page ahead: page n+1's URL is worked out from page
 * n's body as soon as it has arrived (before page n's rows are handed on), and its request is in
 * flight while the caller maps page n, so a service building its next page and the reader
 * mapping the last do not take turns. At most one page is asked ahead (two held: the one handed
 * on and the one coming). A fault found while working out the next URL (a loop, a bad link) is
 * thrown after page n is handed on, and a failure of page n+1 when it is awaited, so the caller
 * sees every error in the order it would reading one page at a time. The caller stops a request
 * still in flight through the signal its `get` uses.
 */
export async function* feedPages(
  first: string,
  table: HttpTable,
  get: GetPage,
  from: string,
  opts: PagingOptions = {},
): AsyncGenerator<FeedPage, void, undefined> {
  const paging = table.paging;
  const origin = new URL(first).origin;
  const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  let n = 0;
  // OData with a page size: rows read in the current $skip window, and where it started.
  let windowStart = 0;
  let windowRows = 0;
  const next = (link: unknown, base: string, what: string): string | null => {
    if (link === undefined || link === null || link === '') return null;
    if (typeof link !== 'string') throw badLink(`The ${what} of page ${n} is ${kindOf(link)}, not a URL`, from);
    let resolved: URL;
    try {
      resolved = new URL(link, base);
    } catch {
      throw badLink(`The ${what} of page ${n} is not a URL: "${shownUrl(cutInput(link, 200))}"`, from);
    }
    if (resolved.origin !== origin) {
      throw badLink(
        `The ${what} of page ${n} leads to another server (${shownUrl(resolved.origin, 120)}); the credentials are not sent there`,
        from,
      );
    }
    return resolved.href;
  };
  /** The URL after page n (`here`, whose JSON is `doc`), or null after the last page. */
  const after = (doc: unknown, rows: unknown[], here: string): string | null => {
    switch (paging.kind) {
      case 'none':
        return null;
      case 'next-link':
        return next(atPath(doc, paging.path), here, `next link at "${cutInput(paging.path, 100)}"`);
      case 'odata': {
        const link = next(fieldOf(doc, '@odata.nextLink'), here, '@odata.nextLink');
        windowRows += rows.length;
        if (link === null && paging.pageSize !== undefined && windowRows >= paging.pageSize) {
          windowStart += windowRows;
          windowRows = 0;
          return withParams(first, [
            ['$skip', String(windowStart)],
            ['$top', String(paging.pageSize)],
          ]);
        }
        return link;
      }
      case 'offset': {
        if (rows.length < paging.pageSize) return null;
        windowStart += rows.length;
        return withParams(first, [
          [paging.offsetParam, String(windowStart)],
          [paging.limitParam, String(paging.pageSize)],
        ]);
      }
      case 'cursor': {
        const c = atPath(doc, paging.path);
        if (c === undefined || c === null || c === '') return null;
        if (typeof c !== 'string' && typeof c !== 'number') {
          throw badLink(`The cursor at "${cutInput(paging.path, 100)}" of page ${n} is ${kindOf(c)}`, from);
        }
        const cursor = String(c);
        if (seen.has(`cursor:${cursor}`)) throw looped(`the cursor "${cutInput(cursor, 100)}"`, n, from);
        seen.add(`cursor:${cursor}`);
        return withParams(first, [[paging.param, cursor]]);
      }
    }
  };
  const ask = (url: string): Asked => {
    if (seen.has(url)) throw looped(`the next link ${shownUrl(url, 200)}`, n, from);
    seen.add(url);
    n += 1;
    const doc = get(url, pageLabel(n, url));
    // Awaited when its turn comes, or by nobody when the caller stops first: never unhandled.
    doc.catch(() => undefined);
    return { n, doc };
  };

  let asked: Asked | null = ask(first);
  let url = first;
  let given = 0;
  while (asked !== null) {
    const page: Asked = asked;
    const here = url;
    const doc = await page.doc;
    const rows = rowsAt(doc, table.rowsPath, pageLabel(page.n, here), from);
    given += rows.length;
    asked = null;
    let fault: unknown = null;
    if (given < max) {
      try {
        const to = after(doc, rows, here);
        if (to !== null) {
          asked = ask(to);
          url = to;
        }
      } catch (e) {
        fault = e;
      }
    }
    yield { n: page.n, rows };
    if (fault !== null) throw fault;
  }
}

/** The URL of the first page: the table's own, with the first offset and limit when paged so. */
export function firstPageUrl(url: string, table: HttpTable): string {
  const p = table.paging;
  if (p.kind === 'offset') {
    return withParams(url, [
      [p.offsetParam, '0'],
      [p.limitParam, String(p.pageSize)],
    ]);
  }
  if (p.kind === 'odata' && p.pageSize !== undefined) {
    return withParams(url, [
      ['$skip', '0'],
      ['$top', String(p.pageSize)],
    ]);
  }
  return url;
}

function looped(what: string, n: number, from: string): AppError {
  return new AppError('import_failed', `The feed's paging loops: page ${n} gives ${what} a second time.`, {
    where: { file: from },
    hint: 'The service repeats a page instead of moving on (broken paging): ask the system owner. Planroom stops rather than read the same rows forever; nothing was kept.',
  });
}

function badLink(what: string, from: string): AppError {
  return new AppError('import_failed', `${what}.`, {
    where: { file: from },
    hint: "Check the table's paging settings (the path of the next link or cursor), or ask the system owner about the feed's paging.",
  });
}
