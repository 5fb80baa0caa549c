// The main thread's handle on the engine worker: started on first use, one request at a time in
// order, restarted if it dies. Results come back as plain objects; the arrays stay in the worker.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/domain/errors';
import { workerScript } from '../paths';
import type { LeverT } from '../../shared/planning/levers';
import type { EngineReply, EngineRequest, EngineResults, PlanInputs, ScenarioRef, SubjectRef } from './protocol';
import { logInternal } from '../log';

type Pending = { resolve: (r: unknown) => void; reject: (e: unknown) => void };
type Body<K extends EngineRequest['kind']> = Omit<Extract<EngineRequest, { kind: K }>, 'id' | 'kind'>;

export class EngineHost {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly dbPath: string) {}

  /** The baseline recomputed in full: its exceptions and KPIs. */
  compute(req: PlanInputs): Promise<EngineResults['compute']> {
    return this.request('compute', req);
  }

  /** Refuses levers that name what the snapshot set does not have, or periods outside the horizon. */
  validate(req: PlanInputs & { levers: LeverT[] }): Promise<null> {
    return this.request('validate', req);
  }

  /** One scenario brought up to date (only what its lever changes touch) and its outcome. */
  scenario(req: PlanInputs & { scenario: ScenarioRef }): Promise<EngineResults['scenario']> {
    return this.request('scenario', req);
  }

  projection(
    req: PlanInputs & { scenarios: ScenarioRef[]; subject: SubjectRef },
  ): Promise<EngineResults['projection']> {
    return this.request('projection', req);
  }

  private request<K extends EngineRequest['kind']>(kind: K, body: Body<K>): Promise<EngineResults[K]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...body, id, kind });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerScript('engineWorker.cjs'), { workerData: { dbPath: this.dbPath } });
    worker.on('message', (reply: EngineReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new AppError(reply.error.code, reply.error.message, reply.error));
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      const error = new AppError('internal', `The planning engine stopped: ${why}.`, {
        hint: 'Try again; the engine restarts on the next request.',
      });
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', (e) => {
      logInternal('planning engine worker', e);
      fail(e.message);
    });
    worker.on('exit', (code) => fail(`exit code ${code}`));
    // An idle engine must not keep the CLI alive; a request refs it until answered.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
