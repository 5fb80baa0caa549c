import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * A fresh temporary folder, removed after the test; with `scope: 'all'` after the whole describe
 * (a server or worker that reopens files there must find them in later tests).
 */
export function tempDir(prefix = 'planroom-test-', scope: 'each' | 'all' = 'each'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  (scope === 'all' ? afterAll : afterEach)(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
