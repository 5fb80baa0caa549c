// zod compiles fast object parsers with new Function() unless told not to, and probes for it
// (util.allowsEval) when the first object schema is built, at import time. The renderer's
// Content-Security-Policy has no 'unsafe-eval' (electron/shell/csp.ts), so that probe was a
// policy violation on every load. Imported first by main.tsx, before any schema exists.
import { z } from 'zod';

z.config({ jitless: true });
