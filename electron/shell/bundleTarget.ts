// Where an opened cycle bundle becomes a database: <user data>/bundles/<cycle name>-<n>.db. The
// name is the cycle's, made safe for every file system (Windows forbids <>:"/\|?* and a trailing
// dot or space; a name from a bundle may hold anything); n counts up past every file already
// there, so opening the same bundle twice gives two databases and never replaces one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Longest name part kept, so the whole path stays well inside Windows' 260 characters. */
const MAX_STEM = 60;

/** The cycle name as a file name stem: letters, digits, '.', '_' and '-' only; 'cycle' if none. */
export function fileStem(cycleName: string | null): string {
  const stem = (cycleName ?? '')
    // é as e: the accent splits off (NFKD) and goes with the other marks.
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_STEM)
    .replace(/^[-.]+|[-.]+$/g, '');
  return stem || 'cycle';
}

/**
 * The first free `<stem>-<n>.db` in `dir` (n from 1). A name counts as taken when the database or
 * any of its SQLite sidecar files exists, so a leftover WAL is never adopted by a new database.
 */
export function bundleTargetPath(
  dir: string,
  cycleName: string | null,
  exists: (path: string) => boolean = existsSync,
): string {
  const stem = fileStem(cycleName);
  for (let n = 1; ; n++) {
    const path = join(dir, `${stem}-${n}.db`);
    if (![path, `${path}-wal`, `${path}-shm`, `${path}-journal`].some(exists)) return path;
  }
}
