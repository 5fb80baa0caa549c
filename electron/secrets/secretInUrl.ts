// A secret written into a URL would be kept in clear text in SQLite with the settings that hold
// the URL (a source's feed or database, an HTTP target, the hub) and shown back by the API. The
// user name and password part is refused where each URL is checked; this finds the other place
// a secret hides: a query parameter such as ?access_token=, ?api_key= or, for PostgreSQL (the pg
// client reads it), ?password=. Names that are only ever credentials, so a real parameter such
// as ?key=items or ?$filter= is never refused.
import { AppError } from '../../shared/domain/errors';

const SECRET_PARAMS = new Set([
  'password',
  'passwd',
  'pwd',
  'sslpassword',
  'secret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'api_key',
  'apikey',
  'api-key',
  'x-api-key',
  'subscription-key',
  'sig',
  'signature',
]);

/** The first query parameter of `text` that holds a credential, or null (also for a non-URL). */
export function secretParamIn(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  for (const name of url.searchParams.keys()) {
    if (SECRET_PARAMS.has(name.toLowerCase())) return name;
  }
  return null;
}

/**
 * Refuses a URL with a credential in its query. The URL is never quoted (it holds the secret);
 * the message names the parameter, `field` where it was typed, `hint` how to set it instead.
 */
export function refuseSecretInUrl(text: string, field: string, hint: string): void {
  const name = secretParamIn(text);
  if (name === null) return;
  throw new AppError(
    'invalid_input',
    `The URL carries a secret in its ${name.slice(0, 40)} parameter; Planroom keeps no secret in its database.`,
    { where: { field, value: '(a URL with a secret, not shown)' }, hint },
  );
}
