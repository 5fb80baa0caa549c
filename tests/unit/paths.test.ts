import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot, packedPath, resolveDbPath, unpackedPath, workerScript } from '../../electron/paths';
import { tempDir } from '../helpers/tmp';

describe.runIf(process.platform === 'linux')('database path', () => {
  it('prefers --db, then PLANROOM_DB, then the user data folder, created on first run', () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home, PLANROOM_DB: '' };
    expect(resolveDbPath('/x/flag.db', { ...env, PLANROOM_DB: '/x/env.db' })).toBe('/x/flag.db');
    expect(resolveDbPath(undefined, { ...env, PLANROOM_DB: '/x/env.db' })).toBe('/x/env.db');
    expect(existsSync(join(home, 'Planroom'))).toBe(false);
    expect(resolveDbPath(undefined, env)).toBe(join(home, 'Planroom', 'planroom.db'));
    expect(existsSync(join(home, 'Planroom'))).toBe(true);
  });
});

// A packaged app: the archive resources/app.asar, and beside it app.asar.unpacked with the
// worker scripts and native modules (electron-builder.yml asarUnpack).
describe('packaged paths', () => {
  const posix = '/opt/Planroom/resources';
  const win = 'C:\\Users\\ana\\AppData\\Local\\Programs\\Planroom\\resources';

  it('starts a worker from app.asar.unpacked, keeping the relative path', () => {
    expect(unpackedPath(`${posix}/app.asar/dist/engineWorker.cjs`)).toBe(
      `${posix}/app.asar.unpacked/dist/engineWorker.cjs`,
    );
    expect(unpackedPath(`${win}\\app.asar\\dist\\importWorker.cjs`)).toBe(
      `${win}\\app.asar.unpacked\\dist\\importWorker.cjs`,
    );
  });

  it('leaves the repository, an unpacked path and look-alike names as they are', () => {
    expect(unpackedPath('/work/planroom/dist/engineWorker.cjs')).toBe('/work/planroom/dist/engineWorker.cjs');
    expect(unpackedPath(`${posix}/app.asar.unpacked/dist/x.cjs`)).toBe(`${posix}/app.asar.unpacked/dist/x.cjs`);
    expect(unpackedPath('/home/ana/app.asar.backup/dist/x.cjs')).toBe('/home/ana/app.asar.backup/dist/x.cjs');
    expect(unpackedPath('/home/ana/myapp.asar/dist/x.cjs')).toBe('/home/ana/myapp.asar/dist/x.cjs');
  });

  it('looks for package.json and migrations/ in the archive when running from app.asar.unpacked', () => {
    expect(packedPath(`${posix}/app.asar.unpacked/dist`)).toBe(`${posix}/app.asar/dist`);
    expect(packedPath(`${win}\\app.asar.unpacked\\dist`)).toBe(`${win}\\app.asar\\dist`);
    expect(packedPath('/work/planroom/dist')).toBe('/work/planroom/dist');
    expect(packedPath(unpackedPath(`${posix}/app.asar/dist`))).toBe(`${posix}/app.asar/dist`);
  });

  it('names the unpacked worker script, or says it is missing and what to do', () => {
    const seen: string[] = [];
    const exists = (p: string): boolean => (seen.push(p), true);
    expect(workerScript('engineWorker.cjs', `${posix}/app.asar`, exists)).toBe(
      join(`${posix}/app.asar.unpacked`, 'dist', 'engineWorker.cjs'),
    );
    expect(seen).toEqual([join(`${posix}/app.asar.unpacked`, 'dist', 'engineWorker.cjs')]);
    expect(() => workerScript('nope.cjs', `${posix}/app.asar`, () => false)).toThrow(
      /app\.asar\.unpacked\/dist\/nope\.cjs is missing: run npm run build/,
    );
  });

  it('finds the built workers in the repository', () => {
    expect(workerScript('engineWorker.cjs')).toBe(join(appRoot(), 'dist', 'engineWorker.cjs'));
  });
});
