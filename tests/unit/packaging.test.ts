// electron-builder.yml, checked without building an installer (that needs Electron's download):
// the targets of the three platforms, the fuses, what goes into and out of app.asar, what is
// unpacked for the workers, the .planroom file association and the icon files. The bundles'
// requires are read from dist/ (npm test builds it first).
import { load } from 'js-yaml';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

interface Association {
  ext: string;
  name: string;
  role: string;
  mimeType: string;
  icon: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  artifactName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  fileAssociations: Association[];
  linux: { target: string[]; category: string; icon: string; maintainer: string; synopsis: string };
  win: { target: string; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; allowToChangeInstallationDirectory: boolean; installerIcon: string };
  mac: { target: string; category: string; hardenedRuntime: boolean; icon: string };
}

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder's `files`: patterns in order, a later `!pattern` excludes what came before. */
function packed(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (picomatch(negated ? pattern.slice(1) : pattern, { dot: true })(path)) included = !negated;
  }
  return included;
}
const unpacked = (path: string): boolean => config.asarUnpack.some((p) => picomatch(p, { dot: true })(path));

/** The npm packages a bundle in dist/ loads at run time (esbuild leaves them as require()s). */
function packagesRequiredBy(bundle: string): Set<string> {
  const path = join(ROOT, 'dist', bundle);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  const found = new Set<string>();
  for (const [, spec] of readFileSync(path, 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)) {
    const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
    if (!spec!.startsWith('node:') && !builtinModules.includes(name)) found.add(name);
  }
  return found;
}

/** Required in a bundle but never loaded: pg's optional native binding, unzipper's S3 source. */
const NEVER_LOADED = new Set(['pg-native', '@aws-sdk/client-s3']);
/** What the packages the workers load require in turn (better-sqlite3 finds its .node file with bindings). */
const LOADS_IN_TURN: Record<string, string[]> = { 'better-sqlite3': ['bindings'], bindings: ['file-uri-to-path'] };

/** The worker scripts the main process starts (electron/paths.ts workerScript('x.cjs') calls). */
function startedWorkers(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        for (const [, name] of readFileSync(path, 'utf8').matchAll(/workerScript\('([^']+)'\)/g)) names.add(name!);
    }
  };
  walk(join(ROOT, 'electron'));
  return [...names].sort();
}

describe('electron-builder.yml', () => {
  it('names the app and its artifacts by version, os and arch', () => {
    expect(config.appId).toBe('com.planroom.app');
    expect(config.productName).toBe('Planroom');
    for (const macro of ['${version}', '${os}', '${arch}', '${ext}']) expect(config.artifactName).toContain(macro);
  });

  it('builds an AppImage and a deb for Linux, an NSIS installer for Windows, a dmg for macOS', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.synopsis).toBeTruthy();
    expect(config.win.target).toBe('nsis');
    // Per user, in a folder the user chooses: no administrator rights needed.
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.mac).toMatchObject({
      target: 'dmg',
      category: 'public.app-category.business',
      hardenedRuntime: true,
    });
  });

  it('sets the fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles, the renderer, the migrations and the demo company; not the bench, sources or source maps', () => {
    const firstFile = (dir: string): string => `${dir}/${readdirSync(join(ROOT, dir)).sort()[0]!}`;
    for (const path of [
      'package.json',
      pkg.main,
      'dist/preload.cjs',
      'dist/engineWorker.cjs',
      'dist/renderer/index.html',
      firstFile('migrations'),
      firstFile('hub-migrations'),
      firstFile('assets/demo/erp'),
    ])
      expect(packed(path), path).toBe(true);
    for (const path of [
      'dist/bench.cjs',
      'dist/main.cjs.map',
      'dist/renderer/assets/index.js.map',
      'electron/main.ts',
      'tests/unit/packaging.test.ts',
      'tests/bench/bench.ts',
      'assets/icons/1024x1024.png',
      'scripts/make-icons.mjs',
    ])
      expect(packed(path), path).toBe(false);
    expect(existsSync(join(ROOT, 'migrations'))).toBe(true);
  });

  it('packs no devDependency: every npm package the app bundles load is a dependency', () => {
    expect(config.files.some((p) => p.includes('node_modules'))).toBe(false);
    const bundles = ['main.cjs', 'preload.cjs', ...startedWorkers()];
    for (const bundle of bundles) {
      for (const name of packagesRequiredBy(bundle)) {
        if (name === 'electron' || NEVER_LOADED.has(name)) continue;
        expect(pkg.dependencies[name], `${bundle} loads ${name}`).toBeDefined();
      }
    }
  });

  it('unpacks native modules, every worker the app starts, and each package a worker loads', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    const workers = startedWorkers();
    expect(workers).toEqual(expect.arrayContaining(['engineWorker.cjs', 'importWorker.cjs']));
    for (const worker of workers) {
      expect(packed(`dist/${worker}`), worker).toBe(true);
      expect(unpacked(`dist/${worker}`), worker).toBe(true);
      // A script in app.asar.unpacked finds packages only in app.asar.unpacked/node_modules.
      const loads = [...packagesRequiredBy(worker)].filter((name) => !NEVER_LOADED.has(name));
      for (let i = 0; i < loads.length; i++)
        loads.push(...(LOADS_IN_TURN[loads[i]!] ?? []).filter((n) => !loads.includes(n)));
      for (const name of loads)
        expect(unpacked(`node_modules/${name}/package.json`), `${worker} loads ${name}`).toBe(true);
    }
    expect(config.npmRebuild).toBe(true);
  });

  it('opens .planroom cycle bundles, with an icon for each platform', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'planroom',
        name: 'Planroom cycle bundle',
        role: 'Editor',
        mimeType: 'application/x-planroom-bundle',
      }),
    ]);
    const icon = config.fileAssociations[0]!.icon;
    // electron-builder adds .ico (Windows) or .icns (macOS) to an icon path without extension.
    expect(existsSync(join(ROOT, `${icon}.ico`))).toBe(true);
    expect(existsSync(join(ROOT, `${icon}.icns`))).toBe(true);
  });

  it('points at icon files that exist', () => {
    for (const size of [16, 32, 48, 256, 512])
      expect(existsSync(join(ROOT, config.linux.icon, `${size}x${size}.png`))).toBe(true);
    for (const path of [config.win.icon, config.nsis.installerIcon, config.mac.icon]) {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });
});
