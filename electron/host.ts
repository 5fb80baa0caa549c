// Browser mode: serves the built renderer and the API over HTTP on 127.0.0.1. Same calls as
// IPC (shared/dispatch.ts). Only the owner's browser reaches the API: it carries the per-launch
// session cookie (hostSession.ts), sends same-origin JSON POSTs with a loopback Host header, so
// another local process or OS user, another web page or a DNS-rebinding trick cannot drive it.
// Every response forbids framing (clickjacking) and limits the page to its own scripts.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { dispatch, type DispatchHooks, type Handlers } from '../shared/dispatch';
import { hostedHandlers } from './hostPaths';
import { createHostSession, type HostSession } from './hostSession';
import { CONTENT_TYPES } from './shell/contentTypes';
import { CONTENT_SECURITY_POLICY } from './shell/csp';

export interface HostOptions {
  handlers: Handlers;
  staticDir: string;
  port?: number;
  hooks?: DispatchHooks;
  /** Called once, when the one-time code has been exchanged for the session cookie. */
  onSignIn?: () => void;
}

export interface RunningHost {
  url: string;
  /** The address that signs a browser in: usable once, then the browser holds the cookie. */
  loginUrl: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

/** On every response: the renderer's Content-Security-Policy (electron/shell/csp.ts) and no framing. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

interface Served {
  opts: HostOptions;
  handlers: Handlers;
  session: HostSession;
  allowedHosts: string[];
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  let served: Served | undefined;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!served) {
      send(res, 503, { ok: false, error: { code: 'usage', message: 'Planroom is starting.' } });
      return;
    }
    handle(req, res, served).catch((e: unknown) => {
      const loggedAt = opts.hooks?.onInternal?.(
        `HTTP ${req.method ?? ''} ${(req.url ?? '').split('?')[0]!.slice(0, 100)}`,
        e,
      );
      if (res.headersSent) res.destroy();
      else {
        const hint = loggedAt ? `The details are in ${loggedAt}.` : undefined;
        send(res, 500, { ok: false, error: { code: 'internal', message: String(e).slice(0, 500), hint } });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      // A fresh secret and one-time code for every launch, never stored.
      const session = createHostSession(port);
      served = {
        opts,
        handlers: hostedHandlers(opts.handlers),
        session,
        allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
      };
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        loginUrl: `${url}login?code=${session.code}`,
        port,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, served: Served): Promise<void> {
  if (!served.allowedHosts.includes(req.headers.host ?? '')) {
    send(res, 403, { ok: false, error: { code: 'usage', message: 'Host not allowed.' } });
    return;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  if (url.pathname.startsWith('/api/')) {
    await handleApi(req, res, url, served);
    return;
  }
  if (url.pathname === '/login') {
    login(res, url, served);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { ok: false, error: { code: 'usage', message: 'Method not allowed.' } });
    return;
  }
  serveStatic(res, served.opts.staticDir, url.pathname);
}

/** The one-time code for the session cookie, then on to the app; a used or wrong code gets 403. */
function login(res: ServerResponse, url: URL, served: Served): void {
  const cookie = served.session.exchange(url.searchParams.get('code'));
  if (!cookie) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      'This sign-in link has been used already, or is not the one Planroom printed.\n' +
        'Each launch prints one link, usable once; restart `planroom serve` for a new one.\n',
    );
    return;
  }
  res.writeHead(303, { 'set-cookie': cookie, location: '/', 'cache-control': 'no-store' });
  res.end();
  served.opts.onSignIn?.();
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, served: Served): Promise<void> {
  const { allowedHosts, session } = served;
  if (!session.isOwner(req)) {
    send(res, 401, {
      ok: false,
      error: {
        code: 'usage',
        message: 'This browser is not signed in to this Planroom.',
        hint: 'Open the address `planroom serve` printed (it signs in once), or restart Planroom.',
      },
    });
    return;
  }
  if (url.pathname === '/api/health') {
    send(res, 200, { ok: true });
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    send(res, 403, { ok: false, error: { code: 'usage', message: 'Cross-origin calls are not allowed.' } });
    return;
  }
  const name = url.pathname.slice('/api/'.length);
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    send(res, 405, { ok: false, error: { code: 'usage', message: 'API calls are POST with a JSON body.' } });
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)) || '{}');
  } catch (e) {
    send(res, 400, { ok: false, error: { code: 'invalid_input', message: `Request body: ${(e as Error).message}` } });
    return;
  }
  send(res, 200, await dispatch(served.handlers, name, body, {}, served.opts.hooks));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('larger than 1 MB'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Malformed URL.' } });
    return;
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) {
    send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } });
    return;
  }
  // Unknown paths fall back to the app (it routes on the hash).
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The renderer is not built. Run `npm run build` first.\n');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=31536000, immutable',
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
