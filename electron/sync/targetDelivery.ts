// What a delivery to an HTTP or file-drop target gets and gives back (the sync loop runs it and
// records the target's health; per-entry outcomes go to outbox_deliveries, repos/deliveries.ts).
import { AppError } from '../../shared/domain/errors';
import type { ReadDb, WriteDb } from '../db/types';
import type { SecretStore } from '../secrets/secretStore';
import type { WriteQueue } from '../services/writeQueue';

export interface TargetDeliveryDeps {
  db: WriteDb;
  /** Reads go here, never to `db` (an import's open transaction is not seen). */
  read: ReadDb;
  /** Every local write goes through it, one short transaction at a time. */
  writes: WriteQueue;
  secrets: SecretStore;
  now: () => string;
}

/**
 * A run that reached the target. A failure of the whole run (unreachable, 5xx, timeout) is
 * thrown as an AppError with a hint, and the loop backs off; an entry refused for good (4xx) is
 * recorded as failed and the run goes on.
 */
export interface TargetRunResult {
  /** Entries delivered in this run. */
  pushed: number;
  /** Entries refused for good in this run. */
  failed: number;
}

/**
 * A failed run whose receiver said how long to leave it alone (HTTP Retry-After): the loop waits
 * at least that long before the next try, instead of knocking again after its own backoff.
 */
export class WaitAsked extends AppError {
  constructor(
    failure: AppError,
    readonly waitMs: number,
  ) {
    super(failure.code, failure.message, { where: failure.where, hint: failure.hint, details: failure.details });
  }
}
