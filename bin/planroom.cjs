#!/usr/bin/env node
'use strict';
// The `planroom` command: the CLI bundle built by `npm run build:main`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('planroom: not built yet. Run `npm run build` in the Planroom folder first.\n');
  process.exit(3);
}
require(cli).main();
