// Runs one API call against a set of handlers: validates the input against the contract, turns
// expected failures (AppError) into typed results, and lets bugs surface as 'internal'. The hooks
// let the electron side classify its own failures (a corrupt database) and log the bugs: shared/
// cannot touch the disk.
import { z } from 'zod';
import { api, isApiName, type ApiName, type ApiOutput, type ApiResult } from './api';
import { AppError, type AppErrorShape } from './domain/errors';
import { parseOrThrow } from './domain/validate';

export interface Progress {
  label: string;
  /** Rows (or items) done so far. */
  done: number;
  /** Share of the work done, 0-1, when known. */
  fraction?: number;
}

export interface CallContext {
  progress?: (p: Progress) => void;
}

export type Handlers = {
  [K in ApiName]: (input: z.output<(typeof api)[K]['input']>, ctx: CallContext) => Promise<ApiOutput<K>> | ApiOutput<K>;
};

export interface DispatchHooks {
  /** An expected failure for an error the caller's side recognizes (SQLITE_CORRUPT), else undefined. */
  classify?(error: unknown): AppError | undefined;
  /** Records a bug with its stack; returns where, for the message (a log file's path). */
  onInternal?(name: string, error: unknown): string | undefined;
}

export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext = {},
  hooks: DispatchHooks = {},
): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) {
    return fail(new AppError('not_found', `Unknown API call "${name}".`, { hint: 'See shared/api.ts for the calls.' }));
  }
  try {
    const input = parseOrThrow(api[name].input as z.ZodType<unknown>, rawInput ?? {}, `The input of ${name} is`);
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown> | unknown;
    const data = await handler(input, ctx);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError && e.code !== 'internal') return fail(e);
    const known = hooks.classify?.(e);
    if (known) return fail(known);
    const loggedAt = hooks.onInternal?.(name, e);
    const error: AppErrorShape =
      e instanceof AppError
        ? e.toShape()
        : { code: 'internal', message: `Internal error in ${name}: ${errorMessage(e).slice(0, 500)}` };
    if (loggedAt) {
      const logged = `This is a bug in Planroom. The details are in ${loggedAt}: please send that file with a report.`;
      error.hint = error.hint ? `${error.hint} ${logged}` : logged;
    }
    return { ok: false, error };
  }
}

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function fail(e: AppError): ApiResult<never> {
  return { ok: false, error: e.toShape() };
}
