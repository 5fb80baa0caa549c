// The command line's plumbing shared by its verbs: exit codes, the verb shape, terminal I/O, and
// one API call through the dispatcher on a freshly opened database.
import type { ParseArgsConfig } from 'node:util';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api';
import { shownName } from '../../shared/domain/displayName';
import type { AppErrorShape } from '../../shared/domain/errors';
import { dispatch, type CallContext } from '../../shared/dispatch';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { callHooks } from '../callHooks';
import { migrate, loadMigrations } from '../db/migrate';
import { dataVersion, discardNewDatabase, openDatabase } from '../db/open';
import { openReadConnection } from '../db/readConnection';
import type { WriteDb } from '../db/types';
import { EngineHost } from '../engine/engineHost';
import { resolveDbPath } from '../paths';
import { ProgressLine } from '../progressLine';
import { createHandlers } from '../services/handlers';
import { fileSecrets } from '../secrets/fileSecrets';
import { appVersion } from '../version';

export const EXIT = { ok: 0, failed: 1, usage: 2, db: 3, busy: 4 } as const;

export interface Verb {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  run(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number>;
}

/** One subcommand of a verb (`planroom cycle create ...`). */
export interface Subcommand {
  /** What follows `planroom VERB NAME` in the usage: its flags and arguments. */
  usage: string;
  /** How many positional arguments it takes after its name (default none). */
  args?: number;
  /** `args`: the positionals after the subcommand's name. */
  run(values: Record<string, unknown>, args: string[], io: Io): Promise<number>;
}

export interface SubcommandVerb {
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** The subcommand when none is named (`planroom cycle` is `planroom cycle show`). */
  default?: string;
  subs: Record<string, Subcommand>;
  /** Flags every subcommand takes, shown once at the end of the usage. */
  commonUsage: string;
}

/**
 * A verb made of subcommands: the first positional picks one (or the default). Its usage text,
 * the "unknown command" message and the check for stray arguments come from the one table, so
 * the help a user reads and the commands that exist cannot drift apart.
 */
export function subcommandVerb(verb: string, spec: SubcommandVerb): Verb {
  const names = Object.keys(spec.subs);
  const shape = (name: string) => {
    const head = name === spec.default ? `[${name}]` : name;
    const rest = spec.subs[name]!.usage;
    return rest ? `${head} ${rest}` : head;
  };
  const usageText = `planroom ${verb} ${names.map((n, i) => (i === 0 ? shape(n) : `${verb} ${shape(n)}`)).join(' | ')}   ${spec.commonUsage}`;
  return {
    summary: spec.summary,
    usage: usageText,
    options: spec.options,
    positionals: true,
    run(v, positionals, io) {
      const [name = spec.default, ...args] = positionals;
      const sub = name === undefined ? undefined : spec.subs[name];
      if (!sub) {
        throw usage(
          name === undefined
            ? `give a command: ${names.join(', ')}`
            : `unknown ${verb} command "${shownName(name, 40)}" (${names.join(', ')})`,
        );
      }
      const extra = args[sub.args ?? 0];
      if (extra !== undefined) throw usage(`unexpected argument "${shownName(extra, 40)}"`);
      return sub.run(v, args, io);
    },
  };
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
/** `--as NAME`: who made a change, recorded with it. */
export const asOption = { as: { type: 'string', default: 'planroom CLI' } } as const;
/** `--cycle N`: the cycle a verb works on, else the current one. */
export const cycleOption = { cycle: { type: 'string' } } as const;

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
  const isNew = !existsSync(dbPath);
  const scratch = Boolean(open.scratch) && isNew;
  const db: WriteDb = scratch ? scratchDatabase() : openDatabase(dbPath, open);
  const versionAtOpen = dataVersion(db);
  const read = openReadConnection(db);
  const progress = new ProgressLine(io);
  const ctx: CallContext = { progress: (p) => progress.update(p.label, p.done, p.fraction) };
  const engine = new EngineHost(dbPath);
  let succeeded = false;
  try {
    // The same secrets as `planroom serve` on this database (fileSecrets: the environment, else <db>.secrets/).
    const secrets = fileSecrets(dbPath, io.env);
    const handlers = createHandlers({ db, read, dbPath, version: appVersion(), engine, secrets });
    const result = await dispatch(handlers, name, input, ctx, callHooks(dbPath, io.env));
    progress.done();
    if (!result.ok) throw asFlagError(result.error, v) ?? new CallFailed(result.error);
    succeeded = true;
    return result.data as ApiOutput<K>;
  } finally {
    await engine.close();
    if (read !== db) read.close();
    // A new database file is left only by a command that succeeded (a failed first import).
    if (isNew && !succeeded && !scratch) discardNewDatabase(db, dbPath, versionAtOpen);
    else db.close();
  }
}

/** An empty Planroom database in memory: the defaults, nothing on disk. */
function scratchDatabase(): WriteDb {
  const db = new Database(':memory:') as WriteDb;
  migrate(db, loadMigrations());
  return db;
}

/**
 * The contract's fields that CLI flags of another name feed: in order of preference, as `cycleId`
 * is `--cycle` for most verbs and `--id` for `planroom cycle`.
 */
const FLAGS_OF_FIELD: Record<string, string[]> = {
  cycleId: ['cycle', 'id'],
  snapshotId: ['snapshot', 'id'],
  issueId: ['id'],
  meetingAt: ['meeting'],
  startPeriod: ['start'],
  horizonPeriods: ['horizon'],
  ownerRole: ['owner'],
  reviewStatus: ['status'],
  includeResolved: ['resolved'],
  dimension: ['by'],
  skipBadRows: ['skip-bad-rows'],
  dueBefore: ['due-before'],
  q: ['search'],
  kpiId: ['kpi'],
  exceptionKeys: ['exception'],
  expectedValue: ['expected'],
};

/**
 * A refused input that came from a flag the user typed, as a usage error naming that flag
 * (`--meeting "garbage": Invalid ISO datetime`) instead of the contract's field (`meetingAt`).
 * Fields read from a file (a profile, levers) keep their own name: the file is what to fix.
 */
export function asFlagError(error: AppErrorShape, v: Record<string, unknown>): UsageError | undefined {
  const field = error.where?.field;
  if (error.code !== 'invalid_input' || !field) return undefined;
  const head = field.split('.')[0]!;
  const flag = [...(FLAGS_OF_FIELD[head] ?? []), head].find((f) => v[f] !== undefined && v[f] !== false);
  if (!flag || (field !== head && !Array.isArray(v[flag]))) return undefined;
  const problem = error.message.includes(`${field}: `)
    ? error.message.split(`${field}: `).slice(1).join(`${field}: `)
    : error.message;
  const value = Array.isArray(v[flag]) ? undefined : String(v[flag]);
  const shown = value === undefined || value === 'true' ? '' : ` "${value.slice(0, 60)}"`;
  // The service's hint says what to type instead (`Type a date (2026-12-04), fri, +2w...`).
  const hint = error.hint ? ` (${error.hint.replace(/\.$/, '')})` : '';
  return usage(`--${flag}${shown}: ${problem.replace(/\.$/, '')}${hint}`);
}

export class CallFailed extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

/**
 * A whole-number option (an id, an offset, a count) as a number, or undefined when it was not
 * given. Anything else is a usage error naming the flag (`--snapshot abc`), not the contract's
 * field it feeds; the contract still checks the range.
 */
export function optionalNumber(v: Record<string, unknown>, flag: string): number | undefined {
  const value = v[flag];
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{1,15}$/.test(text)) {
    throw usage(`--${flag} must be a whole number (0, 1, 2...), not "${text.slice(0, 40)}"`);
  }
  return Number(text);
}

/** A whole-number option that must be given. */
export function requiredNumber(v: Record<string, unknown>, flag: string): number {
  const n = optionalNumber(v, flag);
  if (n === undefined) throw usage(`--${flag} N is required`);
  return n;
}
