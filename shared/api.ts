// The API contract: one zod schema per call, for input and output; types are inferred. Electron
// IPC, the HTTP host, the CLI and the renderer's client all key off this one map. The calls are
// declared by domain in shared/calls/ and merged here; a name given twice stops the app at load.
import type { z } from 'zod';
import type { AppErrorShape } from './domain/errors';
import { appCalls, ProgressInfo } from './calls/app';
import { cycleCalls, CycleOverview, SourceStatus } from './calls/cycles';
import { DataIssue, dataIssueCalls } from './calls/dataIssues';
import {
  Attendee,
  DecisionDetail,
  DecisionEvent,
  DecisionInfo,
  decisionCalls,
  FileOut,
  FollowUpItem,
} from './calls/decisions';
import { AgendaDraftItem, meetingCalls, MeetingState, RunItem } from './calls/meeting';
import {
  Computation,
  ExceptionInfo,
  ExceptionSeries,
  KpiInfo,
  planningCalls,
  StoredKpiDefinition,
} from './calls/planning';
import { profileCalls, SchemaTable, StoredProfile } from './calls/profiles';
import { ExceptionBrief, ScenarioInfo, ScenarioOutcome, scenarioCalls, ScenarioSubject } from './calls/scenarios';
import { FolderPreview, ImportCheck, ImportResult, RejectedRow, snapshotCalls, SnapshotInfo } from './calls/snapshots';
import { SyncConflict, SyncStatus, syncCalls, SyncTargetStatus } from './calls/sync';
import { SourceConnectionStatus, sourceCalls, TableProbe } from './calls/sources';

export * from './calls/app';
export * from './calls/common';
export * from './calls/cycles';
export * from './calls/dataIssues';
export * from './calls/decisions';
export * from './calls/meeting';
export * from './calls/planning';
export * from './calls/profiles';
export * from './calls/scenarios';
export * from './calls/snapshots';
export * from './calls/sync';
export * from './calls/sources';

const GROUPS = [
  appCalls,
  cycleCalls,
  snapshotCalls,
  profileCalls,
  dataIssueCalls,
  planningCalls,
  scenarioCalls,
  decisionCalls,
  meetingCalls,
  syncCalls,
  sourceCalls,
];

export const api = {
  ...appCalls,
  ...cycleCalls,
  ...snapshotCalls,
  ...profileCalls,
  ...dataIssueCalls,
  ...planningCalls,
  ...scenarioCalls,
  ...decisionCalls,
  ...meetingCalls,
  ...syncCalls,
  ...sourceCalls,
} as const;

/** Every call name once: a spread would let a later group silently replace an earlier call. */
export function duplicateCallNames(groups: readonly object[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const group of groups) {
    for (const name of Object.keys(group)) {
      if (seen.has(name)) twice.push(name);
      seen.add(name);
    }
  }
  return [...new Set(twice)];
}
const twice = duplicateCallNames(GROUPS);
if (twice.length > 0) throw new Error(`API calls declared twice: ${twice.join(', ')}`);

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiInput<K extends ApiName> = z.input<Api[K]['input']>;
export type ApiOutput<K extends ApiName> = z.output<Api[K]['output']>;
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

export const API_NAMES = Object.keys(api) as ApiName[];
export const isApiName = (name: string): name is ApiName => Object.hasOwn(api, name);
/** True for the calls that write (the contract says so once, beside each call). */
export const isWritingCall = (name: ApiName): boolean => api[name].writes;

export type CycleOverviewT = z.output<typeof CycleOverview>;
export type SchemaTableT = z.output<typeof SchemaTable>;
export type SourceStatusT = z.output<typeof SourceStatus>;
export type SnapshotInfoT = z.output<typeof SnapshotInfo>;
export type DataIssueT = z.output<typeof DataIssue>;
export type ImportResultT = z.output<typeof ImportResult>;
export type ImportCheckT = z.output<typeof ImportCheck>;
export type FolderPreviewT = z.output<typeof FolderPreview>;
export type StoredProfileT = z.output<typeof StoredProfile>;
export type RejectedRowT = z.output<typeof RejectedRow>;
export type ProgressInfoT = z.output<typeof ProgressInfo>;
export type ExceptionInfoT = z.output<typeof ExceptionInfo>;
export type ExceptionSeriesT = z.output<typeof ExceptionSeries>;
export type KpiInfoT = z.output<typeof KpiInfo>;
export type ComputationT = z.output<typeof Computation>;
export type StoredKpiDefinitionT = z.output<typeof StoredKpiDefinition>;
export type ScenarioInfoT = z.output<typeof ScenarioInfo>;
export type ScenarioOutcomeT = z.output<typeof ScenarioOutcome>;
export type ScenarioSubjectT = z.output<typeof ScenarioSubject>;
export type ExceptionBriefT = z.output<typeof ExceptionBrief>;
export type DecisionInfoT = z.output<typeof DecisionInfo>;
export type DecisionDetailT = z.output<typeof DecisionDetail>;
export type DecisionEventT = z.output<typeof DecisionEvent>;
export type FollowUpItemT = z.output<typeof FollowUpItem>;
export type AttendeeT = z.output<typeof Attendee>;
export type FileOutT = z.output<typeof FileOut>;
export type MeetingStateT = z.output<typeof MeetingState>;
export type RunItemT = z.output<typeof RunItem>;
export type AgendaDraftItemT = z.input<typeof AgendaDraftItem>;
export type SyncStatusT = z.output<typeof SyncStatus>;
export type SyncTargetStatusT = z.output<typeof SyncTargetStatus>;
export type SyncConflictT = z.output<typeof SyncConflict>;
export type SourceConnectionStatusT = z.output<typeof SourceConnectionStatus>;
export type TableProbeT = z.output<typeof TableProbe>;
