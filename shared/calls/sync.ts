// Sync back: the outbox delivered to the team hub (PostgreSQL) and the other laptops' events
// pulled from it. Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { IsoTime, Person, WRITES, call } from './common';
import { FileOut } from './decisions';

export const HUB_TLS = ['disable', 'require', 'verify-full'] as const;

/** How to reach the hub; the URL never holds the password (refused when it does). */
export const HubConfig = z.object({
  url: z.string().trim().min(1).max(2000),
  tls: z.enum(HUB_TLS).default('require'),
});
export type HubConfigT = z.output<typeof HubConfig>;

/** What the outbox holds; an HTTP target sends the kinds it has a body template for. */
export const OUTBOX_KINDS = ['decision_event', 'data_issue_change', 'exception_review', 'minutes_export'] as const;
export const OutboxKind = z.enum(OUTBOX_KINDS);

/** A target's name: lower-case letters, digits and dashes ("hub" is the PostgreSQL hub's). */
export const TargetId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40')
  .refine((s) => s !== 'hub', '"hub" is the team hub\'s name');

/**
 * A source system's HTTP API (issue 17 item 3): one request per outbox entry, with an
 * Idempotency-Key header. The secret (bearer token or basic password) is never part of this:
 * it is kept by the secret store (electron/secrets/), named after the target.
 */
export const HttpTargetConfig = z.object({
  kind: z.literal('http'),
  id: TargetId,
  url: z.string().trim().min(1).max(2000),
  method: z.enum(['POST', 'PATCH']).default('POST'),
  auth: z.enum(['none', 'bearer', 'basic']).default('none'),
  /** Basic auth's user name (the password is a secret). */
  username: z.string().trim().max(200).optional(),
  /** Extra headers that are not secret (for example an API version). */
  headers: z.record(z.string().max(100), z.string().max(2000)).default({}),
  /** The request body per outbox kind; kinds without one are not sent to this target. */
  templates: z.partialRecord(OutboxKind, z.string().min(1).max(20_000)),
  timeoutMs: z.number().int().min(1000).max(120_000).default(10_000),
});

/** A folder a system without an API reads (issue 17 item 4): the log and the data issues as files. */
export const FileDropConfig = z.object({
  kind: z.literal('file'),
  id: TargetId,
  folder: z.string().trim().min(1).max(1000),
  formats: z
    .array(z.enum(['csv', 'xlsx']))
    .min(1)
    .default(['csv', 'xlsx']),
});

export const TargetConfig = z.discriminatedUnion('kind', [HttpTargetConfig, FileDropConfig]);
export type HttpTargetConfigT = z.output<typeof HttpTargetConfig>;
export type FileDropConfigT = z.output<typeof FileDropConfig>;

/** The last entry a target refused for good (an HTTP 4xx), with what it answered. */
export const DeliveryFailure = z.object({
  idempotencyKey: z.string(),
  kind: z.string(),
  status: z.number().int().nullable(),
  /** The answer's body, cut to 2,000 characters (shown as text, never as markup). */
  response: z.string(),
  at: IsoTime,
});

export const SyncTargetStatus = z.object({
  id: z.string(),
  kind: z.enum(['postgres', 'http', 'file']),
  /** Where it goes, for people: host and database, never a password. */
  where: z.string(),
  paused: z.boolean(),
  pending: z.number().int(),
  delivered: z.number().int(),
  /** Entries the target refused for good (HTTP 4xx); "retry failed" sends them again. */
  failed: z.number().int(),
  lastFailure: DeliveryFailure.nullable(),
  /** An HTTP or file-drop target's settings as saved, for its form (never a secret); null for the hub. */
  settings: TargetConfig.nullable(),
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
  /** Where this Planroom keeps the password or token, or looks for it (never the secret); null when the target takes none. */
  passwordWhere: z.string().nullable(),
  /** The environment supplies it: it is changed there, not typed or forgotten on the Sync page. */
  passwordFromEnvironment: z.boolean(),
});

export const SyncStatus = z.object({
  laptopId: z.string(),
  targets: z.array(SyncTargetStatus),
  /** Outbox entries for which no target is configured yet. */
  undeliverable: z.number().int(),
  /** Pulled events waiting for a cycle (or a decision's first event) not on this laptop. */
  waiting: z.number().int(),
  /** Fields edited on two laptops where neither saw the other's edit: to resolve (sync.conflicts). */
  conflicts: z.number().int(),
});

export const SyncRun = z.object({
  target: z.string(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  /** Entries the target refused for good in this run (HTTP 4xx). */
  failed: z.number().int(),
  error: z.string().nullable(),
  hint: z.string().nullable(),
});

/** A merged field's value: text, a number, or none. */
export const FieldValue = z.union([z.string().max(2000), z.number(), z.null()]);

/** A field two laptops changed without seeing each other's change (issue 17 item 5). */
export const SyncConflict = z.object({
  entity: z.enum(['decision', 'data_issue']),
  uid: z.string(),
  /** This laptop's id of it (a decision's or a data issue's), for a link. */
  id: z.number().int(),
  cycleId: z.number().int(),
  /** The decision's title or the summary, as it stands here. */
  label: z.string(),
  field: z.string(),
  /** One per value, latest first. */
  candidates: z.array(
    z.object({ value: FieldValue, hlc: z.string(), laptopId: z.string(), actor: z.string(), at: IsoTime }),
  ),
  /** The value in force meanwhile (the latest edit). */
  shown: FieldValue,
});

/** Whose secret: "hub" (the team hub's password) or an HTTP target's id (its token or password). */
export const SecretOwner = z.union([z.literal('hub'), TargetId]);

/** A password or token as typed: one line (a kept secret is read back by its first line). */
export const SecretValue = z
  .string()
  .min(1, 'type the password or token')
  .max(4096, 'at most 4,096 characters')
  .regex(/^[^\r\n]*$/, 'one line, without line breaks');

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
  'sync.setTarget': call(
    TargetConfig,
    SyncStatus,
    'Add or change an HTTP write-back or file-drop target (its secret is set apart, never stored here)',
    WRITES,
  ),
  'sync.removeTarget': call(
    z.object({ target: TargetId }),
    SyncStatus,
    'Remove an HTTP or file-drop target (the outbox keeps its entries)',
    WRITES,
  ),
  'sync.retryFailed': call(
    z.object({ target: z.string().min(1).max(40) }),
    SyncStatus,
    'Send the entries a target refused again (after fixing its settings)',
    WRITES,
  ),
  'sync.setSecret': call(
    z.object({ name: SecretOwner, value: SecretValue }),
    SyncStatus,
    'Keep the hub password or an HTTP target’s token where this mode keeps secrets (never in SQLite, never sent back)',
    WRITES,
  ),
  'sync.removeSecret': call(
    z.object({ name: SecretOwner }),
    SyncStatus,
    'Forget the kept hub password or HTTP target token (one in the environment still counts)',
    WRITES,
  ),
  'sync.removeHub': call(z.object({}), SyncStatus, 'Stop syncing with the hub (the outbox keeps its entries)', WRITES),
  'sync.pause': call(
    z.object({ target: z.string().min(1).max(40), paused: z.boolean() }),
    SyncStatus,
    'Pause or resume delivery to a target',
    WRITES,
  ),
  'sync.conflicts': call(
    z.object({ cycleId: z.number().int().optional() }),
    z.array(SyncConflict),
    'The fields edited on two laptops where neither saw the other: each value with who, when and where',
  ),
  'sync.resolveConflict': call(
    z.object({
      entity: z.enum(['decision', 'data_issue']),
      uid: z.string().min(1).max(200),
      field: z.string().min(1).max(40),
      /** One of the candidates' values; for a text field (title, owner, ...) also a typed one. */
      value: FieldValue,
      by: Person,
    }),
    z.array(SyncConflict),
    'Keep one value of a conflict (an edit that saw every value): the conflicts left',
    WRITES,
  ),
  // Not WRITES: it waits on the network; its local writes queue one short transaction at a time.
  'sync.run': call(
    z.object({ force: z.boolean().default(true) }),
    z.array(SyncRun),
    'Deliver and pull now (force: also a target waiting out its backoff)',
  ),
  // Not WRITES, as minutes.export: the computation it may need queues its own short writes.
  'bundle.export': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    FileOut,
    "A cycle in one file (.planroom) to open on a traveller's laptop; big cycles: planroom bundle export",
  ),
} as const;
