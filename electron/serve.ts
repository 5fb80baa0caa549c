// `planroom serve` and browser-mode `npm start`: open (or create) the database, load the demo
// company on first run, serve the renderer and API, and print a "ready" line with the URL.
import { AppError } from '../shared/domain/errors';
import { openDatabase } from './db/open';
import { startHost } from './host';
import { openAppWindow } from './openBrowser';
import { rendererDir } from './paths';
import { ProgressLine } from './progressLine';
import { loadDemoCompany } from './services/demoCompany';
import { createHandlers } from './services/handlers';
import { appVersion } from './version';

export interface ServeOptions {
  dbPath: string;
  port: number;
  open: boolean;
  demo: boolean;
  io: { out(l: string): void; err(l: string): void; isTTY: boolean; env: NodeJS.ProcessEnv };
}

/** Resolves when the server has stopped (SIGINT / SIGTERM). */
export async function serve(opts: ServeOptions): Promise<void> {
  const db = openDatabase(opts.dbPath);
  try {
    if (opts.demo) {
      const progress = new ProgressLine(opts.io);
      const loaded = await loadDemoCompany(db, undefined, { progress: (p) => progress.update(p.label, p.done) });
      progress.done();
      if (loaded) opts.io.err(`First run: loaded the demo company into ${opts.dbPath}`);
    }
    const host = await startHost({
      handlers: createHandlers({ db, dbPath: opts.dbPath, version: appVersion(), warm: true }),
      staticDir: rendererDir(),
      port: opts.port,
    }).catch((e: unknown) => {
      if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
      throw new AppError('conflict', `Port ${opts.port} is already in use.`, {
        hint: 'Stop the other Planroom, or pass --port 0 for any free port.',
      });
    });
    // Tests and scripts wait for this exact line.
    opts.io.out(`Planroom ready at ${host.url} (database ${opts.dbPath})`);
    if (opts.open && !openAppWindow(host.url, opts.io.env)) {
      opts.io.out(`No browser window could be opened here; open ${host.url} in a browser.`);
    }
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
  } finally {
    db.close();
  }
}
