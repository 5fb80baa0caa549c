import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'planroom.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `planroom` command (npm test builds it first) with a clean PLANROOM_DB. */
export function planroom(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A test's internal error goes to a test log, not the user's data folder.
    env: { ...process.env, PLANROOM_DB: '', PLANROOM_LOG: join(tmpdir(), 'planroom-tests.log'), ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
