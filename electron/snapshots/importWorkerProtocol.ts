// What the main thread and the import worker (importWorker.ts) say to each other. A job is one
// CSV file of one import ("session"), or one table of a pull (its connection's reader is made in
// the worker); the worker answers with the file's messages (mapRows.ts), then its end (with a
// pulled table's content digest) or its error. Row batches are counted in a shared Int32 so at most MAX_IN_FLIGHT
// are posted and not yet stored; a session is cancelled through a port the worker polls, because
// a worker waiting for room is blocked and reads no messages.
import type { MessagePort } from 'node:worker_threads';
import type { HttpSource, PostgresSource } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import type { FileMapping } from '../../shared/domain/profile';
import { AppError, type AppErrorShape } from '../../shared/domain/errors';
import type { ReadOptions } from '../sources/readRows';
import type { MapJob, MappedMessage } from './mapRows';

/** Row batches posted and not yet stored, at most: bounds the memory a large file takes. */
export const MAX_IN_FLIGHT = 64;

export interface WorkerSetup {
  /** Int32 [0]: row batches in flight. */
  flow: SharedArrayBuffer;
  /** Receives the ids of cancelled sessions. */
  control: MessagePort;
}

/** One table of a pull, read in the worker: everything its reader is made from (readersFor.ts readerFor). */
export interface PullJob {
  source: SourceSystem;
  settings: HttpSource | PostgresSource;
  /** The mapping the reader is made with (the MapJob's may be marked optional for a changed-rows read). */
  mapping: FileMapping;
  secret: string | undefined;
  since: string | null;
  /** Hash the rows as read (contentHash.ts TableHash) and send the digest with the end. */
  hash: boolean;
}

export interface WorkerJob extends MapJob {
  id: number;
  session: number;
  /** A CSV file's read options; absent for a pull's table. */
  read?: Omit<ReadOptions, 'xlsx'>;
  /** A pull's table instead of a file. */
  pull?: PullJob;
}

export type SentError =
  { app: AppErrorShape } | { plain: { name: string; message: string; stack?: string; code?: string } };

export type WorkerMessage = { job: number } & (
  MappedMessage | { type: 'end'; digest?: string } | { type: 'error'; error: SentError }
);

/** An error as it can cross to the main thread. */
export function sendable(e: unknown): SentError {
  if (e instanceof AppError) return { app: e.toShape() };
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return {
    plain: {
      name: err.name,
      message: err.message,
      stack: err.stack,
      code: typeof code === 'string' ? code : undefined,
    },
  };
}

/** The error sent, as the caller would have seen it thrown on the main thread. */
export function received(s: SentError): Error {
  if ('app' in s) return new AppError(s.app.code, s.app.message, s.app);
  const e = Object.assign(new Error(s.plain.message), { name: s.plain.name });
  if (s.plain.stack) e.stack = s.plain.stack;
  if (s.plain.code) Object.assign(e, { code: s.plain.code });
  return e;
}
