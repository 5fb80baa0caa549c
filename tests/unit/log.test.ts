import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, logFallback, logInternal } from '../../electron/log';
import { logPath } from '../../electron/paths';
import { tempDir } from '../helpers/tmp';

describe('log', () => {
  it('lives in the user data folder unless PLANROOM_LOG names another file', () => {
    expect(logPath({ XDG_CONFIG_HOME: '/x/config' })).toBe(
      process.platform === 'linux' ? '/x/config/Planroom/planroom.log' : logPath({}),
    );
    expect(logPath({ PLANROOM_LOG: '/tmp/a.log' })).toBe('/tmp/a.log');
  });

  it('records an internal error with the call, the code and the stack, creating the folder', () => {
    const file = join(tempDir(), 'deep', 'planroom.log');
    const error = Object.assign(new Error('no such table: x'), { code: 'SQLITE_ERROR' });
    expect(logInternal('cycle.overview', error, { PLANROOM_LOG: file })).toBe(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR \[pid \d+\] internal error in cycle\.overview\ncode SQLITE_ERROR\nError: no such table: x\n\s+at /,
    );
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    logFallback('worker failed; ran here', { reason: 'exit 1' }, { PLANROOM_LOG: file });
    expect(readFileSync(file, 'utf8')).toMatch(/WARN \[pid \d+\] worker failed; ran here\n\{ reason: 'exit 1' \}\n$/);
  });

  it('keeps one previous file when the log reaches its cap', () => {
    const file = join(tempDir(), 'planroom.log');
    writeFileSync(file, 'old\n'.repeat(LOG_MAX_BYTES / 4));
    logInternal('x', new Error('first after the cap'), { PLANROOM_LOG: file });
    expect(statSync(`${file}.1`).size).toBe(LOG_MAX_BYTES);
    expect(readFileSync(file, 'utf8')).toMatch(/^.* ERROR .*internal error in x\nError: first after the cap/);
    logInternal('y', new Error('second'), { PLANROOM_LOG: file });
    expect(readFileSync(file, 'utf8')).toMatch(/first after the cap[\s\S]*second/);
    expect(statSync(`${file}.1`).size).toBe(LOG_MAX_BYTES);
  });

  it('never throws when the log cannot be written', () => {
    const dir = tempDir();
    const file = join(dir, 'is-a-file');
    writeFileSync(file, '');
    expect(logInternal('x', new Error('e'), { PLANROOM_LOG: join(file, 'planroom.log') })).toBeUndefined();
    expect(existsSync(join(file, 'planroom.log'))).toBe(false);
  });
});
