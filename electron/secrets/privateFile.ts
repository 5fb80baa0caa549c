// Files only their owner can read, for secrets: a folder made 0700 and a file written whole or
// not at all (a temporary file created 0600, written, fsynced, renamed over the old one, the
// folder fsynced), so the secret is never world-readable, not even for a moment, and a crash
// leaves the old secret or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Creates the folder with mode 0700 (or narrows an existing one to it). */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/** Replaces `file` with `text`, mode 0600 from the first byte on. */
export function writePrivateFile(file: string, text: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': a fresh file (never one planted there); 0600 at creation, then exactly 0600 whatever the umask.
  const fd = openSync(temp, 'wx', 0o600);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  syncDir(dir);
}

/** Makes a rename or unlink in `dir` durable (not possible on Windows, where it is not needed). */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
