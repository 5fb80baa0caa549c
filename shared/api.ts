// The API contract: one zod schema per call, for input and output; types are inferred. Electron
// IPC, the HTTP host, the CLI and the renderer's client all key off this one map.
import { z } from 'zod';
import { SOURCE_SYSTEMS } from './domain/canonical';
import type { AppErrorShape } from './domain/errors';

const Source = z.enum(SOURCE_SYSTEMS);
const IsoTime = z.iso.datetime({ offset: true });
const Period = z.string().regex(/^\d{4}-W\d{2}$/, 'an ISO week such as 2026-W49');

export const CycleSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  startPeriod: z.string(),
  horizonPeriods: z.number().int(),
  meetingAt: z.string(),
  currency: z.string(),
  status: z.enum(['open', 'closed']),
});

export const SourceStatus = z.object({
  source: z.string(),
  ownerRole: z.string(),
  snapshotId: z.number().int(),
  extractedAt: z.string(),
  importedAt: z.string(),
  /** Hours between the export and the meeting. */
  ageHours: z.number(),
  freshnessLimitHours: z.number(),
  stale: z.boolean(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
});

export const AgendaItem = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  function: z.string(),
  ownerRole: z.string(),
  minutes: z.number().int(),
});

export const CycleOverview = z.object({
  cycle: CycleSummary,
  sources: z.array(SourceStatus),
  /** Known sources with no snapshot pinned in this cycle. */
  missingSources: z.array(z.string()),
  agenda: z.array(AgendaItem),
  totalRows: z.number().int(),
});

export const SnapshotInfo = z.object({
  id: z.number().int(),
  source: z.string(),
  extractedAt: z.string(),
  importedAt: z.string(),
  origin: z.string(),
  checksum: z.string(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
});

export const ImportResult = z.object({
  source: Source,
  snapshotId: z.number().int(),
  unchanged: z.boolean(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
  extractedAt: z.string(),
});

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({
  input,
  output,
  summary,
});

export const api = {
  'app.info': call(
    z.object({}),
    z.object({ version: z.string(), dbPath: z.string(), schemaVersion: z.number().int() }),
    'Version and database of this Planroom',
  ),
  'cycle.overview': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    CycleOverview.nullable(),
    'The current (or given) cycle: pinned sources with age and row counts, and the agenda',
  ),
  'cycle.list': call(z.object({}), z.array(CycleSummary), 'All cycles, newest meeting first'),
  'cycle.create': call(
    z.object({
      name: z.string().trim().min(1).max(80),
      meetingAt: IsoTime,
      startPeriod: Period.optional(),
      horizon: z.number().int().min(1).max(260).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'a 3-letter currency code')
        .optional(),
    }),
    CycleSummary,
    'Create a cycle pinning the latest snapshot of every source',
  ),
  'snapshot.list': call(z.object({}), z.array(SnapshotInfo), 'Imported snapshots, newest first per source'),
  'snapshot.import': call(
    z.object({ source: Source, dir: z.string().min(1) }),
    ImportResult,
    "Import one source system's export folder as a snapshot",
  ),
} as const;

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiInput<K extends ApiName> = z.input<Api[K]['input']>;
export type ApiOutput<K extends ApiName> = z.output<Api[K]['output']>;
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

export const API_NAMES = Object.keys(api) as ApiName[];
export const isApiName = (name: string): name is ApiName => Object.hasOwn(api, name);

export type CycleOverviewT = z.output<typeof CycleOverview>;
export type SourceStatusT = z.output<typeof SourceStatus>;
export type SnapshotInfoT = z.output<typeof SnapshotInfo>;
