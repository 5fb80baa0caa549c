// Sync back: the outbox delivered to the team hub (PostgreSQL) and the other laptops' events
// pulled from it. Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { IsoTime, WRITES, call } from './common';

export const HUB_TLS = ['disable', 'require', 'verify-full'] as const;

/** How to reach the hub; the URL never holds the password (refused when it does). */
export const HubConfig = z.object({
  url: z.string().trim().min(1).max(2000),
  tls: z.enum(HUB_TLS).default('require'),
});
export type HubConfigT = z.output<typeof HubConfig>;

export const SyncTargetStatus = z.object({
  id: z.string(),
  kind: z.enum(['postgres']),
  /** Where it goes, for people: host and database, never a password. */
  where: z.string(),
  paused: z.boolean(),
  pending: z.number().int(),
  delivered: z.number().int(),
  /** Events of other laptops pulled from the hub so far. */
  pulled: z.number().int(),
  failures: z.number().int(),
  lastAttemptAt: IsoTime.nullable(),
  lastSuccessAt: IsoTime.nullable(),
  nextAttemptAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  /** What to do about the last error. */
  lastErrorHint: z.string().nullable(),
  /** Whether a password is set where this process looks for one (not the password). */
  passwordSet: z.boolean(),
});

export const SyncStatus = z.object({
  laptopId: z.string(),
  targets: z.array(SyncTargetStatus),
  /** Outbox entries for which no target is configured yet. */
  undeliverable: z.number().int(),
});

export const SyncRun = z.object({
  target: z.string(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  error: z.string().nullable(),
  hint: z.string().nullable(),
});

export const syncCalls = {
  'sync.status': call(
    z.object({}),
    SyncStatus,
    'Per target: pending, delivered and pulled counts, last success and error',
  ),
  'sync.setHub': call(
    HubConfig,
    SyncStatus,
    'Set the team hub (postgres:// URL without the password, TLS); the password comes from the environment',
    WRITES,
  ),
  'sync.removeHub': call(z.object({}), SyncStatus, 'Stop syncing with the hub (the outbox keeps its entries)', WRITES),
  'sync.pause': call(
    z.object({ target: z.string().min(1).max(40), paused: z.boolean() }),
    SyncStatus,
    'Pause or resume delivery to a target',
    WRITES,
  ),
  // Not WRITES: it waits on the network; its local writes queue one short transaction at a time.
  'sync.run': call(
    z.object({ force: z.boolean().default(true) }),
    z.array(SyncRun),
    'Deliver and pull now (force: also a target waiting out its backoff)',
  ),
} as const;
