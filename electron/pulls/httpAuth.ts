// The request headers of a feed: Accept (and OData's version and number format), the source's own
// headers, then the auth header made from the secret (bearer, basic, API key), last so a header
// in the settings cannot replace it. And `scrub`, which takes the secret, in every form it is
// sent, out of any text quoted from an answer: a server that echoes the request must not put
// the token into a message or the log.
import type { HttpSource } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import { envNameOf } from '../../shared/sync/secretNames';

export interface FeedAuth {
  headers: Record<string, string>;
  /** `text` with the secret and its encodings replaced by "***". */
  scrub(text: string): string;
}

export function feedAuth(
  settings: HttpSource,
  secret: string | undefined,
  from: string,
  /** The source pulled, for the hint; without it the hint names the variable's pattern. */
  source?: SourceSystem,
): FeedAuth {
  const headers: Record<string, string> = {
    Accept: settings.odata ? 'application/json;odata.metadata=minimal;IEEE754Compatible=true' : 'application/json',
    ...(settings.odata ? { 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' } : {}),
    ...settings.headers,
  };
  const auth = settings.auth;
  if (auth.kind === 'none') return { headers, scrub: (t) => t };
  if (!secret) {
    const what = auth.kind === 'bearer' ? 'token' : auth.kind === 'basic' ? 'password' : 'API key';
    throw new AppError(
      'import_failed',
      `No ${what} is set for this connection (${auth.kind} auth); nothing was asked.`,
      {
        where: { file: from },
        hint: source
          ? `Type the ${what} in ${source}'s connection on the Data page, or run planroom source secret ${source}, or set ${envNameOf(`source:${source}`)}.`
          : `Type the ${what} in the source's connection on the Data page, or set the source's PLANROOM_SOURCE_<SOURCE>_SECRET environment variable.`,
      },
    );
  }
  const basic = auth.kind === 'basic' ? Buffer.from(`${auth.username}:${secret}`, 'utf8').toString('base64') : '';
  // A header of the settings with the auth header's name in another case would be sent beside it.
  const authHeader = auth.kind === 'api-key' ? auth.header : 'Authorization';
  for (const name of Object.keys(headers)) if (name.toLowerCase() === authHeader.toLowerCase()) delete headers[name];
  if (auth.kind === 'bearer') headers.Authorization = `Bearer ${secret}`;
  else if (auth.kind === 'basic') headers.Authorization = `Basic ${basic}`;
  else headers[auth.header] = secret;
  const forms = [secret, encodeURIComponent(secret), basic].filter((f) => f.length > 0);
  return { headers, scrub: (text) => forms.reduce((t, f) => t.split(f).join('***'), text) };
}
