// The demo company in a fresh database with the service handlers and an engine worker, called
// through the API contract as IPC, HTTP and the CLI call it.
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { EngineHost } from '../../electron/engine/engineHost';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { createHandlers } from '../../electron/services/handlers';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { dispatch } from '../../shared/dispatch';

export interface DemoApi {
  db: WriteDb;
  /** The call's output; throws with the message when it failed. */
  call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
  /** The call's error; throws when it succeeded. */
  fail<K extends ApiName>(name: K, input: ApiInput<K>): Promise<AppErrorShape>;
  close(): Promise<void>;
}

/** `now`: the clock the services record (the meeting run), for tests that move time by hand. */
export async function openDemoApi(dir: string, opts: { now?: () => string } = {}): Promise<DemoApi> {
  const path = join(dir, 'p.db');
  const db = openDatabase(path);
  await loadDemoCompany(db);
  return apiOn(db, path, opts);
}

/** The API over an open database (its file at `path`), with an engine worker, as the app serves it. */
export function apiOn(db: WriteDb, path: string, opts: { now?: () => string } = {}): DemoApi {
  const engine = new EngineHost(path);
  const handlers = createHandlers({ db, dbPath: path, version: 'test', engine, now: opts.now });
  return {
    db,
    async call(name, input) {
      const r = await dispatch(handlers, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.data as never;
    },
    async fail(name, input) {
      const r = await dispatch(handlers, name, input);
      if (r.ok) throw new Error(`${name} should have failed`);
      return r.error;
    },
    async close() {
      await engine.close();
      db.close();
    },
  };
}
