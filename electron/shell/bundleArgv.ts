// The command line of a launch that opens a cycle bundle. On Windows and Linux a double-click
// or "Open with" starts Planroom with the file's path as an argument (the installers register
// `planroom "%1"` and, in the Linux desktop entry, `%U`, which may pass a file:// URL); the
// same arrives as the second instance's argv when Planroom is already running. Chromium adds
// switches of its own to that argv, and macOS a -psn_ argument: only a .planroom path counts.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLE_EXTENSION = '.planroom';

/** Planroom's own flags that take the next argument as their value. */
const FLAGS_WITH_VALUE = new Set(['--db']);

const isBundlePath = (arg: string): boolean => arg.toLowerCase().endsWith(BUNDLE_EXTENSION);

/** A file:// URL as a path; anything else as it is. A malformed URL is no file. */
function asPath(arg: string): string | null {
  if (!/^file:/i.test(arg)) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The .planroom file a launch was asked to open, as an absolute path (a relative one is resolved
 * against `cwd`, the launching process's working directory), or null. argv[0] is the executable.
 * Flags and their values are skipped; when several bundles are given the first one wins.
 */
export function bundleFromArgv(argv: readonly string[], cwd: string = process.cwd()): string | null {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      if (FLAGS_WITH_VALUE.has(arg)) i++;
      continue;
    }
    const path = asPath(arg);
    if (path === null || !isBundlePath(path)) continue;
    return isAbsolute(path) ? path : resolve(cwd, path);
  }
  return null;
}

/**
 * The arguments for Planroom restarted on `dbPath` (app.relaunch's `args`, argv without the
 * executable): the launch's own arguments, less any bundle (opening it again would ask again,
 * forever) and any earlier --db, plus --db `dbPath`.
 */
export function relaunchArgs(argv: readonly string[], dbPath: string): string[] {
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      i++;
      continue;
    }
    if (arg.startsWith('--db=')) continue;
    const path = arg.startsWith('-') ? null : asPath(arg);
    if (path !== null && isBundlePath(path)) continue;
    args.push(arg);
  }
  return [...args, '--db', dbPath];
}

/**
 * app.relaunch's options for Planroom on `dbPath`. An AppImage runs from a mount that goes away
 * when the app exits, so it restarts the AppImage file itself ($APPIMAGE), not process.execPath.
 */
export function relaunchOptions(
  argv: readonly string[],
  dbPath: string,
  env: NodeJS.ProcessEnv = process.env,
): { args: string[]; execPath?: string } {
  const args = relaunchArgs(argv, dbPath);
  return env.APPIMAGE ? { args, execPath: env.APPIMAGE } : { args };
}
