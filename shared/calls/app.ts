// The app itself: its version and database, and the progress of long work.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { call } from './common';

export const ProgressInfo = z.object({
  label: z.string(),
  rows: z.number().int(),
  /** Share of the work done, 0-1, when known. */
  fraction: z.number().nullable(),
  rowsPerSecond: z.number(),
  elapsedMs: z.number(),
});

export const appCalls = {
  'app.info': call(
    z.object({}),
    z.object({ version: z.string(), dbPath: z.string(), schemaVersion: z.number().int() }),
    'Version and database of this Planroom',
  ),
  'progress.get': call(
    z.object({ id: z.string().min(8).max(64) }),
    ProgressInfo.nullable(),
    'Progress of a running import started with this progressId; null when none runs',
  ),
} as const;
