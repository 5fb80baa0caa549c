// Temporary files beside a bundle's final name (a rename within one folder is atomic):
// .<name>.<pid>-<random>.<suffix>. A process killed mid-export leaves its own behind; the next
// export or import to the same name removes those whose process is gone.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive as alive } from '../fs/processAlive';

export function tempName(final: string, suffix: string): string {
  return join(dirname(final), `.${basename(final)}.${process.pid}-${randomBytes(4).toString('hex')}.${suffix}`);
}

/** Removes the temporary files of `final` left by processes that no longer run. */
export function removeStaleTemps(final: string): void {
  const prefix = `.${basename(final)}.`;
  const folder = dirname(final);
  for (const f of readdirSync(folder)) {
    if (!f.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{8}\./.exec(f.slice(prefix.length));
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(folder, f), { force: true });
  }
}
