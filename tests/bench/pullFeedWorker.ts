// The pull bench's OData service in a worker thread: the feed server builds each page's JSON,
// which would otherwise take turns on one thread with the pull being measured; a source system's
// own server runs on another machine. The bench starts this file's code as a worker of itself
// (dist/bench.cjs), and the worker answers with every source's connection settings.
import { parentPort, workerData } from 'node:worker_threads';
import { SOURCE_SYSTEMS } from '../../shared/domain/canonical';
import type { HttpSource } from '../../shared/calls/sources';
import type { DemoSize } from '../../electron/demo/company';
import { startFeedServer } from '../helpers/feedServer';

export interface FeedWorkerData {
  role: 'pull-feed';
  size: DemoSize;
}

export const isFeedWorker = (data: unknown): data is FeedWorkerData =>
  typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'pull-feed';

/** Runs in the worker: serves the demo of `size` until the worker is terminated. */
export async function runFeedWorker(): Promise<void> {
  const { size } = workerData as FeedWorkerData;
  // Pages of 5,000 rows: what an OData service's server-driven paging typically sends.
  const feed = await startFeedServer({ size, pageSize: 5000 });
  const settings = Object.fromEntries(SOURCE_SYSTEMS.map((s) => [s, feed.settingsFor(s, 'odata')])) as Record<
    string,
    HttpSource
  >;
  parentPort!.postMessage(settings);
}
