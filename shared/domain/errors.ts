// Expected failures are values with what, where and what next; only bugs throw plain Errors.
import { shownName } from './displayName';

export interface ErrorWhere {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  field?: string;
  value?: string;
}

export const ERROR_CODES = [
  'usage',
  'invalid_input',
  'not_found',
  'db_unavailable',
  'db_newer',
  'db_out_of_sync',
  'db_corrupt',
  'import_failed',
  'conflict',
  'busy',
  'internal',
] as const;

/** busy: another process holds the database's write lock past the wait limit (exit code 4). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One of several problems found at once (the bad rows of an import). */
export interface ErrorDetail {
  message: string;
  where?: ErrorWhere;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  where?: ErrorWhere;
  /** What the user can do about it. */
  hint?: string;
  /** Every problem found, when there were several (bounded by the producer). */
  details?: ErrorDetail[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly where?: ErrorWhere;
  readonly hint?: string;
  readonly details?: ErrorDetail[];

  constructor(
    code: ErrorCode,
    message: string,
    opts: { where?: ErrorWhere; hint?: string; details?: ErrorDetail[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.where = opts.where;
    this.hint = opts.hint;
    this.details = opts.details;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message, where: this.where, hint: this.hint };
    if (this.details) shape.details = this.details;
    return shape;
  }
}

/** How much of a piece of input (a cell, a line, a header) an error message quotes. */
export const QUOTE_LIMIT = 200;

/**
 * The one way an error quotes input: at most `limit` characters, cut with "…". Every message or
 * `where.value` built from a file's content goes through it, so a 30,000-character cell or a
 * runaway line never floods a terminal, a toast or the log.
 */
export function cutInput(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  // Never cut between the two halves of a surrogate pair.
  const last = text.charCodeAt(limit - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
  return `${text.slice(0, end)}…`;
}

const PULLED_FROM = /^(GET |query for )/;

/**
 * "file items.csv, row 12, column qty, value "-3"": the where-part of a message. Every part
 * comes from the user's files (a name, a header, a cell), so each is shown escaped and cut.
 */
export function describeWhere(where: ErrorWhere | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  // A pull names where it read as "GET <url>" or "query for <table> on <db>", not a file name.
  if (where.file) parts.push(PULLED_FROM.test(where.file) ? shownName(where.file) : `file ${shownName(where.file)}`);
  if (where.sheet) parts.push(`sheet ${shownName(where.sheet)}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column) parts.push(`column ${shownName(where.column)}`);
  if (where.field) parts.push(`field ${shownName(where.field)}`);
  if (where.value !== undefined) parts.push(`value ${shownName(JSON.stringify(cutInput(where.value)))}`);
  return parts.join(', ');
}

/** One line for a terminal or a toast: message, where, hint. */
export function formatError(e: Omit<AppErrorShape, 'code'>): string {
  const where = describeWhere(e.where);
  return [e.message, where && `(${where})`, e.hint && `— ${e.hint}`].filter(Boolean).join(' ');
}

/** "row 12, column qty: expected a number" — one line per detail, for a terminal. */
export function formatDetail(d: ErrorDetail): string {
  const where = describeWhere(d.where);
  return where ? `${where}: ${d.message}` : d.message;
}
