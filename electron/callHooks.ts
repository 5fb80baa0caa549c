// What the electron side adds to every API call (shared/dispatch.ts): SQLite's damaged-file and
// disk errors become database errors, and every internal error is logged with its stack.
import type { DispatchHooks } from '../shared/dispatch';
import { classifyDbError } from './db/dbErrors';
import { logInternal } from './log';

export function callHooks(dbPath: string, env: NodeJS.ProcessEnv = process.env): DispatchHooks {
  return {
    classify: (error) => classifyDbError(error, dbPath),
    onInternal: (name, error) => logInternal(name, error, env),
  };
}
