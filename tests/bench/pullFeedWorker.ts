// The pull bench's OData service in a worker thread: a source system's own server runs on another
// machine, so its work must not take turns on one thread with the pull being measured. And it
// must be a fair peer: a real OData service answers a page from its database's index, while the
// test feed (tests/helpers/feedServer.ts) generates the demo company's rows as it writes them
// (date arithmetic, JSON per value), work that made the service, not Planroom, the bottleneck.
// So every page the pull will ask for is built once before the bench's clock starts (the
// reader's own first URLs, $select included, then each @odata.nextLink) and kept as bytes; the
// measured pull is then answered from memory, as fast as node:http can send. The bench starts
// this file's code as a worker of itself (dist/bench.cjs), and the worker answers with every
// source's connection settings once the pages are ready.
import { get as httpGet, createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { SOURCE_SYSTEMS } from '../../shared/domain/canonical';
import type { HttpSource } from '../../shared/calls/sources';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import type { DemoSize } from '../../electron/demo/company';
import { feedAuth } from '../../electron/pulls/httpAuth';
import { odataFirstUrl } from '../../electron/pulls/odataQuery';
import { tablesOf } from '../../electron/pulls/readersFor';
import { startFeedServer } from '../helpers/feedServer';

export interface FeedWorkerData {
  role: 'pull-feed';
  size: DemoSize;
}

export const isFeedWorker = (data: unknown): data is FeedWorkerData =>
  typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'pull-feed';

/** A page as the feed answered it. */
interface KeptPage {
  headers: Record<string, string>;
  body: Buffer;
}

interface PageStore {
  url: string;
  /** Set once every page is kept. */
  ready: boolean;
}

const bodyOf = (res: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });

/**
 * A server in front of `origin` that keeps every 200 answer by its request URL and answers it
 * again from memory. The Host it forwards is its own, so the feed's next links lead back to it.
 */
async function startPageStore(origin: string): Promise<PageStore> {
  const pages = new Map<string, KeptPage>();
  const originUrl = new URL(origin);
  const server = createServer((req, res) => {
    // The answer depends on the URL and on Accept (IEEE754Compatible sends numbers as strings).
    const key = `${req.headers.accept ?? ''} ${req.url ?? ''}`;
    const kept = pages.get(key);
    if (kept) {
      res.writeHead(200, { ...kept.headers, 'content-length': String(kept.body.byteLength) }).end(kept.body);
      return;
    }
    // Every page was asked for before the clock started: a miss means the figure is not fair.
    if (store.ready) console.error(`pull bench feed: ${req.url ?? ''} was not kept; answered by the generating feed`);
    const headers = { ...req.headers };
    const ask = httpGet({ host: originUrl.hostname, port: originUrl.port, path: req.url, headers }, (from) => {
      void bodyOf(from).then((body) => {
        const type = { 'content-type': String(from.headers['content-type'] ?? 'application/json') };
        const own = from.headers['odata-version'] ? { ...type, 'OData-Version': '4.0' } : type;
        if (from.statusCode === 200) pages.set(key, { headers: own, body });
        res.writeHead(from.statusCode ?? 502, { ...own, 'content-length': String(body.byteLength) }).end(body);
      }, () => res.destroy());
    });
    ask.on('error', () => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const store: PageStore = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, ready: false };
  return store;
}

/** Asks for every page the pull of `source` will ask for, so the store keeps them all. */
async function warm(source: (typeof SOURCE_SYSTEMS)[number], settings: HttpSource): Promise<void> {
  for (const mapping of tablesOf(DEFAULT_PROFILES[source])) {
    const table = settings.tables[mapping.table];
    if (!table) continue;
    for (let url: string | null = odataFirstUrl(table, mapping, null); url !== null; ) {
      // The reader's own headers: the store keeps answers by URL and Accept.
      const res = await fetch(url, { headers: feedAuth(settings, undefined, url).headers });
      if (!res.ok) throw new Error(`pull bench feed: ${url} answered ${res.status}`);
      const page = (await res.json()) as { '@odata.nextLink'?: string };
      url = page['@odata.nextLink'] ? new URL(page['@odata.nextLink'], url).href : null;
    }
  }
}

/** Runs in the worker: serves the demo of `size` until the worker is terminated. */
export async function runFeedWorker(): Promise<void> {
  const { size } = workerData as FeedWorkerData;
  // Pages of 5,000 rows: what an OData service's server-driven paging typically sends.
  const feed = await startFeedServer({ size, pageSize: 5000 });
  const store = await startPageStore(feed.url);
  const settings: Record<string, HttpSource> = {};
  for (const s of SOURCE_SYSTEMS) {
    const own = feed.settingsFor(s, 'odata');
    const tables = Object.fromEntries(
      Object.entries(own.tables).map(([t, table]) => [t, { ...table!, url: table!.url.replace(feed.url, store.url) }]),
    );
    settings[s] = { ...own, tables };
    await warm(s, settings[s]);
  }
  store.ready = true;
  parentPort!.postMessage(settings);
}
