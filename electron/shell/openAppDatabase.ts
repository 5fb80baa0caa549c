// The database of a long-running start (the Electron window, `planroom serve`): opened and
// migrated, the demo company loaded on a first run. A start that fails after this (or during
// the demo's load) calls `abandon`: a database this start created goes again, so only a start
// that got ready leaves a new file behind; an existing one is only closed.
import { existsSync } from 'node:fs';
import { dataVersion, discardNewDatabase, openDatabase } from '../db/open';
import type { WriteDb } from '../db/types';
import { loadDemoCompany } from '../services/demoCompany';
import type { CallContext } from '../../shared/dispatch';

export interface AppDatabase {
  db: WriteDb;
  /** True when this start loaded the demo company (a first run). */
  loadedDemo: boolean;
  /** Closes the database, and removes it when this start created it. */
  abandon(): void;
}

export async function openAppDatabase(
  dbPath: string,
  opts: {
    demo: boolean;
    progress?: CallContext['progress'];
    /** The demo's folder (tests); assets/demo when not given. */ demoDir?: string;
  },
): Promise<AppDatabase> {
  const isNew = !existsSync(dbPath);
  // No quick_check: it reads every page, seconds on an L database at every start (open.ts).
  const db = openDatabase(dbPath, { quickCheck: false });
  const versionAtOpen = dataVersion(db);
  const abandon = (): void => {
    if (isNew) discardNewDatabase(db, dbPath, versionAtOpen);
    else db.close();
  };
  try {
    const loadedDemo = opts.demo ? await loadDemoCompany(db, opts.demoDir, { progress: opts.progress }) : false;
    return { db, loadedDemo, abandon };
  } catch (e) {
    abandon();
    throw e;
  }
}
