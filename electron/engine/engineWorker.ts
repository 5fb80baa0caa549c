// The engine's worker thread: owns a read-only connection and the typed arrays of the snapshot
// set last loaded, so a recompute with new settings skips the load. The main thread never runs
// work that grows with the data.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/domain/errors';
import { recompute } from '../../shared/planning/engine';
import type { PlanningModel } from '../../shared/planning/model';
import { createWorkspace, type Workspace } from '../../shared/planning/projection';
import { frameKey, loadModel } from './loadModel';
import type { ComputeRequest, EngineReply } from './protocol';

const { dbPath } = workerData as { dbPath: string };
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 15000');
let cached: { key: string; model: PlanningModel; workspace: Workspace } | null = null;

function handle(req: ComputeRequest): EngineReply {
  try {
    const key = frameKey(req.frame);
    let loadMs = 0;
    if (cached?.key !== key) {
      cached = null; // let the old arrays go before the new ones are built
      const t0 = performance.now();
      const model = loadModel(db, req.frame);
      cached = { key, model, workspace: createWorkspace(model) };
      loadMs = performance.now() - t0;
    }
    const t1 = performance.now();
    const { exceptions, kpis } = recompute(cached.model, req.settings, req.definitions, cached.workspace);
    return { id: req.id, ok: true, result: { exceptions, kpis, loadMs, computeMs: performance.now() - t1 } };
  } catch (e) {
    const error =
      e instanceof AppError
        ? e.toShape()
        : {
            code: 'internal' as const,
            message: `The planning engine failed: ${e instanceof Error ? e.message : String(e)}`,
          };
    return { id: req.id, ok: false, error };
  }
}

parentPort!.on('message', (req: ComputeRequest) => parentPort!.postMessage(handle(req)));
