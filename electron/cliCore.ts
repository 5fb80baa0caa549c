// The command line's plumbing shared by its verbs: exit codes, the verb shape, terminal I/O, and
// one API call through the dispatcher on a freshly opened database.
import type { ParseArgsConfig } from 'node:util';
import type { ApiInput, ApiName, ApiOutput } from '../shared/api';
import type { AppErrorShape } from '../shared/domain/errors';
import { dispatch, type CallContext } from '../shared/dispatch';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { migrate, loadMigrations } from './db/migrate';
import { openDatabase } from './db/open';
import type { WriteDb } from './db/types';
import { EngineHost } from './engine/engineHost';
import { resolveDbPath } from './paths';
import { ProgressLine } from './progressLine';
import { createHandlers } from './services/handlers';
import { appVersion } from './version';

export const EXIT = { ok: 0, failed: 1, usage: 2, db: 3, busy: 4 } as const;

export interface Verb {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  run(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number>;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const common = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
export const dbOption = { db: { type: 'string' } } as const;

/** A numeric option as a number, or undefined when it was not given (the contract checks range). */

export class UsageError extends Error {}
export const usage = (message: string): UsageError => new UsageError(message);

/** Opens the database, runs one API call through the dispatcher, closes. */
export async function callApi<K extends ApiName>(
  io: Io,
  v: Record<string, unknown>,
  name: K,
  input: ApiInput<K>,
  // Only `import` and `profile set` create a database; other verbs on a mistyped path must say so, not create one.
  // `scratch`: a call that only reads the stored settings (a dry run) runs on an empty database in
  // memory when the file does not exist yet, so it creates nothing.
  open: { create?: boolean; scratch?: boolean } = { create: false },
): Promise<ApiOutput<K>> {
  const dbPath = resolveDbPath(v.db as string | undefined, io.env);
  const db: WriteDb = open.scratch && !existsSync(dbPath) ? scratchDatabase() : openDatabase(dbPath, open);
  const progress = new ProgressLine(io);
  const ctx: CallContext = { progress: (p) => progress.update(p.label, p.done, p.fraction) };
  const engine = new EngineHost(dbPath);
  try {
    const result = await dispatch(createHandlers({ db, dbPath, version: appVersion(), engine }), name, input, ctx);
    progress.done();
    if (!result.ok) throw new CallFailed(result.error);
    return result.data as ApiOutput<K>;
  } finally {
    await engine.close();
    db.close();
  }
}

/** An empty Planroom database in memory: the defaults, nothing on disk. */
function scratchDatabase(): WriteDb {
  const db = new Database(':memory:') as WriteDb;
  migrate(db, loadMigrations());
  return db;
}

export class CallFailed extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

export const money = (x: number): string => Math.round(x).toLocaleString('en-US');

/** A numeric option as a number, or undefined when it was not given (the contract checks range). */
export const optionalNumber = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));
