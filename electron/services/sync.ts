// Sync services: the status of each target, setting or removing the hub and the HTTP and
// file-drop targets, pausing, retrying refused entries, and a run now.
import type { ApiInput, SyncStatusT, SyncTargetStatusT } from '../../shared/api';
import { listConflicts } from '../db/repos/fieldWrites';
import { waitingCount } from '../sync/applyPulled';
import { TargetConfig, type HubConfigT } from '../../shared/calls/sync';
import { AppError } from '../../shared/domain/errors';
import { clearFailures, deliveryCounts, lastFailure } from '../db/repos/deliveries';
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
  type SyncTargetRow,
} from '../db/repos/sync';
import type { SecretName, SecretStore } from '../secrets/secretStore';
import { envSecrets } from '../secrets/envSecrets';
import { checkHubUrl } from '../sync/hubConnection';
import { checkTargetConfig, targetKinds, targetWhere } from '../sync/targets';

/** The one hub target; the outbox writes its entries for it (repos/decisions.ts). */
export const HUB = 'hub';

/** Host and database of a hub URL, for people (the URL never holds a password). */
function whereOf(config: string): string {
  const url = new URL((JSON.parse(config) as HubConfigT).url);
  return `${url.username}@${url.host}${url.pathname}`;
}

function secretSet(secrets: SecretStore, name: SecretName): boolean {
  try {
    return secrets.get(name) !== undefined;
  } catch {
    return false; // a file with loose permissions: the run says why
  }
}

function targetStatus(db: ReadDb, t: SyncTargetRow, secrets: SecretStore): SyncTargetStatusT {
  const health = {
    id: t.id,
    paused: t.paused === 1,
    failures: t.failures,
    lastAttemptAt: t.last_attempt_at,
    lastSuccessAt: t.last_success_at,
    nextAttemptAt: t.next_attempt_at,
    lastError: t.last_error,
    lastErrorHint: t.last_error_hint,
  };
  if (t.kind === 'postgres') {
    return {
      ...health,
      kind: 'postgres',
      where: whereOf(t.config),
      ...outboxCounts(db, t.id),
      failed: 0,
      lastFailure: null,
      // hub_events holds no target column: every pulled event is the hub's, and there is one
      // hub (id HUB); a second hub would need the target recorded with each pulled event.
      pulled: pulledCount(db),
      settings: null,
      passwordSet: secretSet(secrets, 'hub'),
      passwordWhere: secrets.whereFor('hub'),
      passwordFromEnvironment: secrets.fromEnvironment('hub'),
    };
  }
  const settings = TargetConfig.parse(JSON.parse(t.config));
  return {
    ...health,
    kind: settings.kind,
    where: targetWhere(settings),
    ...deliveryCounts(db, t.id, targetKinds(settings)),
    lastFailure: lastFailure(db, t.id),
    pulled: 0,
    settings,
    passwordSet: settings.kind === 'http' && settings.auth !== 'none' ? secretSet(secrets, `target:${t.id}`) : true,
    passwordWhere: settings.kind === 'http' && settings.auth !== 'none' ? secrets.whereFor(`target:${t.id}`) : null,
    passwordFromEnvironment: settings.kind === 'http' && secrets.fromEnvironment(`target:${t.id}`),
  };
}

export function syncStatus(db: ReadDb, secrets: SecretStore = envSecrets()): SyncStatusT {
  return {
    laptopId: laptopId(db),
    targets: listTargets(db).map((t) => targetStatus(db, t, secrets)),
    undeliverable: undeliverableCount(db),
    waiting: waitingCount(db),
    conflicts: listConflicts(db).length,
  };
}

export function setHub(db: WriteDb, input: ApiInput<'sync.setHub'>): void {
  saveTarget(db, HUB, 'postgres', { url: checkHubUrl(input.url), tls: input.tls ?? 'require' });
}

export function removeHub(db: WriteDb): void {
  deleteTarget(db, HUB);
}

export function setTarget(db: WriteDb, input: ApiInput<'sync.setTarget'>): void {
  const cfg = checkTargetConfig(TargetConfig.parse(input));
  saveTarget(db, cfg.id, cfg.kind, cfg);
}

const noTarget = (target: string): AppError =>
  new AppError('not_found', `No sync target "${target.slice(0, 40)}".`, {
    where: { field: 'target', value: target.slice(0, 40) },
    hint: 'planroom sync status lists the targets; set the hub with planroom sync hub --url postgres://USER@HOST/DB.',
  });

function mustExist(db: ReadDb, target: string): SyncTargetRow {
  const t = getTarget(db, target);
  if (!t) throw noTarget(target);
  return t;
}

export function removeTarget(db: WriteDb, input: ApiInput<'sync.removeTarget'>): void {
  mustExist(db, input.target);
  deleteTarget(db, input.target);
}

export function retryFailed(db: WriteDb, input: ApiInput<'sync.retryFailed'>): void {
  mustExist(db, input.target);
  clearFailures(db, input.target);
}

export function pauseTarget(db: WriteDb, input: ApiInput<'sync.pause'>): void {
  // The update says whether the target exists: no row to set, no target.
  if (!setPaused(db, input.target, input.paused)) throw noTarget(input.target);
}
