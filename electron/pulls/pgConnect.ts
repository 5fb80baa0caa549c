// Where a PostgreSQL source connects: the pg client settings from the connection's URL (which
// holds no password), the password from the secret, TLS as the settings choose; and how the
// reader names the place in errors and progress ("query for items on erp-db/erp").
import type pg from 'pg';
import type { PostgresSource } from '../../shared/calls/sources';
import type { CanonicalTableName } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';

/** The parts of the URL a message may name (never the password: the URL holds none). */
export interface PgTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

/** The URL's host, port, user and database; a socket folder for a host is kept as written. */
export function pgTarget(settings: PostgresSource): PgTarget {
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    throw new AppError('import_failed', 'The PostgreSQL URL of this source cannot be read.', {
      where: { field: 'url' },
      hint: 'Write it as postgres://USER@HOST:5432/DATABASE on the source settings.',
    });
  }
  const host = decodeURIComponent(url.hostname).replace(/^\[|\]$/g, '') || 'localhost';
  const user = decodeURIComponent(url.username);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || user;
  return { host, port: url.port ? Number(url.port) : 5432, user, database };
}

/** "query for items on erp-db/erp": the reader's `from`. */
export const pgFrom = (target: PgTarget, table: CanonicalTableName): string =>
  `query for ${table} on ${target.host}/${target.database}`;

/** The pg client's settings (the reader opens its read-only transaction itself). */
export function pgClientConfig(
  settings: PostgresSource,
  target: PgTarget,
  password: string | undefined,
): pg.ClientConfig {
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    password,
    ssl: settings.tls === 'disable' ? false : { rejectUnauthorized: settings.tls === 'verify-full' },
    application_name: 'planroom-pull',
    // An address that swallows packets (a VPN that is down) answers nothing: give up, with a
    // message, instead of waiting for the operating system's own timeout of minutes.
    connectionTimeoutMillis: 15_000,
    keepAlive: true,
  };
}
