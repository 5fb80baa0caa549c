// Runs one API call against a set of handlers: validates the input against the contract, turns
// expected failures (AppError) into typed results, and lets bugs surface as 'internal'.
import { z } from 'zod';
import { api, isApiName, type ApiName, type ApiOutput, type ApiResult } from './api';
import { AppError } from './domain/errors';
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

export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext = {},
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
    if (e instanceof AppError) return fail(e);
    if (isBusy(e)) return fail(busyError());
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `Internal error in ${name}: ${message}` } };
  }
}

/** SQLite's "the write lock is held elsewhere" after its busy timeout ran out. */
const isBusy = (e: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code ?? ''));

const busyError = (): AppError =>
  new AppError('busy', 'Another Planroom process is writing to this database (an import, most likely).', {
    hint: 'Try again when it ends; nothing was changed by this call.',
  });

function fail(e: AppError): ApiResult<never> {
  return { ok: false, error: e.toShape() };
}
