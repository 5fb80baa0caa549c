import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { ROOT } from './cli';

export interface Served {
  /** The app's address, http://127.0.0.1:PORT/ */
  url: string;
  /** The "ready" line's address: signs one browser in, once. */
  loginUrl: string;
  child: ChildProcess;
  /** Exchanges the one-time code for the session cookie (once; later calls reuse it). */
  cookie(): Promise<string>;
  /** POSTs one API call with the session cookie. */
  post(name: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** Signs in with a one-time login address; returns the Cookie header for the API. */
export async function exchangeLogin(loginUrl: string): Promise<string> {
  const res = await fetch(loginUrl, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !setCookie) throw new Error(`login refused: ${res.status} ${await res.text()}`);
  return setCookie.split(';')[0]!;
}

/** Starts `planroom serve --port 0` on its own database and waits for its "ready" line. */
export function startServe(dbPath: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'planroom.cjs'), 'serve', '--port', '0', '--db', dbPath, ...extra],
    {
      cwd: ROOT,
      // The log beside the test's database, not in the user's data folder.
      env: {
        ...process.env,
        PLANROOM_DB: '',
        PLANROOM_LOG: process.env.PLANROOM_LOG || join(dirname(dbPath), 'planroom.log'),
        ...env,
      },
    },
  );
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not get ready:\n${out}\n${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Planroom ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const loginUrl = m[1]!;
        let session: Promise<string> | undefined;
        const cookie = (): Promise<string> => (session ??= exchangeLogin(loginUrl));
        const url = new URL('/', loginUrl).href;
        const served: Served = {
          url,
          loginUrl,
          child,
          cookie,
          // Through served.cookie: a test that signs in itself can hand its cookie over.
          post: async (name, body, headers = {}) =>
            fetch(`${url}api/${name}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: await served.cookie(), ...headers },
              body: JSON.stringify(body),
            }),
          stop: () =>
            new Promise((r) => {
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        };
        resolve(served);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}\n${err}`));
    });
  });
}
