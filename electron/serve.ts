// `planroom serve` and browser-mode `npm start`: open (or create) the database, load the demo
// company on first run, serve the renderer and API, and print a "ready" line with the sign-in
// address (it carries the launch's one-time code: see hostSession.ts). A database this command
// created is removed again when it fails before it is ready.
import { AppError } from '../shared/domain/errors';
import { rmSync } from 'node:fs';
import { callHooks } from './callHooks';
import { startHost } from './host';
import { openAppWindow } from './openBrowser';
import { rendererDir } from './paths';
import { ProgressLine } from './progressLine';
import { createHandlers } from './services/handlers';
import { fileSecrets } from './secrets/fileSecrets';
import { openAppDatabase } from './shell/openAppDatabase';
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
  const progress = new ProgressLine(opts.io);
  const { db, loadedDemo, abandon } = await openAppDatabase(opts.dbPath, {
    demo: opts.demo,
    progress: (p) => progress.update(p.label, p.done),
  }).finally(() => progress.done());
  if (loadedDemo) opts.io.err(`First run: loaded the demo company into ${opts.dbPath}`);
  let ready = false;
  /** The page that hands the browser its sign-in address: removed once it has been used. */
  let launchPage: string | undefined;
  const removeLaunchPage = (): void => {
    if (launchPage) rmSync(launchPage, { force: true });
    launchPage = undefined;
  };
  try {
    const host = await startHost({
      handlers: createHandlers({
        db,
        dbPath: opts.dbPath,
        version: appVersion(),
        warm: true,
        sync: true,
        // Shared with the CLI on the same database: a password typed in the browser serves `planroom sync` too.
        secrets: fileSecrets(opts.dbPath, opts.io.env),
      }),
      staticDir: rendererDir(),
      port: opts.port,
      hooks: callHooks(opts.dbPath, opts.io.env),
      onSignIn: removeLaunchPage,
    }).catch((e: unknown) => {
      if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
      throw new AppError('conflict', `Port ${opts.port} is already in use.`, {
        hint: 'Stop the other Planroom, or pass --port 0 for any free port.',
      });
    });
    ready = true;
    // Tests and scripts wait for this exact line. The address signs one browser in, once.
    opts.io.out(`Planroom ready at ${host.loginUrl} (database ${opts.dbPath})`);
    if (opts.open) {
      launchPage = openAppWindow(host.loginUrl, opts.io.env);
      if (!launchPage) {
        opts.io.out(`No browser window could be opened here; open ${host.loginUrl} in a browser (it works once).`);
      }
    }
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
  } finally {
    removeLaunchPage();
    if (!ready) abandon();
    else db.close();
  }
}
