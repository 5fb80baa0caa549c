// Why a run to an HTTP target stopped, for people: what happened (status, timeout, refused
// connection at host:port, unknown host) and what to do. The entry that met it stays pending and
// the sync loop backs off; only a 4xx other than 401/403/408/429 fails an entry for good.
import type { HttpTargetConfigT } from '../../shared/calls/sync';
import { AppError, cutInput } from '../../shared/domain/errors';
import { WaitAsked } from './targetDelivery';

const TRIED_AGAIN = 'Planroom sends it again by itself, with a growing wait; "Sync now" tries at once.';

function hostPort(cfg: HttpTargetConfigT): string {
  const url = new URL(cfg.url);
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** The system error code of a failed fetch (undici wraps it in `cause`, sometimes in an AggregateError). */
function causeCode(e: unknown): string | undefined {
  let c: unknown = (e as { cause?: unknown }).cause ?? e;
  if (c instanceof AggregateError) c = c.errors[0];
  const code = (c as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A request that got no answer: timed out, refused, unknown host, reset, TLS refused. */
export function networkFailure(e: unknown, cfg: HttpTargetConfigT, target: string): AppError {
  const where = hostPort(cfg);
  if ((e as { name?: string }).name === 'TimeoutError') {
    const s = cfg.timeoutMs / 1000;
    return new AppError('busy', `No answer from ${where} within ${s} s (timeout).`, {
      hint: `The ${target} target is slow or unreachable; if it is only slow, raise its timeout (now ${s} s). ${TRIED_AGAIN}`,
    });
  }
  const code = causeCode(e);
  switch (code) {
    case 'ECONNREFUSED':
      return new AppError('busy', `Connection refused at ${where}.`, {
        hint: `Nothing answers at that address: check the URL's host and port and that the service runs. ${TRIED_AGAIN}`,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('busy', `The host ${cutInput(new URL(cfg.url).hostname, 100)} is not found (DNS).`, {
        hint: `Check the URL's host name, and that this laptop is online. ${TRIED_AGAIN}`,
      });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new AppError('busy', `The connection to ${where} was closed before an answer.`, { hint: TRIED_AGAIN });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new AppError('busy', `${where} cannot be reached (${code}).`, {
        hint: `This laptop may be offline, or a firewall is in the way. ${TRIED_AGAIN}`,
      });
    default:
      if (code && /CERT|SSL|TLS/.test(code)) {
        return new AppError('busy', `The TLS certificate of ${where} was refused (${code}).`, {
          hint: 'Ask the system owner for a certificate this laptop trusts, or fix the URL’s host name.',
        });
      }
      return new AppError('busy', `Cannot reach ${where}: ${cutInput((e as Error).message ?? String(e), 200)}.`, {
        hint: TRIED_AGAIN,
      });
  }
}

/** An answer that stops the run: credentials refused, busy or failing receiver, a redirect. */
export function statusFailure(
  status: number,
  cfg: HttpTargetConfigT,
  target: string,
  where: string,
  retryAfterS?: number,
): AppError {
  if (status === 401 || status === 403) {
    return new AppError('invalid_input', `${where} refused the credentials (HTTP ${status}): credentials refused.`, {
      hint:
        cfg.auth === 'none'
          ? `The endpoint wants credentials: choose bearer or basic auth for ${target} and set its secret. Nothing was marked failed.`
          : `Check the ${cfg.auth === 'bearer' ? 'token' : 'user name and password'} of ${target} (and its rights on the endpoint). Nothing was marked failed; the entries go once it is fixed.`,
    });
  }
  if (status >= 300 && status < 400) {
    return new AppError('invalid_input', `${where} answered a redirect (HTTP ${status}).`, {
      hint: "Put the endpoint's final address in the target's URL; Planroom does not follow redirects with the decision log.",
    });
  }
  const asks = retryAfterS === undefined ? '' : ` It asks to wait ${retryAfterS} s, and is left alone that long.`;
  const failure = new AppError(
    'busy',
    `${where} answered HTTP ${status}${status === 429 ? ' (too many requests)' : ''}.`,
    {
      hint: `The receiver is busy or failing; the entry stays pending.${asks} ${TRIED_AGAIN}`,
    },
  );
  return retryAfterS === undefined ? failure : new WaitAsked(failure, retryAfterS * 1000);
}
