// A file replaced whole or not at all, for readers in another program (a file drop's folder):
// the bytes go to a temp file in the same folder (same file system, so the rename is atomic),
// which is fsynced, renamed over the target, and the folder fsynced so the rename survives a
// power cut. A reader sees the old file or the new one, never half of one. The temp file's name
// starts with '.' (a reader that globs *.csv skips it) and holds this process's pid, so a later
// run can tell a crashed writer's leftover from a live writer's file (removeStaleTemps).
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isStaleTemp, tempName as tempBeside } from './tempNames';

/** The temp file's name for a target: `.planroom-decisions.csv.<pid>-<random>.tmp`. */
export const tempName = (target: string): string => tempBeside(target, 'tmp');

/**
 * Writes `data` to `target` atomically. `beforeRename` runs once the temp file is whole and
 * synced (a test's crash point). On any error the temp file is removed, the previous file is
 * left as it was, and the error (a Node fs error with its code) is thrown.
 */
export async function atomicWrite(
  target: string,
  data: string | Uint8Array,
  opts: { beforeRename?: () => void } = {},
): Promise<void> {
  const temp = tempName(target);
  try {
    // 'wx': never follows or reuses a file that happens to be there.
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    opts.beforeRename?.();
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(target));
}

/**
 * atomicWrite for callers that cannot wait (the secret stores answer synchronously). `mode` is
 * the file's from its first byte, whatever the umask: 0600 keeps a secret unreadable to others
 * even for a moment.
 */
export function atomicWriteSync(target: string, data: string | Uint8Array, opts: { mode?: number } = {}): void {
  const mode = opts.mode ?? 0o644;
  const temp = tempName(target);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      if (process.platform !== 'win32') fchmodSync(fd, mode);
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  syncFolderSync(dirname(target));
}

/** syncFolder, synchronously (the same folders it skips). */
export function syncFolderSync(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a folder for fsync, where NTFS journals it anyway. */
async function syncFolder(folder: string): Promise<void> {
  let dir;
  try {
    dir = await open(folder, 'r');
    await dir.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    await dir?.close();
  }
}

/**
 * Removes the temp files that writers of these targets left when they were killed before the
 * rename (their process is gone); a live writer's temp file is left alone. Returns the names removed.
 */
export async function removeStaleTemps(folder: string, targets: readonly string[]): Promise<string[]> {
  const bases = targets.map((t) => basename(t));
  const removed: string[] = [];
  for (const entry of await readdir(folder)) {
    if (!bases.some((base) => isStaleTemp(entry, base))) continue;
    await rm(join(folder, entry), { force: true });
    removed.push(entry);
  }
  return removed;
}
