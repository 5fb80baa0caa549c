// Worker thread, started once and kept: reads CSV exports, or a pull's tables from their feed or
// query (the pull's readers, readersFor.ts), and maps their rows (mapRows.ts) so the main thread
// only inserts. Jobs run one at a time in the order posted, each ending in an
// 'end' or an 'error' message; the jobs of a cancelled session end silently.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { readRows, type RowSink } from '../sources/readRows';
import { TableHash } from '../pulls/contentHash';
import { readerFor } from '../pulls/readersFor';
import { MapRowsSink, type MappedMessage } from './mapRows';
import {
  MAX_IN_FLIGHT,
  sendable,
  type PullJob,
  type WorkerJob,
  type WorkerMessage,
  type WorkerSetup,
} from './importWorkerProtocol';

const port = parentPort!;
const { flow, control } = workerData as WorkerSetup;
const inFlight = new Int32Array(flow);
const cancelled = new Set<number>();
/** Thrown through the reader to stop a cancelled job. */
const CANCELLED = new Error('import cancelled');

function isCancelled(session: number): boolean {
  for (let m = receiveMessageOnPort(control); m; m = receiveMessageOnPort(control)) cancelled.add(m.message as number);
  return cancelled.has(session);
}

/** Posts a message of the job; a row batch first waits for room (this blocks the thread, and the reader with it). */
function post(job: WorkerJob, m: MappedMessage, transfer: ArrayBuffer[]): void {
  if (m.type === 'rows') {
    for (;;) {
      if (isCancelled(job.session)) throw CANCELLED;
      const n = Atomics.load(inFlight, 0);
      if (n < MAX_IN_FLIGHT) break;
      // The main thread notifies when it stores a batch or cancels; the timeout is a safety net.
      Atomics.wait(inFlight, 0, n, 200);
    }
    Atomics.add(inFlight, 0, 1);
  }
  port.postMessage({ ...m, job: job.id } satisfies WorkerMessage, transfer);
}

async function run(job: WorkerJob): Promise<void> {
  if (isCancelled(job.session)) return;
  try {
    const mapped = new MapRowsSink(job, (m, transfer) => post(job, m, transfer));
    let digest: string | undefined;
    if (job.pull) digest = await readTable(job.pull, mapped);
    else await readRows(job.path, mapped, job.read!);
    port.postMessage({ job: job.id, type: 'end', digest } satisfies WorkerMessage);
  } catch (e) {
    if (e === CANCELLED || isCancelled(job.session)) return;
    port.postMessage({ job: job.id, type: 'error', error: sendable(e) } satisfies WorkerMessage);
  }
}

/** Reads a pulled table into `mapped`; its content digest when the job asks for one. */
async function readTable(pull: PullJob, mapped: RowSink): Promise<string | undefined> {
  const { source, settings, mapping, secret, since } = pull;
  const reader = readerFor(settings, mapping, { source, secret, since });
  // readersFor made this reader on the main thread already: the table has its URL or query.
  if (!reader) throw new Error(`no reader for the ${mapping.table} table`);
  const hash = pull.hash ? new TableHash() : undefined;
  // A cancelled job stops at its next batch (post throws), which ends the reader's reading.
  await reader.read(hash ? hash.sinkFor(mapped) : mapped, new AbortController().signal);
  return hash?.digest();
}

const queue: WorkerJob[] = [];
let running = false;
port.on('message', (job: WorkerJob) => {
  queue.push(job);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  for (let job = queue.shift(); job; job = queue.shift()) await run(job);
  running = false;
}
