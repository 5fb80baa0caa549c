// A real PostgreSQL for the sync tests, started and stopped by the test itself: Debian's
// postgresql binaries (.ci/run installs them), a fresh cluster in a temporary folder, on a free
// port, trust authentication for the local test user plus one password user. As root (CI),
// the server runs as the `postgres` OS user, because initdb refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  port: number;
  /** postgres://… for the superuser (trust auth, no password). */
  url(db?: string): string;
  /** A user that logs in with a password (scram), for the password-handling tests. */
  passwordUser: { name: string; password: string };
  /** Roles granted this role log in over TCP with a password too (GRANT password_login TO x). */
  passwordGroup: string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres OS user when we are root. */
function run(bin: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'planroom-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'planroom', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Local sockets in the test folder (not /var/run/postgresql, which may not exist); TCP on
  // 127.0.0.1 only. fsync off: a test cluster needs no durability, and it is much faster.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  try {
    run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    const log = spawnSync('cat', [join(dir, 'server.log')], { encoding: 'utf8' }).stdout;
    throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${log}`, { cause: e });
  }
  const url = (db = 'postgres') => `postgres://planroom@127.0.0.1:${port}/${db}`;
  const psql = (sql: string, db = 'postgres') =>
    run(join(bin, 'psql'), [
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'planroom',
      '-d',
      db,
      '-v',
      'ON_ERROR_STOP=1',
      '-qAtc',
      sql,
    ]);
  const passwordUser = { name: 'laptop', password: 'not-in-sqlite-7f3a' };
  const passwordGroup = 'password_login';
  // Password logins over TCP for that user and the members of the group only; the superuser
  // keeps trust.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [
      'local all all trust',
      `host all ${passwordUser.name},+${passwordGroup} 127.0.0.1/32 scram-sha-256`,
      'host all all 127.0.0.1/32 trust',
    ].join('\n') + '\n',
  );
  psql(`CREATE ROLE ${passwordUser.name} LOGIN PASSWORD '${passwordUser.password}' CREATEDB`);
  psql(`CREATE ROLE ${passwordGroup} NOLOGIN`);
  psql('SELECT pg_reload_conf()');
  return {
    port,
    url,
    passwordUser,
    passwordGroup,
    createDatabase(name) {
      psql(`CREATE DATABASE ${name} OWNER ${passwordUser.name}`);
      return url(name);
    },
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
