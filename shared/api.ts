// The API contract: one zod schema per call, for input and output; types are inferred. Electron
// IPC, the HTTP host, the CLI and the renderer's client all key off this one map.
import { z } from 'zod';
import { CANONICAL_TABLES, SOURCE_SYSTEMS, type CanonicalTableName } from './domain/canonical';
import type { AppErrorShape } from './domain/errors';
import { isPeriod } from './domain/period';
import { SourceProfile } from './domain/profile';
import { EXCEPTION_TYPES } from './planning/exceptions';
import { KPI_DIMENSIONS } from './planning/kpis';
import { Lever } from './planning/levers';
import { KPI_IDS, PlanningSettings, Trigger } from './planning/settings';

const Source = z.enum(SOURCE_SYSTEMS);
const IsoTime = z.iso.datetime({ offset: true });
const Period = z.string().refine(isPeriod, 'an ISO week such as 2026-W49');

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
  /** An extraction time that cannot be right: after the meeting, or more than a year before it. */
  extractionWarning: z.string().nullable(),
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
  openDataIssues: z.number().int(),
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
  /** Rows a "skip bad rows" import set aside. */
  rejectedCount: z.number().int(),
});

export const ImportResult = z.object({
  source: Source,
  snapshotId: z.number().int(),
  unchanged: z.boolean(),
  rowCount: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
  rejectedCount: z.number().int(),
  extractedAt: z.string(),
  /** What was read from each file; empty when the import was a no-op. */
  files: z.array(
    z.object({
      file: z.string(),
      sheet: z.string().optional(),
      table: z.string(),
      rows: z.number().int(),
      rejected: z.number().int(),
      ignoredColumns: z.array(z.string()),
    }),
  ),
});

const TableName = z.enum(CANONICAL_TABLES.map((t) => t.name) as [CanonicalTableName, ...CanonicalTableName[]]);

/** The canonical schema (shared/domain/canonical.ts canonicalSchema()) as the API serves it. */
export const SchemaTable = z.object({
  name: TableName,
  owner: Source,
  meaning: z.string(),
  key: z.array(z.string()),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['text', 'int', 'real', 'date', 'period', 'bool']),
      required: z.boolean(),
      min: z.number().nullable(),
      allowed: z.array(z.string()).nullable(),
      meaning: z.string(),
      key: z.boolean(),
    }),
  ),
});

export const StoredProfile = z.object({
  profile: SourceProfile,
  customized: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const RejectedRow = z.object({
  seq: z.number().int(),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  cells: z.record(z.string(), z.string()),
});

export const ProgressInfo = z.object({
  label: z.string(),
  rows: z.number().int(),
  /** Share of the work done, 0-1, when known. */
  fraction: z.number().nullable(),
  rowsPerSecond: z.number(),
  elapsedMs: z.number(),
});

export const DATA_ISSUE_KINDS = [
  'stock_mismatch',
  'missing_shipment',
  'unknown_key',
  'stale_source',
  'overestimated_demand',
] as const;

export const DataIssue = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  kind: z.enum(DATA_ISSUE_KINDS),
  source: z.string(),
  summary: z.string(),
  ownerRole: z.string(),
  assignee: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  evidence: z.object({ rows: z.array(z.record(z.string(), z.unknown())), total: z.number().int() }),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  comments: z.array(z.object({ author: z.string(), body: z.string(), createdAt: z.string() })),
});

export const ReconcileResult = z.object({
  opened: z.number().int(),
  refreshed: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
});

const Person = z.string().trim().min(1, 'a name').max(80);

export const REVIEW_STATUSES = ['new', 'reviewed', 'actioned', 'dismissed'] as const;

export const ExceptionInfo = z.object({
  key: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  sku: z.string().nullable(),
  location: z.string().nullable(),
  family: z.string().nullable(),
  resource: z.string().nullable(),
  lane: z.string().nullable(),
  orderId: z.string().nullable(),
  kpiId: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  peakPeriod: z.string().nullable(),
  peakValue: z.number().nullable(),
  valueAtRisk: z.number(),
  detail: z.record(z.string(), z.unknown()),
  reviewStatus: z.enum(REVIEW_STATUSES),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  /** The cycle it was first raised in: an earlier one means "open since". */
  firstSeen: z.object({ cycleId: z.number().int(), name: z.string(), meetingAt: z.string() }),
  updatedAt: z.string(),
  /** Set when the latest recompute no longer raises it. */
  resolvedAt: z.string().nullable(),
});

const ExceptionFilter = z.object({
  cycleId: z.number().int().positive().optional(),
  type: z.enum(EXCEPTION_TYPES).optional(),
  sku: z.string().optional(),
  location: z.string().optional(),
  family: z.string().optional(),
  resource: z.string().optional(),
  lane: z.string().optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  includeResolved: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
});

export const Computation = z.object({
  computedAt: z.string(),
  loadMs: z.number(),
  computeMs: z.number(),
  exceptions: z.number().int(),
});

export const KpiInfo = z.object({
  kpiId: z.enum(KPI_IDS),
  name: z.string(),
  ownerRole: z.string(),
  dimension: z.enum(KPI_DIMENSIONS),
  group: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  /** The same figures in the previous cycle, when it had this group. */
  previous: z.record(z.string(), z.number().nullable()).nullable(),
  basis: z.number(),
  atStake: z.number(),
  /** The triggers breached, as "otif < 0.95". */
  breached: z.array(z.string()),
  playbook: z.string(),
});

export const StoredKpiDefinition = z.object({
  id: z.enum(KPI_IDS),
  name: z.string(),
  definition: z.string(),
  ownerRole: z.string(),
  triggers: z.array(Trigger),
  playbook: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});

const Figures = z.record(z.string(), z.number().nullable());

/** An exception a scenario resolves or adds, in brief. */
export const ExceptionBrief = z.object({
  key: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  subject: z.string(),
  valueAtRisk: z.number(),
});

export const ScenarioOutcome = z.object({
  /** FIGURES (shared/planning/figures.ts) by id. */
  figures: Figures,
  /** figures - the baseline's. */
  deltas: Figures,
  exceptionsByType: z.record(z.string(), z.number().int()),
  /** The largest baseline exceptions it resolves, and the largest it adds. */
  resolved: z.array(ExceptionBrief),
  added: z.array(ExceptionBrief),
  computedAt: z.string(),
  computeMs: z.number(),
  /** Whether only what the levers touch was recomputed (a cached scenario state was updated). */
  incremental: z.boolean(),
});

export const DecisionBrief = z.object({
  id: z.number().int(),
  uid: z.string(),
  title: z.string(),
  status: z.string(),
  owner: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const ScenarioInfo = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  name: z.string(),
  owner: z.string(),
  assumptions: z.string(),
  levers: z.array(Lever),
  /** Each lever in words. */
  leverText: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** The decision that chose it; a chosen scenario is kept as that decision's record. */
  chosen: DecisionBrief.nullable(),
});

const ScenarioId = z.number().int().positive();
const ScenarioName = z.string().trim().min(1, 'a name').max(80);
const Assumptions = z.string().trim().max(4000);

export const ScenarioSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), sku: z.string().min(1), location: z.string().min(1) }),
  z.object({ kind: z.literal('resource'), resource: z.string().min(1) }),
  z.object({ kind: z.literal('lane'), lane: z.string().min(1) }),
]);

export const ScenarioSeries = z.object({
  scenarioId: z.number().int().nullable(),
  name: z.string(),
  /** item: demand, pab, constrained_pab, safety_stock; resource: load, capacity; lane: booked, capacity. */
  values: z.record(z.string(), z.array(z.number())),
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
  'cycle.pin': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      source: z.string().min(1),
      snapshotId: z.number().int().positive(),
      by: Person,
      reason: z.string().trim().min(1, 'a reason').max(500),
    }),
    z.object({ changed: z.boolean(), reconciliation: ReconcileResult }),
    'Pin another snapshot of a source to the cycle (logged), then re-run reconciliation',
  ),
  'cycle.pinLog': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.array(
      z.object({
        id: z.number().int(),
        source: z.string(),
        oldSnapshotId: z.number().int().nullable(),
        newSnapshotId: z.number().int(),
        by: z.string(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
    "Every pin change of the cycle's snapshot set, newest first",
  ),
  'snapshot.list': call(z.object({}), z.array(SnapshotInfo), 'Imported snapshots, newest first per source'),
  'snapshot.import': call(
    z.object({
      source: Source,
      dir: z.string().min(1),
      /** Import the good rows and keep the bad ones aside, instead of stopping at them. */
      skipBadRows: z.boolean().optional(),
      /** A key chosen by the caller to follow the import with progress.get. */
      progressId: z.string().min(8).max(64).optional(),
    }),
    ImportResult,
    "Import one source system's export folder as a snapshot (by its mapping profile)",
  ),
  'snapshot.rejected': call(
    z.object({
      snapshotId: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(RejectedRow) }),
    'Rows a "skip bad rows" import set aside, with their reasons, paged',
  ),
  'progress.get': call(
    z.object({ id: z.string().min(8).max(64) }),
    ProgressInfo.nullable(),
    'Progress of a running import started with this progressId; null when none runs',
  ),
  'profile.schema': call(
    z.object({ table: TableName.optional() }),
    z.array(SchemaTable),
    'The canonical tables a profile maps onto: every column with type, required, allowed values and meaning',
  ),
  'profile.get': call(z.object({ source: Source }), StoredProfile, "A source's mapping profile (stored, else default)"),
  'profile.save': call(
    z.object({ source: Source, profile: z.unknown(), by: Person }),
    StoredProfile,
    "Validate and store a source's mapping profile (logged)",
  ),
  'profile.reset': call(
    z.object({ source: Source, by: Person }),
    StoredProfile,
    'Go back to the mapping profile that ships for the source (logged)',
  ),
  'dataIssue.list': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      status: z.enum(['open', 'closed']).optional(),
      owner: z.string().optional(),
      source: z.string().optional(),
    }),
    z.array(DataIssue),
    "The cycle's data issues, open first by deadline; filter by status, owner role and source",
  ),
  'dataIssue.reconcile': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    ReconcileResult,
    'Re-run the reconciliation checks on the pinned snapshot set',
  ),
  'dataIssue.assign': call(
    z.object({ id: z.number().int().positive(), assignee: Person, by: Person }),
    DataIssue,
    'Assign a data issue to a person',
  ),
  'dataIssue.comment': call(
    z.object({ id: z.number().int().positive(), author: Person, body: z.string().trim().min(1).max(4000) }),
    DataIssue,
    'Comment on a data issue',
  ),
  'dataIssue.close': call(
    z.object({ id: z.number().int().positive(), by: Person, reason: z.string().trim().min(1).max(4000) }),
    DataIssue,
    'Close a data issue with the reason',
  ),
  'exception.list': call(
    ExceptionFilter,
    z.object({
      cycleId: z.number().int(),
      total: z.number().int(),
      totalValue: z.number(),
      computation: Computation,
      rows: z.array(ExceptionInfo),
    }),
    "The cycle's exceptions ranked by value at risk; filter by type, item, family, resource, lane, review status",
  ),
  'exception.rollup': call(
    ExceptionFilter.extend({ by: z.enum(['item', 'family', 'resource', 'lane']) }),
    z.object({
      total: z.number().int(),
      groups: z.array(
        z.object({
          group: z.string(),
          count: z.number().int(),
          valueAtRisk: z.number(),
          byType: z.record(z.string(), z.number()),
        }),
      ),
    }),
    'Exceptions rolled up by item, family, resource or lane: count and value at risk, largest first',
  ),
  'exception.get': call(
    z.object({ cycleId: z.number().int().positive().optional(), key: z.string().min(1) }),
    ExceptionInfo.extend({
      reviews: z.array(z.object({ status: z.string(), note: z.string().nullable(), by: z.string(), at: z.string() })),
    }),
    'One exception with its review trail',
  ),
  'exception.review': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      key: z.string().min(1),
      status: z.enum(REVIEW_STATUSES),
      note: z.string().trim().max(4000).optional(),
      by: Person,
    }),
    ExceptionInfo,
    'Set the review status and note of an exception (kept across recomputes, logged)',
  ),
  'kpi.list': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      kpi: z.enum(KPI_IDS).optional(),
      dimension: z.enum(KPI_DIMENSIONS).optional(),
      /** Only the values whose trigger is breached. */
      breached: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    z.object({
      computation: Computation,
      previousCycle: z.string().nullable(),
      total: z.number().int(),
      rows: z.array(KpiInfo),
    }),
    'The five KPIs by family, resource, lane and in total, with the previous cycle for the trend',
  ),
  'kpi.definitions': call(z.object({}), z.array(StoredKpiDefinition), 'KPI owner roles, triggers and playbooks'),
  'kpi.saveDefinition': call(
    z.object({
      id: z.enum(KPI_IDS),
      ownerRole: z.string().optional(),
      triggers: z.array(z.unknown()).optional(),
      playbook: z.string().optional(),
      by: Person,
    }),
    StoredKpiDefinition,
    "Change a KPI's owner role, triggers or playbook (validated, logged); the cycle recomputes",
  ),
  'planning.settings': call(
    z.object({}),
    z.object({ settings: PlanningSettings, updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }),
    "The planning engine's settings (consumption rule, thresholds)",
  ),
  'planning.saveSettings': call(
    z.object({ settings: z.record(z.string(), z.unknown()), by: Person }),
    z.object({ settings: PlanningSettings, updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }),
    "Change the planning engine's settings (validated, logged); the cycle recomputes",
  ),
  'engine.recompute': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    Computation,
    "Recompute the cycle's projection, exceptions and KPIs now",
  ),
  'scenario.list': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.object({
      cycleId: z.number().int(),
      /** The horizon every scenario of the cycle shares. */
      horizon: z.object({ from: z.string(), to: z.string(), periods: z.number().int() }),
      scenarios: z.array(ScenarioInfo),
    }),
    "The cycle's scenarios with their levers and owner",
  ),
  'scenario.keys': call(
    z.object({ cycleId: z.number().int().positive().optional(), itemQuery: z.string().max(80).optional() }),
    z.object({
      families: z.array(z.string()),
      regions: z.array(z.string()),
      locations: z.array(z.string()),
      resources: z.array(z.string()),
      lanes: z.array(z.string()),
      /** Item-locations whose sku starts with itemQuery (at most 50). */
      items: z.array(z.object({ sku: z.string(), location: z.string() })),
    }),
    "What levers can name in the cycle's snapshot set: families, regions, resources, lanes, items",
  ),
  'scenario.create': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      name: ScenarioName,
      owner: Person,
      assumptions: Assumptions.default(''),
      levers: z.array(z.unknown()).default([]),
      by: Person,
    }),
    ScenarioInfo,
    'A new scenario on the cycle: the baseline plus levers, with a named owner',
  ),
  'scenario.update': call(
    z.object({
      id: ScenarioId,
      name: ScenarioName.optional(),
      owner: Person.optional(),
      assumptions: Assumptions.optional(),
      /** The whole lever list (validated against the snapshot set). */
      levers: z.array(z.unknown()).optional(),
      by: Person,
    }),
    ScenarioInfo,
    'Rename a scenario, change its owner, assumptions or levers (not once chosen)',
  ),
  'scenario.duplicate': call(
    z.object({ id: ScenarioId, name: ScenarioName.optional(), by: Person }),
    ScenarioInfo,
    'A copy of a scenario with its levers, to try a variation',
  ),
  'scenario.delete': call(
    z.object({ id: ScenarioId, by: Person }),
    z.object({ deleted: z.number().int() }),
    'Delete a scenario (not once a decision chose it)',
  ),
  'scenario.compare': call(
    z.object({ cycleId: z.number().int().positive().optional(), ids: z.array(ScenarioId).min(1).max(4) }),
    z.object({
      cycleId: z.number().int(),
      baseline: ScenarioOutcome,
      scenarios: z.array(z.object({ scenario: ScenarioInfo, outcome: ScenarioOutcome })),
    }),
    'Outcomes of 1 to 4 scenarios beside the baseline, with deltas, in money',
  ),
  'scenario.projection': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      ids: z.array(ScenarioId).max(4),
      subject: ScenarioSubject,
    }),
    z.object({ periods: z.array(z.string()), series: z.array(ScenarioSeries) }),
    'The projection of one item-location, resource or lane under the baseline and each scenario',
  ),
  'scenario.choose': call(
    z.object({
      id: ScenarioId,
      by: Person,
      title: z.string().trim().min(1).max(200).optional(),
      rationale: z.string().trim().max(4000).optional(),
      owner: Person.optional(),
      dueDate: z.iso.date().optional(),
      /** The KPI the decision aims to move (default: service level). */
      kpiId: z.enum(KPI_IDS).optional(),
    }),
    z.object({
      decision: DecisionBrief.extend({
        priorityRank: z.number().int(),
        kpiId: z.string().nullable(),
        expectedValue: z.number().nullable(),
        dueDate: z.string().nullable(),
        scenarioId: z.number().int(),
        exceptionKey: z.string().nullable(),
      }),
      /** Expected figures (scenario) beside the baseline. */
      expectations: z.array(
        z.object({ figure: z.string(), baseline: z.number().nullable(), expected: z.number().nullable() }),
      ),
      /** Baseline exceptions the scenario answers (resolves), linked to the decision. */
      exceptionKeys: z.array(z.string()),
    }),
    'Choose a scenario: records a decision in the log with its expected KPI values and the exceptions it answers',
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
export type SchemaTableT = z.output<typeof SchemaTable>;
export type SourceStatusT = z.output<typeof SourceStatus>;
export type SnapshotInfoT = z.output<typeof SnapshotInfo>;
export type DataIssueT = z.output<typeof DataIssue>;
export type ImportResultT = z.output<typeof ImportResult>;
export type StoredProfileT = z.output<typeof StoredProfile>;
export type RejectedRowT = z.output<typeof RejectedRow>;
export type ProgressInfoT = z.output<typeof ProgressInfo>;
export type ExceptionInfoT = z.output<typeof ExceptionInfo>;
export type KpiInfoT = z.output<typeof KpiInfo>;
export type ComputationT = z.output<typeof Computation>;
export type StoredKpiDefinitionT = z.output<typeof StoredKpiDefinition>;
export type ScenarioInfoT = z.output<typeof ScenarioInfo>;
export type ScenarioOutcomeT = z.output<typeof ScenarioOutcome>;
export type ScenarioSubjectT = z.output<typeof ScenarioSubject>;
export type ExceptionBriefT = z.output<typeof ExceptionBrief>;
