// The main process's one log: a text file in the user data folder (or $PLANROOM_LOG), capped at
// 5 MB with the previous file kept as `.1`. It holds what the user is not shown: the stack of
// every internal error, with the call's name, and warnings when a fallback ran (a worker that
// failed and the work done on the main thread instead). Writes are synchronous appends: they are
// rare, and a crash right after must not lose the line that explains it.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';
import { logPath } from './paths';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export type LogLevel = 'error' | 'warn' | 'info';

/** Appends one entry; returns the log's path, or undefined when it cannot be written. */
export function writeLog(
  level: LogLevel,
  message: string,
  error?: unknown,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const path = logPath(env);
  const detail = error === undefined ? '' : `\n${describe(error)}`;
  const entry = `${new Date().toISOString()} ${level.toUpperCase()} [pid ${process.pid}] ${message}${detail}\n`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    rotateIfFull(path, Buffer.byteLength(entry));
    appendFileSync(path, entry, { mode: 0o600 });
    return path;
  } catch {
    // A log that cannot be written must not turn a reported error into a crash.
    return undefined;
  }
}

/** The stack of an internal error, with the name of the call it broke. */
export const logInternal = (call: string, error: unknown, env?: NodeJS.ProcessEnv): string | undefined =>
  writeLog('error', `internal error in ${call}`, error, env);

/** A fallback that ran: the work is done, but slower or elsewhere than designed. */
export const logFallback = (what: string, error: unknown, env?: NodeJS.ProcessEnv): string | undefined =>
  writeLog('warn', what, error, env);

function rotateIfFull(path: string, adding: number): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size + adding > LOG_MAX_BYTES) renameSync(path, `${path}.1`);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const stack = error.stack ?? `${error.name}: ${error.message}`;
    return `${code !== undefined ? `code ${String(code)}\n` : ''}${stack}`;
  }
  return inspect(error, { depth: 4, breakLength: 120 });
}
