// Parsing against a zod schema with the house error: what is wrong, in which field, what to do.
// Every way in (API dispatch, profiles, settings, scenario levers) reports a bad value this way.
import type { z } from 'zod';
import { AppError } from './errors';

/** The parsed value, or an AppError "<what> not valid: <field>: <problem>." naming the first bad field. */
export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  input: unknown,
  what: string,
  opts: { fieldPrefix?: string; hint?: string } = {},
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [opts.fieldPrefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
  throw new AppError('invalid_input', `${what} not valid: ${field ? `${field}: ` : ''}${issue.message}.`, {
    where: { field: field || undefined },
    hint: opts.hint,
  });
}
