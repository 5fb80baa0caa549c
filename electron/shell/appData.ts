// What the Electron window's API runs on, loaded and opened only after the window has painted
// (main.ts imports this module dynamically): the database (openAppDatabase.ts), the services with
// the engine warming in the background and the sync loop, and the secrets in the system keyring.
// Every package the services use (zod's contract, date-fns, better-sqlite3...) is required here,
// not before the window.
import type { SafeStorage } from 'electron';
import type { Handlers } from '../../shared/dispatch';
import { currentCycle } from '../db/repos/cycles';
import { electronPrinter } from '../printPdf';
import { createHandlers } from '../services/handlers';
import { safeStorageSecrets } from '../secrets/safeStorageSecrets';
import { withEnvironment } from '../secrets/withEnvironment';
import { appVersion } from '../version';
import { openAppDatabase } from './openAppDatabase';

export interface AppData {
  handlers: Handlers;
  /** The cycle the database opens on (its newest open one), for Open Recent; none yet: undefined. */
  cycle: string | undefined;
  close(): void;
}

export async function openAppData(opts: {
  dbPath: string;
  demo: boolean;
  userData: string;
  safeStorage: SafeStorage;
}): Promise<AppData> {
  const { db, abandon } = await openAppDatabase(opts.dbPath, { demo: opts.demo });
  // Passwords typed in the window are encrypted by the system keyring (safeStorage, usable once
  // the app is ready); one in the environment still wins, as in the CLI.
  const secrets = withEnvironment(safeStorageSecrets(opts.safeStorage, opts.userData));
  let handlers: Handlers;
  try {
    handlers = createHandlers({
      db,
      dbPath: opts.dbPath,
      version: appVersion(),
      warm: true,
      sync: true,
      printPdf: electronPrinter,
      secrets,
    });
  } catch (e) {
    abandon();
    throw e;
  }
  return { handlers, cycle: currentCycle(db)?.name, close: () => db.close() };
}
