// What a failed PostgreSQL pull means for the person reading it: each error of the driver or the
// server (a refused connection, refused credentials, a query that does not parse, the statement
// timeout...) as an AppError that says what happened, where (the reader's `from`, and the line
// and column of the query) and what to do. The password never appears: no message of the driver
// or the server carries it, and every text built here is scrubbed of it all the same.
import { AppError, cutInput, type ErrorWhere } from '../../shared/domain/errors';
import type { PgTarget } from './pgConnect';

export interface PgErrorContext {
  from: string;
  table: string;
  target: PgTarget;
  query: string;
  statementTimeoutSeconds: number;
  tls: 'disable' | 'require' | 'verify-full';
  /** ERP; SOURCE when the caller did not say. */
  source: string;
  /** PLANROOM_SOURCE_ERP_SECRET. */
  secretVariable: string;
  /** The password, to scrub from every text (never shown). */
  secret: string | undefined;
  /** The pull was stopped by its caller. */
  aborted: boolean;
  /** Characters sent before the query in the statement that failed ("COPY (" for a COPY). */
  positionOffset?: number;
}

/** The fields of pg's DatabaseError and Node's system errors that are read here. */
interface DriverError {
  code?: string;
  message?: string;
  position?: string;
  hint?: string;
  detail?: string;
}

/** Line and column (1-based) of a 1-based character position of the query, as the server counts. */
export function queryPlace(query: string, position: number): { line: number; column: number; text: string } {
  const chars = Array.from(query); // the server counts characters, not UTF-16 units
  let line = 1;
  let start = 0;
  const end = Math.min(position - 1, chars.length);
  for (let i = 0; i < end; i++) {
    if (chars[i] === '\n') {
      line += 1;
      start = i + 1;
    }
  }
  let stop = chars.indexOf('\n', start);
  if (stop < 0) stop = chars.length;
  const text = chars.slice(start, stop).join('').replace(/\r$/, '');
  return { line, column: end - start + 1, text };
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|CERT_|ERR_OSSL)/;

export function pgError(e: unknown, ctx: PgErrorContext): AppError {
  if (e instanceof AppError) return scrub(e, ctx.secret);
  return scrub(translate(e as DriverError, ctx), ctx.secret);
}

function translate(err: DriverError, ctx: PgErrorContext): AppError {
  // From the settings, not the server: bounded all the same, like any text a person typed.
  const [host, user, database] = [ctx.target.host, ctx.target.user, ctx.target.database].map((t) => cutInput(t, 100));
  const { port } = ctx.target;
  const server = cutInput(err.message ?? String(err), 300);
  const where: ErrorWhere = { file: ctx.from };
  const fail = (message: string, hint: string, extra: ErrorWhere = {}) =>
    new AppError('import_failed', message, { where: { ...where, ...extra }, hint });
  const reach = `Check the host and port in the URL, that PostgreSQL runs there and accepts TCP connections from this machine (listen_addresses), and any firewall or VPN in between.`;

  if (ctx.aborted) {
    return fail(`The pull was stopped while reading ${ctx.table}.`, 'Nothing of it was kept; pull again when ready.');
  }
  if (isTlsFailure(err)) {
    return fail(
      `TLS refused: the connection to ${host}:${port} could not be secured (${server}).`,
      ctx.tls === 'verify-full'
        ? "The server's certificate is not trusted by this machine or does not name the host: install its CA, or choose TLS require (encrypted, not verified)."
        : 'The server may not offer TLS: turn it on there, or choose TLS disable on a network you trust.',
    );
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return fail(`PostgreSQL at ${host}:${port} refused the connection.`, reach);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(`The host ${host} of the PostgreSQL URL is not known (DNS).`, reach);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return fail(`PostgreSQL at ${host}:${port} could not be reached (${err.code}).`, reach);
    case '28P01':
    case '28000':
      return fail(
        `Credentials refused: PostgreSQL at ${host}:${port} did not let user ${user} log in to ${database} (${server}).`,
        `Set the user's password as this source's secret (on the Data page, with planroom source secret ${ctx.source}, or in ${ctx.secretVariable}), check the user in the URL, and that pg_hba.conf lets it log in from this machine${/no encryption/i.test(server) ? ' (it may ask for TLS: choose TLS require or verify-full)' : ''}.`,
      );
    case '3D000':
      return fail(
        `The database ${database} does not exist on ${host}:${port}.`,
        'Fix the database name in the URL (postgres://USER@HOST:PORT/DATABASE).',
      );
    case '57014':
      return fail(
        `The query for ${ctx.table} ran longer than the statement timeout of ${ctx.statementTimeoutSeconds} s and was stopped by the server.`,
        'Raise the statement timeout (statementTimeoutSeconds) on the source settings, or make the query cheaper: an index on what it filters or joins on, or a filter to the rows the plan needs.',
      );
    case '25006':
      return fail(
        `The query for ${ctx.table} tried to write (${server}); a pull only reads.`,
        'Write the query as a SELECT (or WITH ... SELECT): Planroom reads in a read-only transaction and changes nothing in the source.',
      );
    case '42501':
      return fail(
        `User ${user} may not read what the query for ${ctx.table} asks for: ${server}.`,
        `Grant it SELECT on the tables the query reads (GRANT SELECT ON ... TO ${user}), or read them through a view it may read.`,
      );
    case '53300':
    case '57P03':
      return fail(`PostgreSQL at ${host}:${port} does not take a connection now: ${server}.`, 'Pull again later.');
  }
  if (err.code === undefined && !ctx.secret && /password must be a string|password authentication/i.test(server)) {
    return fail(
      `Credentials refused: PostgreSQL at ${host}:${port} asks user ${user} for a password, and none is set for this source.`,
      `Set the user's password as this source's secret (on the Data page, with planroom source secret ${ctx.source}, or in ${ctx.secretVariable}).`,
    );
  }
  if (/timeout expired|connection timeout/i.test(server) && err.code === undefined) {
    return fail(`PostgreSQL at ${host}:${port} did not answer within 15 s.`, reach);
  }
  if (err.position !== undefined && /^\d+$/.test(err.position)) {
    const place = queryPlace(ctx.query, Math.max(1, Number(err.position) - (ctx.positionOffset ?? 0)));
    const serverHint = err.hint ? ` PostgreSQL suggests: ${cutInput(err.hint, 200)}` : '';
    return fail(
      `The query for ${ctx.table} failed at line ${place.line}, column ${place.column}: ${server}.`,
      `Fix the query on the source settings and test the connection again.${serverHint}`,
      { value: cutInput(place.text) },
    );
  }
  if (err.code && /^[0-9A-Z]{5}$/.test(err.code)) {
    const detail = err.detail ? ` (${cutInput(err.detail, 200)})` : '';
    return fail(
      `PostgreSQL refused the query for ${ctx.table}: ${server}${detail}.`,
      `Fix the query on the source settings and test the connection again (SQLSTATE ${err.code}).`,
    );
  }
  return fail(
    `Reading ${ctx.table} from PostgreSQL at ${host}:${port} failed: ${server}.`,
    'Test the connection on the Data page; the log has the details.',
  );
}

/** Node's TLS errors by code; pg's own (the server said no to TLS) by message only. */
function isTlsFailure(err: DriverError): boolean {
  if (err.code !== undefined) return TLS_CODES.test(err.code);
  return /does not support SSL|error establishing an SSL connection|self[- ]signed|certificate|SSL routines/i.test(
    err.message ?? '',
  );
}

/** The same error with every occurrence of the password replaced (a short one is left alone). */
function scrub(e: AppError, secret: string | undefined): AppError {
  if (!secret || secret.length < 4) return e;
  const clean = (s: string | undefined) => s?.split(secret).join('(password)');
  const text = [e.message, e.hint, e.where?.value, e.where?.file].join('\n');
  if (!text.includes(secret)) return e;
  return new AppError(e.code, clean(e.message)!, {
    where: e.where && { ...e.where, value: clean(e.where.value), file: clean(e.where.file) },
    hint: clean(e.hint),
    details: e.details,
  });
}
