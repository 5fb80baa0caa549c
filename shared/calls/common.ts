// Schemas every group of calls uses, and `call`, the shape of one call of the contract.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { SOURCE_SYSTEMS } from '../domain/canonical';
import { ERROR_CODES } from '../domain/errors';
import { isPeriod } from '../domain/period';
import { isTimeZone } from '../domain/timeZone';

export const Source = z.enum(SOURCE_SYSTEMS);

export const IsoTime = z.iso.datetime({ offset: true });

export const Period = z.string().refine(isPeriod, 'an ISO week such as 2026-W49');

export const TimeZone = z.string().trim().max(64).refine(isTimeZone, 'an IANA time zone such as Europe/Berlin or UTC');

export const Person = z.string().trim().min(1, 'a name').max(80);

export const ErrorWhere = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
});

/** An expected failure as a value (shared/domain/errors.ts), for calls that report one as data. */
export const ErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  where: ErrorWhere.optional(),
  hint: z.string().optional(),
  details: z.array(z.object({ message: z.string(), where: ErrorWhere.optional() })).optional(),
});

/**
 * One call: its input, its output, what it does, and whether it writes. Writing calls run one at
 * a time through the write queue (electron/services/writeQueue.ts); the others run at once, on
 * the read connection, and never see a write that has not committed.
 */
export const call = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
  mode: { writes: boolean } = { writes: false },
) => ({ input, output, summary, writes: mode.writes });

export const WRITES = { writes: true };
