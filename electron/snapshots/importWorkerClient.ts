// The import worker (importWorker.ts) from the main thread: one worker for the process, started
// when the importer is first used and kept for later imports and files (starting one costs tens
// of milliseconds). An import opens a session and posts all its CSV files (a pull: its tables) at once, so the worker
// reads the next file while this thread still inserts the last; their messages are then taken
// file by file, in the order of the import.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../shared/domain/errors';
import { workerScript } from '../paths';
import type { MappedMessage } from './mapRows';
import { received, type WorkerJob, type WorkerMessage, type WorkerSetup } from './importWorkerProtocol';

export type FileJob = Omit<WorkerJob, 'id' | 'session'>;

/** One file being read by the worker. */
export interface FileRead {
  /**
   * Gives the file's messages to take, in order; settles at the file's end (with a pulled
   * table's content digest, when asked for) or first error (take's own too).
   */
  run(take: (m: MappedMessage) => void): Promise<string | undefined>;
}

export interface ReadSession {
  /** Posts the file to the worker now; its messages wait until run() takes them. */
  read(job: FileJob): FileRead;
  /** Drops the session's unfinished files (the import failed, or is done). */
  close(): void;
}

interface JobState {
  session: number;
  /** Messages that came before run(). */
  queued: WorkerMessage[];
  take?: (m: MappedMessage) => void;
  resolve?: (digest: string | undefined) => void;
  reject?: (e: unknown) => void;
}

class ImportWorker {
  private worker?: Worker;
  private control?: MessagePort;
  private inFlight = new Int32Array(new SharedArrayBuffer(4));
  private readonly jobs = new Map<number, JobState>();
  private nextJob = 1;
  private nextSession = 1;

  /** Starts the worker unless it runs. */
  start(): void {
    if (this.worker) return;
    const flow = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = { flow, control: port2 };
    const worker = new Worker(workerScript('importWorker.cjs'), { workerData: setup, transferList: [port2] });
    this.worker = worker;
    this.control = port1;
    this.inFlight = new Int32Array(flow);
    worker.on('message', (m: WorkerMessage) => this.receive(m));
    worker.on('error', (e) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`exit code ${code}`)));
    // An idle worker must not keep the process alive (the CLI exits when its import is done).
    worker.unref();
    port1.unref();
  }

  session(): ReadSession {
    this.start();
    const session = this.nextSession++;
    return {
      read: (job) => this.post(session, job),
      close: () => this.cancel(session),
    };
  }

  private post(session: number, job: FileJob): FileRead {
    const id = this.nextJob++;
    const state: JobState = { session, queued: [] };
    this.jobs.set(id, state);
    this.start(); // again, in case the worker died since the session began
    this.worker!.ref();
    this.worker!.postMessage({ ...job, id, session } satisfies WorkerJob);
    return {
      run: (take) =>
        new Promise<string | undefined>((resolve, reject) => {
          if (!this.jobs.has(id)) return reject(new Error('the file was dropped from the import'));
          Object.assign(state, { take, resolve, reject });
          for (let m = state.queued.shift(); m && this.jobs.has(id); m = state.queued.shift()) {
            this.deliver(id, state, m);
          }
          // Ended by an error: what else came is dropped.
          for (const m of state.queued.splice(0)) this.release(m);
        }),
    };
  }

  private receive(m: WorkerMessage): void {
    const state = this.jobs.get(m.job);
    // A dropped file's message only gives its room back.
    if (!state) this.release(m);
    else if (!state.take) state.queued.push(m);
    else this.deliver(m.job, state, m);
  }

  private deliver(id: number, state: JobState, m: WorkerMessage): void {
    if (m.type === 'end') {
      this.end(id);
      state.resolve!(m.digest);
    } else if (m.type === 'error') {
      this.end(id);
      state.reject!(received(m.error));
    } else {
      try {
        state.take!(m);
      } catch (e) {
        this.end(id);
        state.reject!(e);
      } finally {
        this.release(m);
      }
    }
  }

  /** A row batch is stored (or dropped): room for the worker's next one. */
  private release(m: WorkerMessage): void {
    if (m.type !== 'rows') return;
    Atomics.sub(this.inFlight, 0, 1);
    Atomics.notify(this.inFlight, 0);
  }

  private end(id: number): void {
    this.jobs.delete(id);
    if (this.jobs.size === 0) this.worker?.unref();
  }

  private cancel(session: number): void {
    const dropped = [...this.jobs].filter(([, s]) => s.session === session);
    if (dropped.length === 0) return;
    this.control!.postMessage(session);
    Atomics.notify(this.inFlight, 0);
    for (const [id, state] of dropped) {
      this.end(id);
      for (const m of state.queued) this.release(m);
      state.reject?.(new Error('the import was cancelled'));
    }
  }

  /** The worker died (a bug, or out of memory): its files fail, and the next import starts another. */
  private lost(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.control?.close();
    const error = new AppError('import_failed', `The CSV reader stopped: ${e.message}`);
    for (const [id, state] of this.jobs) {
      // A file being taken fails now; one not yet taken fails when it is.
      if (state.take) {
        this.jobs.delete(id);
        state.reject!(error);
      } else state.queued = [{ job: id, type: 'error', error: { app: error.toShape() } }];
    }
  }
}

const worker = new ImportWorker();

/** A session of the process's import worker, started now if it does not run yet. */
export const importWorkerSession = (): ReadSession => worker.session();
