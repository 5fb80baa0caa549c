// How long a write waits for another process's write lock before it answers "busy" (exit 4).
// Every write transaction begins IMMEDIATE, so each waits this long, not only some of them.
// PLANROOM_BUSY_TIMEOUT_MS shortens it for scripts that prefer to fail fast (and for tests).
const DEFAULT_MS = 15_000;

export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PLANROOM_BUSY_TIMEOUT_MS ?? '';
  return /^\d{1,7}$/.test(raw) ? Number(raw) : DEFAULT_MS;
}
