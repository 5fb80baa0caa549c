// The export's extraction time: manifest.json's extracted_at when the folder carries one, else
// the newest picked file's modification time. manifest.json is read like an export file (a
// regular file or a link to one, never a pipe or a device) and is small: past MAX_MANIFEST_BYTES
// it is refused, so a link to /dev/zero or a huge file is never read whole.
import { closeSync, lstatSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { openRegular } from '../sources/regularFile';
import type { PickedFiles } from './pickFiles';

export const MANIFEST = 'manifest.json';
export const MAX_MANIFEST_BYTES = 64 * 1024;

/** manifest.json's extracted_at when the export carries one, else the newest file's time. */
export function extractionTime(dir: string, picked: PickedFiles[]): string {
  const text = readManifest(join(dir, MANIFEST));
  if (text !== undefined) {
    let value: unknown;
    try {
      value = (JSON.parse(text) as { extracted_at?: unknown } | null)?.extracted_at;
    } catch (e) {
      throw new AppError('import_failed', `manifest.json is not valid JSON: ${(e as Error).message.slice(0, 200)}`, {
        where: { file: MANIFEST },
        hint: "Fix or delete manifest.json; without it the files' modification time is used.",
      });
    }
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new AppError('import_failed', 'manifest.json has no valid extracted_at timestamp.', {
        where: { file: MANIFEST, field: 'extracted_at', value: String(value).slice(0, 100) },
        hint: 'Use an ISO 8601 time such as 2026-11-30T22:00:00Z.',
      });
    }
    return new Date(value).toISOString();
  }
  const newest = Math.max(...picked.flatMap((p) => p.paths).map((p) => statSync(p).mtimeMs));
  return new Date(newest).toISOString();
}

/** The manifest's text, or undefined when the folder has none. */
function readManifest(path: string): string | undefined {
  // lstat, not exists: a link to nothing is a broken manifest to report, not an absent one.
  if (!lstatSync(path, { throwIfNoEntry: false })) return undefined;
  const { fd, stats } = openRegular(path, MANIFEST);
  try {
    if (stats.size > MAX_MANIFEST_BYTES) throw tooLarge();
    // Read at most one byte past the limit: a file growing while it is read is still bounded.
    const buf = Buffer.alloc(MAX_MANIFEST_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buf.length; length += n) n = readSync(fd, buf, length, buf.length - length, null);
    if (length > MAX_MANIFEST_BYTES) throw tooLarge();
    return buf.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const tooLarge = () =>
  new AppError('import_failed', `manifest.json is over ${MAX_MANIFEST_BYTES / 1024} KB; it holds one timestamp.`, {
    where: { file: MANIFEST },
    hint: 'Write manifest.json as {"extracted_at": "2026-11-30T22:00:00Z"}, or delete it.',
  });
