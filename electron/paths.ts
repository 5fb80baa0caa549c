// Where things live on disk: the app's own files (migrations, demo company, built renderer) and
// the user's data directory. Works from the TypeScript sources (tests) and from the bundles in
// dist/ (CLI, Electron main), which esbuild gives an import.meta.url shim.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding package.json and migrations/: the repository or the packaged app. */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = packedPath(dirname(fileURLToPath(import.meta.url)));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Planroom app folder (package.json + migrations/)');
    dir = parent;
  }
}

export const migrationsDir = (): string => join(appRoot(), 'migrations');
/** The team hub's PostgreSQL schema, numbered like the local migrations (electron/sync/hubSchema.ts). */
export const hubMigrationsDir = (): string => join(appRoot(), 'hub-migrations');
export const demoDir = (): string => join(appRoot(), 'assets', 'demo');
export const rendererDir = (): string => join(appRoot(), 'dist', 'renderer');

/** The per-user data folder, as Electron's app.getPath('userData') would place it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Planroom');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Planroom');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Planroom');
}

/** The log file (electron/log.ts): $PLANROOM_LOG, else planroom.log in the user data folder. */
export function logPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLANROOM_LOG || join(userDataDir(env), 'planroom.log');
}

/**
 * --db wins over PLANROOM_DB, which wins over the user data folder. Only the default folder is
 * created here (first run); a folder named by the user must exist, or opening says so.
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.PLANROOM_DB) return env.PLANROOM_DB;
  const dir = userDataDir(env);
  mkdirSync(dir, { recursive: true });
  return join(dir, 'planroom.db');
}

// A packaged app keeps its files in resources/app.asar, an archive only Electron's patched fs can
// read; the files a worker thread is started from, and native modules, are unpacked beside it
// into resources/app.asar.unpacked (electron-builder.yml: asarUnpack), same relative paths.
const PACKED = /([\\/])app\.asar(?=[\\/]|$)/;
const UNPACKED = /([\\/])app\.asar\.unpacked(?=[\\/]|$)/;

/** The same file in app.asar.unpacked when `path` is inside app.asar; any other path as it is. */
export const unpackedPath = (path: string): string => path.replace(PACKED, '$1app.asar.unpacked');

/**
 * The same file in app.asar when `path` is inside app.asar.unpacked. A worker runs from there,
 * but package.json and migrations/ stay in the archive, where appRoot() must look for them.
 */
export const packedPath = (path: string): string => path.replace(UNPACKED, '$1app.asar');

/** The bundled worker script: from the repository's dist/, or unpacked in a packaged app. */
export function workerScript(
  name: string,
  root: string = appRoot(),
  exists: (path: string) => boolean = existsSync,
): string {
  const path = unpackedPath(join(root, 'dist', name));
  if (!exists(path)) throw new Error(`${path} is missing: run npm run build`);
  return path;
}
