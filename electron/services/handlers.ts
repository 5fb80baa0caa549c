// The service functions behind every API call. IPC, the HTTP host and the CLI call these
// through shared/dispatch.ts; none of them has logic of its own.
import { resolveConflict, syncConflicts } from './syncConflicts';
import { API_NAMES, isWritingCall, type ApiName } from '../../shared/api';
import { canonicalSchema, type SourceSystem } from '../../shared/domain/canonical';
import type { SourceProfile } from '../../shared/domain/profile';
import type { CallContext, Handlers } from '../../shared/dispatch';
import { listCycles } from '../db/repos/cycles';
import { getProfile, resetProfile, saveProfile, validateProfile } from '../db/repos/profiles';
import { countRejectedRows, listRejectedRows, listSnapshots } from '../db/repos/snapshots';
import { openReadConnection } from '../db/readConnection';
import { nowIso, type ReadDb, type WriteDb } from '../db/types';
import { EngineHost } from '../engine/engineHost';
import {
  getPlanningSettings,
  listKpiDefinitions,
  saveKpiDefinition,
  savePlanningSettings,
} from '../db/repos/planningSettings';
import { checkImport } from '../snapshots/checkImport';
import { importSource, type ImportProgress } from '../snapshots/importSource';
import { previewFolder } from '../snapshots/previewFolder';
import { createCycle, cycleIdOrCurrent, cycleOverview, setTimeZone, toSummary } from './cycles';
import { assign, close, comment, listDataIssues, reconcile } from './dataIssues';
import { parkException } from './parkException';
import { pauseTarget, removeHub, removeTarget, retryFailed, setHub, setTarget, syncStatus } from './sync';
import { envSecrets } from '../secrets/envSecrets';
import { removeSecret, setSecret } from './syncSecrets';
import type { SecretStore } from '../secrets/secretStore';
import { SyncLoop } from '../sync/syncLoop';
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
import { exceptionSeries } from './exceptionSeries';
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
import { WriteQueue } from './writeQueue';
import { writeLog } from '../log';
import { attendeeList, attendeeRemove, attendeeSave } from './attendees';
import {
  decisionAdd,
  decisionFollowUp,
  decisionGet,
  decisionHistory,
  decisionList,
  decisionMove,
  decisionNote,
  decisionOwners,
  decisionSet,
} from './decisions';
import { agendaApplyTemplate, agendaSave, meetingEnd, meetingStart, meetingState, meetingStep } from './meeting';
import { chromiumPrinter, type PdfPrinter } from '../exports/pdf';
import { decisionIcsExport, minutesExport, scenarioWorkbookExport } from './exports';
import { bundleExportFile } from './bundle';
import {
  connectionOf,
  listSourceConnections,
  removeSourceConnection,
  removeSourceSecret,
  setSourceConnection,
  setSourceSecret,
} from './sources';
import { pullSource } from '../pulls/pullSource';
import { PullScheduler, type SchedulerClock } from '../pulls/pullScheduler';
import { scheduleTimeZone } from '../pulls/cronSchedule';
import { listConnections } from '../db/repos/sourceConnections';
import { testSource } from '../pulls/testSource';

export interface ServiceContext {
  /** The connection that writes (through the write queue). */
  db: WriteDb;
  /** The connection reading calls use; opened on the same file when not given. */
  read?: ReadDb;
  dbPath: string;
  version: string;
  /** The planning engine's worker; one is started on first use when not given. */
  engine?: EngineHost;
  /**
   * Long-running app (window or browser mode): compute the current cycle in the background at
   * start and after its snapshot set changes, so the Exceptions page opens on stored results.
   */
  warm?: boolean;
  /**
   * Prints the minutes' HTML to PDF (`title` heads every page): webContents.printToPDF in the
   * Electron window; headless Chromium (exports/pdf.ts) when not given.
   */
  printPdf?: PdfPrinter;
  /** The clock the meeting run records (ISO-8601 UTC); the system clock when not given (tests inject one). */
  now?: () => string;
  /** Long-running app: the sync loop delivers the outbox in the background. */
  sync?: boolean;
  /** Secrets: the hub password, HTTP targets' tokens (Electron: safeStorage); the environment or a 0600 file when not given. */
  secrets?: SecretStore;
  /** The clock the pull schedule runs on (with `sync`); the system's when not given (tests fire it by hand). */
  pullClock?: SchedulerClock;
}

export function createHandlers(ctx: ServiceContext): Handlers {
  const { db } = ctx;
  const clock = ctx.now ?? nowIso;
  // Reads never share the writing connection: an import keeps a transaction open there for
  // seconds, and a read on it would see the half-written snapshot.
  const read = ctx.read ?? openReadConnection(db);
  const writes = new WriteQueue();
  const board = new ProgressBoard();
  const planning: PlanningContext = { db, read, writes, engine: ctx.engine ?? new EngineHost(ctx.dbPath) };
  /** Starts a recompute without waiting for it; a failure shows when the page asks again. */
  const warm = <T>(result: T, cycleId?: number): T => {
    if (ctx.warm) {
      writes.detached(() => {
        try {
          const id = cycleIdOrCurrent(read, cycleId);
          // The page asks again and shows the error; the log keeps the stack.
          void ensureComputed(planning, id).catch((e: unknown) =>
            writeLog('warn', `background recompute of cycle ${id} failed`, e),
          );
        } catch {
          // No cycle yet: nothing to compute.
        }
      });
    }
    return result;
  };
  setTimeout(() => warm(null), 0);
  const secrets = ctx.secrets ?? envSecrets();
  const sync = new SyncLoop({ db, read, writes, secrets });
  if (ctx.sync) sync.start();
  /** The sources being pulled now (a second pull of one waits its turn in the write queue). */
  const pulling = new Set<SourceSystem>();
  /** The draft profile a caller sends (validated), else the source's stored one. */
  const draftOrStored = (source: SourceSystem, draft: unknown, shapeOnly = false): SourceProfile =>
    draft === undefined ? getProfile(read, source).profile : validateProfile(source, draft, shapeOnly);
  /** An import's progress to the caller (CLI line) and to the board (polled by the renderer). */
  const reportTo =
    (id: string | undefined, call: CallContext) =>
    (p: ImportProgress): void => {
      const progress = {
        label: `${p.source} ${p.file}`,
        done: p.rows,
        fraction: p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : undefined,
      };
      call.progress?.(progress);
      if (id) board.update(id, progress);
    };
  // What a caller polling an import's progress sees while it waits its turn in the queue.
  const waitingTurn = (input: { source: string; progressId?: string }): void => {
    const id = input.progressId;
    if (id) board.update(id, { label: `${input.source}: waiting for other writes`, done: 0, fraction: 0 });
  };
  const queued: QueuedHooks = { 'snapshot.import': waitingTurn, 'source.pull': waitingTurn };
  const handlers: Handlers = queueWrites(writes, queued, {
    'app.info': () => ({
      version: ctx.version,
      dbPath: ctx.dbPath,
      schemaVersion: Number(read.pragma('user_version', { simple: true })),
    }),
    'cycle.overview': (input) => cycleOverview(read, input.cycleId),
    'cycle.list': () => listCycles(read).map(toSummary),
    'cycle.create': async (input) => {
      const c = toSummary(await createCycle(db, input));
      return warm(c, c.id);
    },
    'cycle.setTimeZone': async (input) => {
      const c = toSummary(await setTimeZone(db, input));
      scheduler.refresh(); // schedules run in the cycle's time zone
      return warm(c, c.id);
    },
    'cycle.pin': async (input) => warm(await pinToCycle(db, input), input.cycleId),
    'cycle.pinLog': (input) => listPinLog(read, input.cycleId),
    'snapshot.list': () =>
      listSnapshots(read).map((s) => ({
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
      total: countRejectedRows(read, input.snapshotId),
      rows: listRejectedRows(read, input.snapshotId, input.offset, input.limit),
    }),
    'progress.get': (input) => board.get(input.id),
    'profile.schema': (input) => canonicalSchema().filter((t) => input.table === undefined || t.name === input.table),
    'profile.get': (input) => getProfile(read, input.source),
    'profile.save': (input) => saveProfile(db, input.source, input.profile, input.by),
    'profile.reset': (input) => resetProfile(db, input.source, input.by),
    'dataIssue.list': (input) => listDataIssues(read, input),
    'dataIssue.reconcile': (input) => reconcile(db, input.cycleId),
    'dataIssue.park': (input) => parkException(planning, input),
    'sync.status': () => syncStatus(read, secrets),
    'sync.setHub': (input) => {
      setHub(db, input);
      return syncStatus(db, secrets);
    },
    'sync.removeHub': () => {
      removeHub(db);
      return syncStatus(db, secrets);
    },
    'sync.pause': (input) => {
      pauseTarget(db, input);
      return syncStatus(db, secrets);
    },
    'sync.setTarget': (input) => {
      setTarget(db, input);
      return syncStatus(db, secrets);
    },
    'sync.setSecret': (input) => {
      setSecret(db, secrets, input);
      return syncStatus(db, secrets);
    },
    'sync.removeSecret': (input) => {
      removeSecret(secrets, input);
      return syncStatus(db, secrets);
    },
    'sync.removeTarget': (input) => {
      removeTarget(db, input);
      removeSecret(secrets, { name: input.target });
      return syncStatus(db, secrets);
    },
    'sync.retryFailed': (input) => {
      retryFailed(db, input);
      return syncStatus(db, secrets);
    },
    'sync.run': (input) => sync.run(input.force),
    'sync.conflicts': (input) => syncConflicts(read, input),
    'sync.resolveConflict': (input) => resolveConflict(db, input),
    'source.list': () => listSourceConnections(read, secrets, pulling),
    'source.set': (input) => {
      const status = setSourceConnection(db, secrets, pulling, input);
      scheduler.refresh();
      return status;
    },
    'source.remove': (input) => {
      const removed = removeSourceConnection(db, secrets, input.source);
      scheduler.refresh();
      return removed;
    },
    'source.setSecret': (input) => setSourceSecret(db, secrets, pulling, input),
    'source.removeSecret': (input) => removeSourceSecret(db, secrets, pulling, input.source),
    'source.test': (input) =>
      testSource(read, input.source, input.connection ?? connectionOf(read, input.source).connection, secrets),
    'source.pull': (input, call) => {
      const id = input.progressId;
      pulling.add(input.source);
      return pullSource(db, connectionOf(db, input.source), { secrets, onProgress: reportTo(id, call) }).finally(() => {
        pulling.delete(input.source);
        if (id) board.finish(id);
      });
    },
    'dataIssue.assign': (input) => assign(db, input.id, input.assignee, input.by),
    'dataIssue.comment': (input) => comment(db, input.id, input.author, input.body),
    'dataIssue.close': (input) => close(db, input.id, input.by, input.reason),
    'exception.list': (input) => exceptionList(planning, input),
    'exception.rollup': (input) => exceptionRollup(planning, input),
    'exception.get': (input) => exceptionGet(planning, input),
    'exception.series': (input) => exceptionSeries(planning, input),
    'exception.review': (input) => exceptionReview(planning, input),
    'kpi.list': (input) => kpiList(planning, input),
    'kpi.definitions': () => listKpiDefinitions(read),
    'kpi.saveDefinition': ({ id, by, ...patch }) => saveKpiDefinition(db, id, patch, by),
    'planning.settings': () => getPlanningSettings(read),
    'planning.saveSettings': (input) =>
      savePlanningSettings(db, { ...getPlanningSettings(db).settings, ...input.settings }, input.by),
    'scenario.list': (input) => scenarioList(planning, input),
    'scenario.keys': (input) => scenarioKeys(planning, input),
    'scenario.create': (input) => scenarioCreate(planning, input),
    'scenario.update': (input) => scenarioUpdate(planning, input),
    'scenario.duplicate': (input) => scenarioDuplicate(planning, input),
    'scenario.delete': (input) => scenarioDelete(planning, input),
    'scenario.compare': (input) => scenarioCompare(planning, input),
    'scenario.projection': (input) => scenarioProjection(planning, input),
    'scenario.choose': (input) => scenarioChoose(planning, input),
    'decision.list': (input) => decisionList(read, input),
    'decision.get': (input) => decisionGet(read, input),
    'decision.owners': (input) => decisionOwners(read, input),
    'decision.add': (input) => decisionAdd(db, input),
    'decision.set': (input) => decisionSet(db, input),
    'decision.move': (input) => decisionMove(db, input),
    'decision.history': (input) => decisionHistory(read, input),
    'decision.followUp': (input) => decisionFollowUp(planning, input),
    'decision.note': (input) => decisionNote(planning, input),
    'decision.ics': (input) => decisionIcsExport(planning, input),
    'attendee.list': (input) => attendeeList(read, input),
    'attendee.save': (input) => attendeeSave(db, input),
    'attendee.remove': (input) => attendeeRemove(db, input),
    'meeting.state': (input) => meetingState(read, clock, input.cycleId),
    'meeting.start': (input) => meetingStart(db, clock, input),
    'meeting.next': (input) => meetingStep(db, clock, input, 1),
    'meeting.previous': (input) => meetingStep(db, clock, input, -1),
    'meeting.end': (input) => meetingEnd(db, clock, input),
    'agenda.save': (input) => agendaSave(db, clock, input),
    'agenda.applyTemplate': (input) => agendaApplyTemplate(db, clock, input),
    'minutes.export': (input) => minutesExport(planning, ctx.printPdf ?? chromiumPrinter(), input),
    'scenario.workbook': (input) => scenarioWorkbookExport(planning, input),
    'bundle.export': (input) => bundleExportFile(planning, input),
    'engine.recompute': (input) => ensureComputed(planning, cycleIdOrCurrent(db, input.cycleId), true),
    'snapshot.import': (input, call) => {
      const id = input.progressId;
      return importSource(db, input.source, input.dir, {
        skipBadRows: input.skipBadRows,
        onProgress: reportTo(id, call),
      }).finally(() => id && board.finish(id));
    },
    'snapshot.check': (input, call) => {
      const id = input.progressId;
      return checkImport(input.source, input.dir, draftOrStored(input.source, input.profile), {
        skipBadRows: input.skipBadRows,
        onProgress: reportTo(id, call),
      }).finally(() => id && board.finish(id));
    },
    'import.preview': (input) =>
      // A draft being mapped is looked at before it is complete: its shape only is checked.
      previewFolder(input.dir, draftOrStored(input.source, input.profile, true)),
  });
  // Scheduled pulls take the path of source.pull: the write queue, the pulling set, the outcome.
  const scheduler = new PullScheduler({
    list: () => listConnections(read).map((c) => ({ source: c.source, schedule: c.schedule })),
    timeZone: () => scheduleTimeZone(read),
    pull: async (source) => handlers['source.pull']({ source }, {}),
    running: (source) => pulling.has(source),
    log: (message, error) => writeLog('warn', message, error),
    clock: ctx.pullClock,
  });
  if (ctx.sync) scheduler.start();
  return handlers;
}

type QueuedHooks = { [K in ApiName]?: (input: Parameters<Handlers[K]>[0]) => void };

/**
 * Runs every call the contract marks as writing through the queue (after its hook, if any, says
 * it is waiting); the others as they are.
 */
function queueWrites(writes: WriteQueue, queued: QueuedHooks, handlers: Handlers): Handlers {
  const out: Record<string, unknown> = {};
  for (const name of API_NAMES) {
    const handler = handlers[name] as (input: unknown, ctx: unknown) => unknown;
    const hook = queued[name] as ((input: unknown) => void) | undefined;
    out[name] = isWritingCall(name)
      ? (input: unknown, ctx: unknown) => {
          hook?.(input);
          return writes.run(() => handler(input, ctx));
        }
      : handler;
  }
  return out as Handlers;
}
