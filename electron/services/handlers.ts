// The service functions behind every API call. IPC, the HTTP host and the CLI call these
// through shared/dispatch.ts; none of them has logic of its own.
import { canonicalSchema } from '../../shared/domain/canonical';
import type { Handlers } from '../../shared/dispatch';
import { listCycles } from '../db/repos/cycles';
import { getProfile, resetProfile, saveProfile } from '../db/repos/profiles';
import { countRejectedRows, listRejectedRows, listSnapshots } from '../db/repos/snapshots';
import type { WriteDb } from '../db/types';
import { EngineHost } from '../engine/engineHost';
import {
  getPlanningSettings,
  listKpiDefinitions,
  saveKpiDefinition,
  savePlanningSettings,
} from '../db/repos/planningSettings';
import { importSource } from '../snapshots/importSource';
import { createCycle, cycleIdOrCurrent, cycleOverview, toSummary } from './cycles';
import { assign, close, comment, listDataIssues, reconcile } from './dataIssues';
import { listPinLog, pinToCycle } from './pins';
import {
  ensureComputed,
  exceptionGet,
  exceptionList,
  exceptionReview,
  exceptionRollup,
  kpiList,
  type PlanningContext,
} from './planning';
import { ProgressBoard } from './progressBoard';
import {
  scenarioChoose,
  scenarioCompare,
  scenarioCreate,
  scenarioDelete,
  scenarioDuplicate,
  scenarioKeys,
  scenarioList,
  scenarioProjection,
  scenarioUpdate,
} from './scenarios';
import { Serial } from './serial';

export interface ServiceContext {
  db: WriteDb;
  dbPath: string;
  version: string;
  /** The planning engine's worker; one is started on first use when not given. */
  engine?: EngineHost;
  /**
   * Long-running app (window or browser mode): compute the current cycle in the background at
   * start and after its snapshot set changes, so the Exceptions page opens on stored results.
   */
  warm?: boolean;
}

export function createHandlers(ctx: ServiceContext): Handlers {
  const { db } = ctx;
  const writes = new Serial();
  const board = new ProgressBoard();
  const planning: PlanningContext = { db, writes, engine: ctx.engine ?? new EngineHost(ctx.dbPath) };
  /** Starts a recompute without waiting for it; a failure shows when the page asks again. */
  const warm = <T>(result: T, cycleId?: number): T => {
    if (ctx.warm) {
      try {
        void ensureComputed(planning, cycleIdOrCurrent(db, cycleId)).catch(() => undefined);
      } catch {
        // No cycle yet: nothing to compute.
      }
    }
    return result;
  };
  setTimeout(() => warm(null), 0);
  return {
    'app.info': () => ({
      version: ctx.version,
      dbPath: ctx.dbPath,
      schemaVersion: Number(db.pragma('user_version', { simple: true })),
    }),
    'cycle.overview': (input) => cycleOverview(db, input.cycleId),
    'cycle.list': () => listCycles(db).map(toSummary),
    'cycle.create': (input) =>
      writes.run(async () => toSummary(await createCycle(db, input))).then((c) => warm(c, c.id)),
    'cycle.pin': (input) => writes.run(async () => pinToCycle(db, input)).then((r) => warm(r, input.cycleId)),
    'cycle.pinLog': (input) => listPinLog(db, input.cycleId),
    'snapshot.list': () =>
      listSnapshots(db).map((s) => ({
        id: s.id,
        source: s.source_id,
        extractedAt: s.extracted_at,
        importedAt: s.imported_at,
        origin: s.origin,
        checksum: s.checksum,
        rowCount: s.row_count,
        rowCounts: JSON.parse(s.row_counts) as Record<string, number>,
        rejectedCount: s.rejected_count,
      })),
    'snapshot.rejected': (input) => ({
      total: countRejectedRows(db, input.snapshotId),
      rows: listRejectedRows(db, input.snapshotId, input.offset, input.limit),
    }),
    'progress.get': (input) => board.get(input.id),
    'profile.schema': (input) => canonicalSchema().filter((t) => input.table === undefined || t.name === input.table),
    'profile.get': (input) => getProfile(db, input.source),
    'profile.save': (input) => writes.run(async () => saveProfile(db, input.source, input.profile, input.by)),
    'profile.reset': (input) => writes.run(async () => resetProfile(db, input.source, input.by)),
    'dataIssue.list': (input) => listDataIssues(db, input),
    'dataIssue.reconcile': (input) => writes.run(async () => reconcile(db, input.cycleId)),
    'dataIssue.assign': (input) => writes.run(async () => assign(db, input.id, input.assignee, input.by)),
    'dataIssue.comment': (input) => writes.run(async () => comment(db, input.id, input.author, input.body)),
    'dataIssue.close': (input) => writes.run(async () => close(db, input.id, input.by, input.reason)),
    'exception.list': (input) => exceptionList(planning, input),
    'exception.rollup': (input) => exceptionRollup(planning, input),
    'exception.get': (input) => exceptionGet(planning, input),
    'exception.review': (input) => exceptionReview(planning, input),
    'kpi.list': (input) => kpiList(planning, input),
    'kpi.definitions': () => listKpiDefinitions(db),
    'kpi.saveDefinition': ({ id, by, ...patch }) => writes.run(async () => saveKpiDefinition(db, id, patch, by)),
    'planning.settings': () => getPlanningSettings(db),
    'planning.saveSettings': (input) =>
      writes.run(async () =>
        savePlanningSettings(db, { ...getPlanningSettings(db).settings, ...input.settings }, input.by),
      ),
    'scenario.list': (input) => scenarioList(planning, input),
    'scenario.keys': (input) => scenarioKeys(planning, input),
    'scenario.create': (input) => scenarioCreate(planning, input),
    'scenario.update': (input) => scenarioUpdate(planning, input),
    'scenario.duplicate': (input) => scenarioDuplicate(planning, input),
    'scenario.delete': (input) => scenarioDelete(planning, input),
    'scenario.compare': (input) => scenarioCompare(planning, input),
    'scenario.projection': (input) => scenarioProjection(planning, input),
    'scenario.choose': (input) => scenarioChoose(planning, input),
    'engine.recompute': (input) => ensureComputed(planning, cycleIdOrCurrent(db, input.cycleId), true),
    'snapshot.import': (input, call) => {
      const id = input.progressId;
      if (id) board.update(id, { label: `${input.source}: waiting for other writes`, done: 0, fraction: 0 });
      return writes
        .run(() =>
          importSource(db, input.source, input.dir, {
            skipBadRows: input.skipBadRows,
            onProgress: (p) => {
              const progress = {
                label: `${p.source} ${p.file}`,
                done: p.rows,
                fraction: p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : undefined,
              };
              call.progress?.(progress);
              if (id) board.update(id, progress);
            },
          }),
        )
        .finally(() => id && board.finish(id));
    },
  };
}
