// HTTP write-back (issue 17 item 3): one request per outbox entry with an Idempotency-Key.
import type { HttpTargetConfigT } from '../../shared/calls/sync';
import type { TargetDeliveryDeps, TargetRunResult } from './targetDelivery';

export async function deliverHttp(
  _deps: TargetDeliveryDeps,
  _target: string,
  _cfg: HttpTargetConfigT,
): Promise<TargetRunResult> {
  await Promise.resolve();
  throw new Error('HTTP write-back is not built yet');
}
