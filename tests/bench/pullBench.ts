// The "pull" figure (BENCHMARKS.md): the demo company of --size pulled into fresh databases from
// a local OData v4 service (a worker thread: pullFeedWorker.ts) and from a real PostgreSQL
// (started here, loaded with COPY), through the app's own path (pullSource: the readers, the
// mapping, one snapshot per source), beside importing the same company's export files in the
// same run (the caller's import figure). Target: at most 1.5x the file import's time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HttpSource, SourceConnection } from '../../shared/calls/sources';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { envNameOf } from '../../shared/sync/secretNames';
import { openDatabase } from '../../electron/db/open';
import { getConnection, saveConnection } from '../../electron/db/repos/sourceConnections';
import type { DemoSize } from '../../electron/demo/company';
import { pullSource } from '../../electron/pulls/pullSource';
import { envSecrets } from '../../electron/secrets/envSecrets';
import { loadDemoPostgres } from '../helpers/demoPostgres';
import { postgresBin, startPostgres } from '../helpers/postgres';
import type { Figure } from './figure';
import type { FeedWorkerData } from './pullFeedWorker';

const RATIO_TARGET = 1.5;

/** Pulls every source from its connection into a fresh database; seconds and rows. */
async function pullAll(
  path: string,
  connectionOf: (s: SourceSystem) => SourceConnection,
  env: Record<string, string>,
): Promise<{ secs: number; rows: number }> {
  const db = openDatabase(path);
  try {
    for (const s of SOURCE_SYSTEMS) saveConnection(db, s, connectionOf(s), null);
    const t0 = performance.now();
    let rows = 0;
    for (const s of SOURCE_SYSTEMS) {
      const r = await pullSource(db, getConnection(db, s)!, { secrets: envSecrets(env) });
      if (r.rejectedCount > 0) throw new Error(`pull bench: ${r.rejectedCount} rows of ${s} refused`);
      rows += r.rowCount;
    }
    return { secs: (performance.now() - t0) / 1000, rows };
  } finally {
    db.close();
  }
}

function figure(name: string, size: DemoSize, run: { secs: number; rows: number }, importSecs: number): Figure {
  const ratio = run.secs / importSecs;
  return {
    figure: `pull ${size} from ${name}`,
    value: `${run.secs.toFixed(2)} s (${Math.round(run.rows / run.secs).toLocaleString('en')} rows/s)`,
    peer: `import of the export files ${importSecs.toFixed(2)} s`,
    ratio,
    target: `<= ${RATIO_TARGET}x`,
    pass: ratio <= RATIO_TARGET,
  };
}

/** `importSecs`: the same run's import of the demo's export files of `size`, every source. */
export async function benchPull(work: string, size: DemoSize, importSecs: number): Promise<Figure[]> {
  const dir = join(work, 'pull');
  mkdirSync(dir, { recursive: true });
  const figures: Figure[] = [];

  const worker = new Worker(__filename, { workerData: { role: 'pull-feed', size } satisfies FeedWorkerData });
  try {
    const settings = await new Promise<Record<string, HttpSource>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    figures.push(figure('OData v4', size, await pullAll(join(dir, 'odata.db'), (s) => settings[s]!, {}), importSecs));
  } finally {
    await worker.terminate();
  }

  if (!postgresBin()) {
    figures.push({
      figure: `pull ${size} from PostgreSQL`,
      value: 'PostgreSQL not installed (apt-get install postgresql)',
      peer: '-',
      ratio: null,
      target: '-',
      pass: null,
    });
    return figures;
  }
  const server = await startPostgres();
  try {
    const demo = await loadDemoPostgres(server, size);
    const env = Object.fromEntries(SOURCE_SYSTEMS.map((s) => [envNameOf(`source:${s}`), demo.reader.password]));
    figures.push(figure('PostgreSQL', size, await pullAll(join(dir, 'pg.db'), (s) => demo.sources[s], env), importSecs));
  } finally {
    server.stop();
  }
  return figures;
}
