// The API's handlers before the database is open: every call waits on one promise of the real
// handlers, then runs as it would have. The window is up and calling before the data is ready
// (startup.ts); its first calls answer once the data is, instead of failing. When start-up
// fails, a waiting call fails with the start-up's error (the app is ending: see main.ts).
import { API_NAMES } from '../../shared/api';
import type { CallContext, Handlers } from '../../shared/dispatch';

export function deferredHandlers(ready: Promise<Handlers>): Handlers {
  const out: Record<string, (input: unknown, ctx: CallContext) => Promise<unknown>> = {};
  for (const name of API_NAMES) {
    out[name] = async (input, ctx) => {
      const handlers = await ready;
      return (handlers[name] as (input: unknown, ctx: CallContext) => unknown)(input, ctx);
    };
  }
  return out as unknown as Handlers;
}
