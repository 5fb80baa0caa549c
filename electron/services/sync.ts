// Sync services: the status of each target, setting or removing the hub, pausing, and a run now.
import type { ApiInput, SyncStatusT } from '../../shared/api';
import type { HubConfigT } from '../../shared/calls/sync';
import { AppError } from '../../shared/domain/errors';
import type { ReadDb, WriteDb } from '../db/types';
import {
  deleteTarget,
  getTarget,
  laptopId,
  listTargets,
  outboxCounts,
  pulledCount,
  saveTarget,
  setPaused,
  undeliverableCount,
} from '../db/repos/sync';
import { checkHubUrl, hubPassword } from '../sync/hubConnection';

/** The one hub target; the outbox writes its entries for it (repos/decisions.ts). */
export const HUB = 'hub';

/** Host and database of a hub URL, for people (the URL never holds a password). */
function whereOf(config: string): string {
  const url = new URL((JSON.parse(config) as HubConfigT).url);
  return `${url.username}@${url.host}${url.pathname}`;
}

function passwordSet(password: () => string | undefined): boolean {
  try {
    return password() !== undefined;
  } catch {
    return false; // a file with loose permissions: the run says why
  }
}

export function syncStatus(db: ReadDb, password: () => string | undefined = () => hubPassword()): SyncStatusT {
  return {
    laptopId: laptopId(db),
    targets: listTargets(db).map((t) => ({
      id: t.id,
      kind: 'postgres' as const,
      where: whereOf(t.config),
      paused: t.paused === 1,
      ...outboxCounts(db, t.id),
      pulled: pulledCount(db),
      failures: t.failures,
      lastAttemptAt: t.last_attempt_at,
      lastSuccessAt: t.last_success_at,
      nextAttemptAt: t.next_attempt_at,
      lastError: t.last_error,
      lastErrorHint: t.last_error_hint,
      passwordSet: passwordSet(password),
    })),
    undeliverable: undeliverableCount(db),
  };
}

export function setHub(db: WriteDb, input: ApiInput<'sync.setHub'>): void {
  saveTarget(db, HUB, 'postgres', { url: checkHubUrl(input.url), tls: input.tls ?? 'require' });
}

export function removeHub(db: WriteDb): void {
  deleteTarget(db, HUB);
}

export function pauseTarget(db: WriteDb, input: ApiInput<'sync.pause'>): void {
  if (!getTarget(db, input.target)) {
    throw new AppError('not_found', `No sync target "${input.target.slice(0, 40)}".`, {
      where: { field: 'target', value: input.target.slice(0, 40) },
      hint: 'Set the hub first (planroom sync hub --url postgres://USER@HOST/DB).',
    });
  }
  setPaused(db, input.target, input.paused);
}
