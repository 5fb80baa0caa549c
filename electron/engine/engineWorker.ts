// The engine's worker thread: owns a read-only connection and the plan cache (the snapshot set's
// arrays, the baseline and the scenarios computed on it). The main thread never runs work that
// grows with the data.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/domain/errors';
import { resolveLevers } from '../../shared/planning/applyLevers';
import { outcome } from '../../shared/planning/outcome';
import { classifyDbError } from '../db/dbErrors';
import { logInternal } from '../log';
import { PlanCache } from './planCache';
import type { EngineReply, EngineRequest, EngineResults } from './protocol';

const { dbPath, budgetBytes } = workerData as { dbPath: string; budgetBytes?: number };
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 15000');
const plans = new PlanCache(db, budgetBytes ?? 512 * 1024 * 1024);

function run(req: EngineRequest): EngineResults[EngineRequest['kind']] {
  const t0 = performance.now();
  switch (req.kind) {
    case 'compute': {
      const { state, loadMs } = plans.recompute(req);
      const exceptions = state.exceptions();
      return { exceptions, kpis: state.kpis, loadMs, computeMs: performance.now() - t0 - loadMs };
    }
    case 'validate':
      resolveLevers(plans.model(req).loaded.model, req.levers);
      return null;
    case 'scenario': {
      const { loadMs } = plans.baseline(req);
      const t1 = performance.now();
      const s = plans.scenario(req, req.scenario);
      const result = outcome(s.state, s.baseline.state, s.baseline.outcome.figures);
      const computeMs = performance.now() - t1;
      plans.trim();
      return {
        outcome: result,
        baseline: s.baseline.outcome,
        loadMs,
        computeMs,
        incremental: s.incremental,
        stats: s.stats,
      };
    }
    case 'projection': {
      const result = plans.projection(req, req.scenarios, req.subject);
      plans.trim();
      return result;
    }
  }
}

function handle(req: EngineRequest): EngineReply {
  try {
    return { id: req.id, ok: true, result: run(req) };
  } catch (e) {
    // The stack does not cross the thread: a bug is logged here, with it.
    const known = e instanceof AppError ? e : classifyDbError(e, dbPath);
    if (!known) logInternal(`planning engine (${req.kind})`, e);
    const error = known
      ? known.toShape()
      : {
          code: 'internal' as const,
          message: `The planning engine failed: ${e instanceof Error ? e.message : String(e)}`,
        };
    return { id: req.id, ok: false, error };
  }
}

parentPort!.on('message', (req: EngineRequest) => parentPort!.postMessage(handle(req)));
