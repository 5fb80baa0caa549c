// How this laptop reaches the team hub: a postgres:// URL kept in SQLite WITHOUT its password,
// TLS as chosen, and the password handed in by the caller from the secret store of the mode
// (electron/secrets/: the environment, a 0600 file beside the database, or Electron's
// safeStorage; never in clear text in SQLite).
import type pg from 'pg';
import { AppError, cutInput } from '../../shared/domain/errors';
import type { HubConfigT } from '../../shared/calls/sync';
import { refuseSecretInUrl } from '../secrets/secretInUrl';

/** Checks a hub URL as typed; returns it normalised. A password in it is refused, not stored. */
export function checkHubUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('invalid_input', `"${cutInput(text, 80)}" is not a URL.`, {
      where: { field: 'url', value: cutInput(text, 80) },
      hint: 'Type postgres://USER@HOST:5432/DATABASE.',
    });
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new AppError('invalid_input', `The hub URL must start with postgres://, not ${cutInput(url.protocol, 20)}.`, {
      where: { field: 'url', value: cutInput(text, 80) },
      hint: 'Type postgres://USER@HOST:5432/DATABASE.',
    });
  }
  if (url.password) {
    throw new AppError(
      'invalid_input',
      'The hub URL holds a password; Planroom does not store passwords in its database.',
      {
        where: { field: 'url', value: '(a URL with a password, not shown)' },
        hint: 'Remove it from the URL and set PLANROOM_HUB_PASSWORD, or PLANROOM_HUB_PASSWORD_FILE naming a file with mode 0600.',
      },
    );
  }
  refuseSecretInUrl(
    text,
    'url',
    'Remove it from the URL and set PLANROOM_HUB_PASSWORD, or PLANROOM_HUB_PASSWORD_FILE naming a file with mode 0600.',
  );
  if (!url.hostname || url.pathname.length <= 1 || !url.username) {
    throw new AppError('invalid_input', 'The hub URL needs a user, a host and a database.', {
      where: { field: 'url', value: cutInput(text, 80) },
      hint: 'Type postgres://USER@HOST:5432/DATABASE.',
    });
  }
  return url.toString();
}

/** The pg client settings for a hub: user, host, port and database from the URL, TLS as chosen. */
export function hubClientConfig(cfg: HubConfigT, password: string | undefined): pg.ClientConfig {
  const url = new URL(cfg.url);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    database: decodeURIComponent(url.pathname.slice(1)),
    password,
    ssl: cfg.tls === 'disable' ? false : { rejectUnauthorized: cfg.tls === 'verify-full' },
    application_name: 'planroom',
    connectionTimeoutMillis: 10_000,
    query_timeout: 120_000,
  };
}

/** What a failed connection or query means for the person looking at the Sync page. */
export function hubErrorHint(e: unknown): { message: string; hint: string } {
  if (e instanceof AppError) return { message: e.message, hint: e.hint ?? '' };
  const err = e as { code?: string; message?: string };
  const message = cutInput(err.message ?? String(e), 300);
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return {
        message,
        hint: 'The hub cannot be reached: offline, or the host or port is wrong. Planroom tries again by itself.',
      };
    case '28P01':
    case '28000':
      return {
        message,
        hint: 'The hub refused the login: check the user in the URL and the hub password (type it on the Sync page, planroom sync secret hub, or PLANROOM_HUB_PASSWORD).',
      };
    case '3D000':
      return { message, hint: 'The database in the URL does not exist on the hub: create it, or fix the URL.' };
    case '42501':
      return { message, hint: 'The hub user may not create or write the planroom schema: grant it, or use its owner.' };
    default:
      return { message, hint: 'Planroom tries again by itself; the log has the details.' };
  }
}
