// Files only their owner can read, for secrets: a folder made 0700 and a file written whole or
// not at all, mode 0600 from its first byte (electron/fs/atomicWrite.ts), so the secret is never
// world-readable, not even for a moment, and a crash leaves the old secret or the new one.
import { chmodSync, mkdirSync } from 'node:fs';
import { atomicWriteSync, syncFolderSync } from '../fs/atomicWrite';

/** Creates the folder with mode 0700 (or narrows an existing one to it). */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/** Replaces `file` with `text`, mode 0600 from the first byte on. */
export const writePrivateFile = (file: string, text: string): void => atomicWriteSync(file, text, { mode: 0o600 });

/** Makes a rename or unlink in `dir` durable. */
export const syncDir = syncFolderSync;
