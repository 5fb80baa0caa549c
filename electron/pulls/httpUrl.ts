// URLs of a feed: query parameters set on a table's URL (OData's $select keeps its "$"), and the
// URL as shown in messages and `from`, with the values of parameters that look like credentials
// masked, so an API key put in a query string is never repeated in an error or a log.
import { shownName } from '../../shared/domain/displayName';

/** Query parameter names whose values are not shown. */
const SECRET_PARAM = /key|token|secret|pass|sig|auth|credential|session|code/i;

/** `url` with each `[name, value]` set: an existing parameter of that name is replaced. */
export function withParams(url: string, params: readonly (readonly [string, string])[]): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = base.indexOf('?');
  const path = queryAt < 0 ? base : base.slice(0, queryAt);
  const names = new Set(params.map(([n]) => n));
  const kept = (queryAt < 0 ? '' : base.slice(queryAt + 1))
    .split('&')
    .filter((p) => p !== '' && !names.has(paramName(p)));
  const added = params.map(([n, v]) => `${encodeName(n)}=${encodeURIComponent(v)}`);
  const query = [...kept, ...added].join('&');
  return query ? `${path}?${query}` : path;
}

/** The decoded value of parameter `name` in `url`, or null. */
export function paramOf(url: string, name: string): string | null {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return null;
  for (const p of url
    .slice(queryAt + 1)
    .split('#')[0]!
    .split('&')) {
    if (paramName(p) !== name) continue;
    const eq = p.indexOf('=');
    return eq < 0 ? '' : safeDecode(p.slice(eq + 1).replaceAll('+', ' '));
  }
  return null;
}

/** The URL as a person may see it: credential-like query values masked, controls escaped, cut. */
export function shownUrl(url: string, max = 300): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return shownName(url, max);
  const masked = url
    .slice(queryAt + 1)
    .split('&')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq >= 0 && SECRET_PARAM.test(paramName(p)) ? `${p.slice(0, eq)}=***` : p;
    })
    .join('&');
  return shownName(`${url.slice(0, queryAt)}?${masked}`, max);
}

function paramName(part: string): string {
  const eq = part.indexOf('=');
  return safeDecode(eq < 0 ? part : part.slice(0, eq));
}

/** "$select" stays "$select": OData names its system query options with a literal "$". */
const encodeName = (name: string): string => encodeURIComponent(name).replaceAll('%24', '$');

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
