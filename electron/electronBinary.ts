// Finds the Electron binary the electron npm package downloaded, without require('electron'):
// since Electron 45 that require tries to download a missing binary, which fails offline.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined; // packaged app, or electron not installed
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const full = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), rel);
  return existsSync(full) ? full : undefined;
}
