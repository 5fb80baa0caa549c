// HTTP write-back (issue 17 item 3): one request per outbox entry, in the outbox's order, with an
// Idempotency-Key header so a resend after a crash (answered, not yet recorded) is the receiver's
// to drop. 2xx and 409 (the receiver has that key) are delivered; another 4xx fails that entry for
// good and the run goes on; 401/403, 408/429, 5xx and no answer stop the run (the loop backs off
// and the entry stays pending). Outcomes are recorded a few at a time through the write queue,
// never with a transaction open across a request.
import type { HttpTargetConfigT } from '../../shared/calls/sync';
import { AppError } from '../../shared/domain/errors';
import { renderBodyTemplate, templateContext } from '../../shared/sync/bodyTemplate';
import { envNameOf } from '../../shared/sync/secretNames';
import { crashPoint } from '../db/crashPoints';
import { markDeliveries, pendingFor, type DeliveryMark } from '../db/repos/deliveries';
import type { OutboxRow } from '../db/repos/sync';
import { networkFailure, statusFailure } from './httpFailure';
import type { TargetDeliveryDeps, TargetRunResult } from './targetDelivery';
import { targetKinds, targetWhere } from './targets';

/** Entries read per query, and outcomes recorded per transaction. */
const READ_BATCH = 100;
const MARK_BATCH = 20;
/** How much of an answer is kept and shown. */
const RESPONSE_CUT = 2000;
/** A Retry-After up to this is waited out within the run (once per entry); a longer one stops it. */
const RETRY_AFTER_MAX_S = 10;

type Outcome = { mark: DeliveryMark } | { stop: AppError };

/** Content-Type, the auth header from the secret store, and the target's own headers. */
function baseHeaders(deps: TargetDeliveryDeps, target: string, cfg: HttpTargetConfigT): Record<string, string> {
  const headers: Record<string, string> = { ...cfg.headers, 'Content-Type': 'application/json' };
  if (cfg.auth === 'none') return headers;
  const name = `target:${target}` as const;
  const secret = deps.secrets.get(name);
  if (!secret) {
    const what = cfg.auth === 'bearer' ? 'token' : 'password';
    throw new AppError('invalid_input', `No ${what} is set for the ${target} target (${cfg.auth} auth).`, {
      hint: `Type the ${what} on the ${target} target's card on the Sync page (or run planroom sync secret ${target}), or set ${envNameOf(name)}; nothing was sent.`,
    });
  }
  headers.Authorization =
    cfg.auth === 'bearer'
      ? `Bearer ${secret}`
      : `Basic ${Buffer.from(`${cfg.username ?? ''}:${secret}`, 'utf8').toString('base64')}`;
  return headers;
}

/** At most `limit` characters of the answer's body, without reading the rest. */
async function readCut(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.slice(0, limit);
}

/** Seconds from a Retry-After header (seconds or an HTTP date), or undefined. */
function retryAfterSeconds(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function bodyOf(cfg: HttpTargetConfigT, row: OutboxRow): string {
  const template = cfg.templates[row.kind as keyof HttpTargetConfigT['templates']]!;
  const payload: unknown = JSON.parse(row.payload);
  return renderBodyTemplate(
    template,
    templateContext({ idempotencyKey: row.idempotency_key, kind: row.kind, createdAt: row.created_at, payload }),
  );
}

async function sendEntry(
  cfg: HttpTargetConfigT,
  target: string,
  headers: Record<string, string>,
  row: OutboxRow,
): Promise<Outcome> {
  const where = targetWhere(cfg);
  const body = bodyOf(cfg, row);
  for (let waited = false; ; waited = true) {
    let res: Response;
    let text: string;
    try {
      res = await fetch(cfg.url, {
        method: cfg.method,
        headers: { ...headers, 'Idempotency-Key': row.idempotency_key },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(cfg.timeoutMs),
      });
      text = await readCut(res, RESPONSE_CUT);
    } catch (e) {
      return { stop: networkFailure(e, cfg, target) };
    }
    // Killed here, the receiver has the entry and this laptop does not know: the restart sends
    // it again with the same Idempotency-Key (tested).
    crashPoint('http-target', 'after-response');
    const status = res.status;
    if ((status >= 200 && status < 300) || status === 409) {
      return { mark: { outboxId: row.id, state: 'delivered', httpStatus: status } };
    }
    const retryAfter = status === 429 || status === 503 ? retryAfterSeconds(res) : undefined;
    if (retryAfter !== undefined && retryAfter <= RETRY_AFTER_MAX_S && !waited) {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      continue;
    }
    const permanent = status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
    if (permanent) return { mark: { outboxId: row.id, state: 'failed', httpStatus: status, response: text } };
    return { stop: statusFailure(status, cfg, target, where, retryAfter) };
  }
}

export async function deliverHttp(
  deps: TargetDeliveryDeps,
  target: string,
  cfg: HttpTargetConfigT,
): Promise<TargetRunResult> {
  const headers = baseHeaders(deps, target, cfg);
  const kinds = targetKinds(cfg);
  const marks: DeliveryMark[] = [];
  let pushed = 0;
  let failed = 0;
  const flush = async (): Promise<void> => {
    if (marks.length === 0) return;
    const batch = marks.splice(0);
    await deps.writes.run(() => markDeliveries(deps.db, target, batch, deps.now()));
  };
  try {
    for (;;) {
      const rows = pendingFor(deps.read, target, kinds, READ_BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        const outcome = await sendEntry(cfg, target, headers, row);
        if ('stop' in outcome) throw outcome.stop;
        marks.push(outcome.mark);
        if (outcome.mark.state === 'delivered') pushed++;
        else failed++;
        if (marks.length >= MARK_BATCH) await flush();
      }
      // Recorded before the next read, which must not see these entries as pending again.
      await flush();
    }
  } finally {
    // What was answered before a stop is kept, so it is not sent again.
    await flush();
  }
  return { pushed, failed };
}
