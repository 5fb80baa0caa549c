// Browser mode: serves the built renderer and the API over HTTP on 127.0.0.1. Same calls as
// IPC (shared/dispatch.ts). Only same-origin JSON POSTs with a loopback Host header reach the
// API, so another web page or a DNS-rebinding trick cannot drive it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { dispatch, type Handlers } from '../shared/dispatch';

export interface HostOptions {
  handlers: Handlers;
  staticDir: string;
  port?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const server = createServer((req, res) => {
    handle(req, res, opts, server).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else send(res, 500, { ok: false, error: { code: 'internal', message: String(e) } });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: HostOptions, server: Server): Promise<void> {
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    send(res, 403, { ok: false, error: { code: 'usage', message: 'Host not allowed.' } });
    return;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  if (url.pathname.startsWith('/api/')) {
    await handleApi(req, res, url, opts, allowedHosts);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { ok: false, error: { code: 'usage', message: 'Method not allowed.' } });
    return;
  }
  serveStatic(res, opts.staticDir, url.pathname);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  opts: HostOptions,
  allowedHosts: string[],
): Promise<void> {
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
  send(res, 200, await dispatch(opts.handlers, name, body));
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
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
