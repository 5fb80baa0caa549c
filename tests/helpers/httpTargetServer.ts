// A local receiver for HTTP write-back tests (node:http on port 0): records every request, keeps
// the first body of each Idempotency-Key like a real receiver (a repeat is answered 409), and can
// be told what to answer next: a status with a body and headers, "hang" (never answers: the
// client's timeout fires) or "hold" (answers 201 only when the test calls release(), so "slow"
// is an order of events, not a clock).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang' | 'hold';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpTargetServer {
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** The bodies kept, by Idempotency-Key (the first one accepted). */
  kept: Map<string, string>;
  /** What the next requests are answered, in order; after them, the receiver's default. */
  answer(...answers: Answer[]): void;
  /** Resolves once `n` requests in all have arrived. */
  arrived(n: number): Promise<void>;
  /** Answers the held requests as accepted. */
  release(): void;
  close(): Promise<void>;
}

export async function startHttpTargetServer(): Promise<HttpTargetServer> {
  const requests: RecordedRequest[] = [];
  const kept = new Map<string, string>();
  const queue: Answer[] = [];
  const held: (() => void)[] = [];
  const waiters: { n: number; resolve(): void }[] = [];

  const accept = (req: RecordedRequest, res: ServerResponse, status = 201) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    if (kept.has(key)) {
      res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"duplicate idempotency key"}');
      return;
    }
    kept.set(key, req.body);
    res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}');
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const r: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(r);
      for (const w of waiters.filter((x) => requests.length >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      const a = queue.shift();
      if (a === 'hang') return;
      if (a === 'hold') {
        held.push(() => accept(r, res));
        return;
      }
      if (!a) return accept(r, res);
      if (a.status >= 200 && a.status < 300) return accept(r, res, a.status);
      res.writeHead(a.status, { 'content-type': 'text/plain', ...a.headers }).end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/planroom/events`,
    requests,
    kept,
    answer: (...answers) => queue.push(...answers),
    arrived: (n) =>
      requests.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })),
    release: () => held.splice(0).forEach((answer) => answer()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
