// The renderer is loaded from app://planroom/index.html, not file:// (Electron's security
// checklist: a file:// page may read any file the user can, and every file:// page shares one
// origin). The scheme is registered as standard and secure, so the page has its own origin for
// 'self', localStorage and fetch; the handler serves the built renderer's folder and nothing
// else, refuses any path that would leave it, and sends the Content-Security-Policy on every
// response. The handler is a plain Request -> Response function so it is tested without Electron.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_TYPES } from './contentTypes';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'planroom';
/** The app window's address; routes are in the hash (#/room is the room view). */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: relative URLs and an origin of its own; secure: a secure context, like https;
  // supportFetchAPI: the bundle's module scripts and chunks are fetched through it.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** True for an address on the app's own origin (app://planroom/...), whatever its path. */
export function isAppOrigin(url: string): boolean {
  try {
    const u = new URL(url);
    // Node gives non-special schemes an opaque origin ("null"), so compare scheme and host.
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file under `root` that `url` names; null for another origin or a path leaving `root`. */
export function appFilePath(root: string, url: string): string | null {
  if (!isAppOrigin(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // a malformed %-escape
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const rel = relative(resolve(root), file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer in `root` (dist/renderer). */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed.');
    const file = appFilePath(root, request.url);
    if (!file) return refusal(404, 'Not found.');
    try {
      if (!(await stat(file)).isFile()) return refusal(404, 'Not found.');
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...HEADERS, 'content-type': type },
      });
    } catch {
      return refusal(404, 'Not found.');
    }
  };
}

/** Before app ready: the scheme's privileges (Electron accepts them only then). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After app ready: app:// answers from `root` in the default session (every Planroom window). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(root));
}
