// One GET of a feed's page, with what can go wrong on the way turned into messages that say
// what, where and what to do: credentials refused (401/403, not retried), not found (404),
// too many requests (429: Retry-After honoured, in seconds or as an HTTP date, up to a cap),
// a failing service (5xx), no answer in time, a refused connection or an unknown host. 429, 5xx,
// 408, timeouts and connection failures are tried again `retries` times with exponential backoff
// and jitter; the last failure is reported with how many tries were made and how long was waited.
// The timeout covers the request and reading its body; the caller's signal stops either at once.
import type { HttpSource } from '../../shared/calls/sources';
import { AppError, cutInput } from '../../shared/domain/errors';
import type { FeedAuth } from './httpAuth';
import { parseJson, readLimited, type BodyWhere } from './httpBody';

/** A Retry-After longer than this is not waited out: the pull fails and says so. */
export const RETRY_AFTER_CAP_S = 120;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
/** How much of an error answer's body a message quotes. */
const BODY_QUOTE = 200;

export interface FetchContext {
  settings: HttpSource;
  auth: FeedAuth;
  /** The reader's `from`, as errors name it. */
  from: string;
  signal: AbortSignal;
  /** Waits `ms` (or until `signal` aborts): the backoff and Retry-After waits, replaceable in tests. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
  /** Told of each wait before a retry. */
  onRetry?(info: { attempt: number; waitMs: number; reason: string }): void;
}

export interface Page {
  json: unknown;
  bytes: number;
}

/** The wait before try `attempt + 1` (attempt counts from 1): equal jitter, half fixed, half random. */
export function retryDelayMs(attempt: number, random: number): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt - 1, 20));
  return Math.round(exp / 2 + (exp / 2) * random);
}

/** Seconds asked by a Retry-After header (delay-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A sleep that ends early, rejecting, when `signal` aborts. */
export function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** A failure that may pass if asked again, and what Retry-After asked. */
class Retriable {
  constructor(
    readonly error: AppError,
    readonly retryAfterS?: number,
  ) {}
}

export async function getJson(url: string, page: string, ctx: FetchContext): Promise<Page> {
  const where: BodyWhere = { from: ctx.from, page, scrub: ctx.auth.scrub };
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryOnce(url, where, ctx);
    if (!(outcome instanceof Retriable)) return outcome;
    const asked = outcome.retryAfterS;
    const tried = `${attempt} ${attempt === 1 ? 'try' : 'tries'}${waitedMs > 0 ? `, ${seconds(waitedMs)} waited between them` : ''}`;
    if (asked !== undefined && asked > RETRY_AFTER_CAP_S) {
      throw withTried(
        outcome.error,
        `It asks to wait ${asked} s (Retry-After), longer than the ${RETRY_AFTER_CAP_S} s a pull waits; ${tried}.`,
      );
    }
    if (attempt > ctx.settings.retries) throw withTried(outcome.error, `Gave up after ${tried}.`);
    const waitMs = asked !== undefined ? asked * 1000 : retryDelayMs(attempt, ctx.random());
    ctx.onRetry?.({ attempt, waitMs, reason: outcome.error.message });
    try {
      await ctx.wait(waitMs, ctx.signal);
    } catch {
      throw stopped(ctx.from);
    }
    waitedMs += waitMs;
  }
}

async function tryOnce(url: string, where: BodyWhere, ctx: FetchContext): Promise<Page | Retriable> {
  if (ctx.signal.aborted) throw stopped(ctx.from);
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.settings.timeoutSeconds * 1000)]);
  let res: Response;
  try {
    res = await fetch(url, { headers: ctx.auth.headers, redirect: 'manual', signal });
  } catch (e) {
    return new Retriable(networkFailure(e, url, where, ctx));
  }
  try {
    if (res.status >= 200 && res.status < 300) {
      const body = await readLimited(res, ctx.settings.maxPageMb * 1024 ** 2, where);
      return { json: parseJson(body, res.headers.get('content-type'), where), bytes: body.byteLength };
    }
    const quote = ctx.auth.scrub(await readQuote(res));
    return statusFailure(res, quote, where, ctx);
  } catch (e) {
    if (e instanceof AppError) throw e;
    return new Retriable(networkFailure(e, url, where, ctx));
  }
}

function statusFailure(res: Response, quote: string, where: BodyWhere, ctx: FetchContext): Retriable {
  const status = res.status;
  const said = quote ? ` It said: "${quote}".` : '';
  const at = { where: { file: where.from } };
  if (status === 401 || status === 403) {
    throw new AppError('import_failed', `The ${where.page} answered HTTP ${status}: credentials refused.${said}`, {
      ...at,
      hint:
        ctx.settings.auth.kind === 'none'
          ? 'The feed wants credentials: choose bearer, basic or API-key auth for the connection and set its secret.'
          : "Set the connection's secret again (it may have expired), and check that its user may read this table.",
    });
  }
  if (status === 404) {
    throw new AppError('import_failed', `The ${where.page} is not found (HTTP 404).${said}`, {
      ...at,
      hint: "Check the table's URL in the connection (the path, the entity set's name), and that the service is the one meant.",
    });
  }
  if (status >= 300 && status < 400) {
    const to = res.headers.get('location');
    throw new AppError('import_failed', `The ${where.page} answered a redirect (HTTP ${status}).`, {
      where: { file: where.from, value: to ? cutInput(ctx.auth.scrub(to), 200) : undefined },
      hint: "Put the final address in the table's URL: Planroom does not follow redirects with the connection's credentials.",
    });
  }
  const error = new AppError(
    'import_failed',
    `The ${where.page} answered HTTP ${status}${status === 429 ? ' (too many requests)' : ''}.${said}`,
    {
      ...at,
      hint:
        status === 429
          ? 'The service limits how often it is asked: pull later, or raise the retries of the connection.'
          : status >= 500
            ? 'The service is failing: pull again later, or ask the system owner.'
            : ctx.settings.odata && status === 400
              ? "The service refused the query: every field the mapping profile reads is asked for by name ($select), so each must be a property of the entity set; check the profile's field names and the table's URL."
              : "The service refused the request: check the table's URL and the connection's headers.",
    },
  );
  if (status !== 429 && status !== 408 && status < 500) throw error;
  return new Retriable(error, retryAfterSeconds(res.headers.get('retry-after'), Date.now()));
}

/** At most BODY_QUOTE characters of an error answer, on one line, without reading the rest. */
async function readQuote(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length <= BODY_QUOTE) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return cutInput(text.replace(/\s+/g, ' ').trim(), BODY_QUOTE);
}

/** The system error code of a failed fetch (undici wraps it in `cause`, sometimes an AggregateError). */
function causeCode(e: unknown): string | undefined {
  let c: unknown = (e as { cause?: unknown }).cause ?? e;
  if (c instanceof AggregateError) c = c.errors[0];
  const code = (c as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function hostPort(url: string): string {
  const u = new URL(url);
  return cutInput(`${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`, 120);
}

function networkFailure(e: unknown, url: string, where: BodyWhere, ctx: FetchContext): AppError {
  if (ctx.signal.aborted) throw stopped(ctx.from);
  const at = { where: { file: where.from } };
  const host = hostPort(url);
  if ((e as { name?: string }).name === 'TimeoutError') {
    const s = ctx.settings.timeoutSeconds;
    return new AppError('import_failed', `No answer to the ${where.page} within ${s} s (timeout).`, {
      ...at,
      hint: `The service at ${host} is slow or unreachable: if it is only slow, raise the connection's timeout (now ${s} s) or make its pages smaller.`,
    });
  }
  const code = causeCode(e);
  if (code === 'ECONNREFUSED') {
    return new AppError('import_failed', `Connection refused at ${host}.`, {
      ...at,
      hint: "Nothing answers at that address: check the URL's host and port, and that the service runs.",
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('import_failed', `The host ${cutInput(new URL(url).hostname, 100)} is not found (DNS).`, {
      ...at,
      hint: "Check the URL's host name, and that this computer is online (or on the company network).",
    });
  }
  if (code && /CERT|SSL|TLS/.test(code)) {
    return new AppError('import_failed', `The TLS certificate of ${host} was refused (${code}).`, {
      ...at,
      hint: 'Ask the system owner for a certificate this computer trusts, or fix the URL’s host name.',
    });
  }
  const what = code ?? cutInput(ctx.auth.scrub((e as Error).message ?? String(e)), 120);
  return new AppError('import_failed', `The connection to ${host} failed during the ${where.page} (${what}).`, {
    ...at,
    hint: 'The connection was lost or closed before the page ended: pull again; if it repeats, ask the system owner.',
  });
}

function stopped(from: string): AppError {
  return new AppError('import_failed', 'The pull was stopped before the table was read.', {
    where: { file: from },
    hint: 'Nothing was kept from it; pull again when ready.',
  });
}

function withTried(e: AppError, tried: string): AppError {
  return new AppError(e.code, `${e.message} ${tried}`, { where: e.where, hint: e.hint });
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
