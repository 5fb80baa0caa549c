// `planroom serve` and `planroom start`: the app in a browser on 127.0.0.1 (the HTTP host), or
// the Electron window where Electron is installed (else `start` falls back to `serve --open`).
import { spawn } from 'node:child_process';
import { electronBinary } from '../electronBinary';
import { appRoot, resolveDbPath } from '../paths';
import { serve } from '../serve';
import { common, dbOption, EXIT, usage, type Verb } from './core';

export const serveVerb: Verb = {
  summary: 'Serve the app and its API on 127.0.0.1 (browser mode)',
  usage: 'planroom serve [--port N] [--open] [--no-demo] [--db FILE]',
  options: {
    ...common,
    ...dbOption,
    port: { type: 'string', default: '5170' },
    open: { type: 'boolean', default: false },
    'no-demo': { type: 'boolean', default: false },
  },
  async run(v, _p, io) {
    const port = Number(v.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage('--port must be 0-65535');
    await serve({
      dbPath: resolveDbPath(v.db as string | undefined, io.env),
      port,
      open: Boolean(v.open),
      demo: !v['no-demo'],
      io,
    });
    return EXIT.ok;
  },
};

export const startVerb: Verb = {
  summary: 'Open the app: the Electron window, or browser mode where Electron is not installed',
  usage: 'planroom start [--db FILE] [--port N] [--no-demo]',
  options: {
    ...common,
    ...dbOption,
    port: { type: 'string', default: '0' },
    'no-demo': { type: 'boolean', default: false },
  },
  async run(v, _p, io) {
    const binary = io.env.PLANROOM_BROWSER_MODE ? undefined : electronBinary(io.env);
    if (binary) {
      const args = [
        appRoot(),
        ...(typeof v.db === 'string' ? ['--db', v.db] : []),
        ...(v['no-demo'] ? ['--no-demo'] : []),
      ];
      return new Promise((resolve) => {
        const child = spawn(binary, args, { stdio: 'inherit' });
        child.on('exit', (code) => resolve(code ?? EXIT.ok));
      });
    }
    io.err('Electron binary not installed here: starting in browser mode.');
    return serveVerb.run({ ...v, open: true }, [], io);
  },
};
