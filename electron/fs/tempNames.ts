// Temporary files beside a final name (a rename within one folder is atomic):
// .<name>.<pid>-<random>.<suffix>. The leading dot keeps them out of a reader's *.csv; the pid
// tells a killed writer's leftover (its process is gone) from a live writer's file. Used by the
// file drop's atomic writes and by the cycle bundle's export and import.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function tempName(final: string, suffix: string): string {
  return join(dirname(final), `.${basename(final)}.${process.pid}-${randomBytes(4).toString('hex')}.${suffix}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `entry` (a name in the folder) is a temp file of `base` left by a process that no longer runs. */
export function isStaleTemp(entry: string, base: string): boolean {
  const prefix = `.${base}.`;
  if (!entry.startsWith(prefix)) return false;
  const m = /^(\d+)-[0-9a-f]{8}\./.exec(entry.slice(prefix.length));
  return m !== null && Number(m[1]) !== process.pid && !alive(Number(m[1]));
}

/** Removes the temporary files of `final` left by processes that no longer run. */
export function removeStaleTemps(final: string): void {
  const folder = dirname(final);
  for (const f of readdirSync(folder)) if (isStaleTemp(f, basename(final))) rmSync(join(folder, f), { force: true });
}
