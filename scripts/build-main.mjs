// Bundles the main process, the preload, the CLI and the bench into dist/ as CommonJS.
// npm packages stay external (better-sqlite3 is native); import.meta.url gets a CJS shim.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
const shim = {
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// The CLI and the main process carry date-fns and zod inside, tree-shaken: a start of the app
// would otherwise read and compile some 400 of their files (about a quarter of the CPU time to
// the ready line; see the README's "Start-up").
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const INLINED = ['date-fns', 'zod'];
const startsFast = {
  packages: undefined,
  external: [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]
    .filter((name) => !INLINED.includes(name))
    .flatMap((name) => [name, `${name}/*`]),
};

await Promise.all([
  build({ ...common, ...shim, ...startsFast, entryPoints: ['electron/main.ts'], outfile: 'dist/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/preload.cjs', external: ['electron'] }),
  build({ ...common, ...shim, ...startsFast, entryPoints: ['electron/cli.ts'], outfile: 'dist/cli.cjs' }),
  // The workbook worker carries its zip and XML readers (unzipper, a dev dependency, and saxes).
  build({
    ...common,
    ...shim,
    packages: undefined,
    // unzipper's S3 source, never used, names the AWS SDK.
    external: ['@aws-sdk/client-s3'],
    entryPoints: ['electron/sources/xlsxWorker.ts'],
    outfile: 'dist/xlsxWorker.cjs',
  }),
  build({ ...common, ...shim, entryPoints: ['electron/db/checkpointWorker.ts'], outfile: 'dist/checkpointWorker.cjs' }),
  build({
    ...common,
    ...shim,
    entryPoints: ['electron/snapshots/reconcileWorker.ts'],
    outfile: 'dist/reconcileWorker.cjs',
  }),
  build({ ...common, ...shim, entryPoints: ['electron/engine/engineWorker.ts'], outfile: 'dist/engineWorker.cjs' }),
  // The import worker carries its few pure-JS packages (papaparse, date-fns) inside: one file to
  // load instead of date-fns's hundreds, so the first import starts sooner.
  build({
    ...common,
    ...shim,
    packages: undefined,
    entryPoints: ['electron/snapshots/importWorker.ts'],
    outfile: 'dist/importWorker.cjs',
  }),
  build({ ...common, ...shim, entryPoints: ['tests/bench/bench.ts'], outfile: 'dist/bench.cjs' }),
]);
