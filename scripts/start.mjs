// `npm start`: the Electron window when the Electron binary is installed; otherwise browser
// mode (the HTTP host plus the system Chromium in --app mode, or the URL printed).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the binary's path, when it was downloaded
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const electron = process.env.PLANROOM_BROWSER_MODE ? undefined : electronBinary();
const [cmd, cmdArgs] = electron
  ? [electron, ['.', ...args]]
  : [process.execPath, ['bin/planroom.cjs', 'serve', '--open', ...args]];
if (!electron) console.error('Electron binary not installed: starting in browser mode.');
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
