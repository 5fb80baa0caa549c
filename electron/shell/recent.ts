// Recent databases for File > Open Recent: a small JSON file in the user data folder, newest
// first, at most ten. It is a convenience: a file that is missing, unreadable or corrupt means
// an empty list (with a log line), never a failed start; a database moved or deleted since is
// left out of the menu. Written whole or not at all (atomicWrite), so a crash mid-write leaves
// the previous list.
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../fs/atomicWrite';
import type { RecentItem } from './menu';

export const RECENT_MAX = 10;
export const RECENT_FILE = 'recent.json';

const RecentFile = z.object({ databases: z.array(z.string().min(1).max(4096)) });

/** `path` first, without a duplicate, cut to RECENT_MAX. */
export function withRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, RECENT_MAX);
}

/** The menu's entries: files that still exist, as "name — folder" (the folder cut to stay short). */
export function recentItems(list: readonly string[], exists: (path: string) => boolean): RecentItem[] {
  return list.filter(exists).map((path) => {
    const folder = dirname(path);
    const shortFolder = folder.length > 48 ? `…${folder.slice(-47)}` : folder;
    return { path, label: `${basename(path)} — ${shortFolder}` };
  });
}

/** The stored list; [] when there is none yet, or when it cannot be read (logged through `warn`). */
export async function loadRecent(file: string, warn: (what: string, error: unknown) => void): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`recent databases: cannot read ${file}`, e);
    return [];
  }
  try {
    return RecentFile.parse(JSON.parse(text)).databases.slice(0, RECENT_MAX);
  } catch (e) {
    warn(`recent databases: ${file} is not a list of databases, ignored`, e);
    return [];
  }
}

export async function saveRecent(file: string, list: readonly string[]): Promise<void> {
  await atomicWrite(file, `${JSON.stringify({ databases: list.slice(0, RECENT_MAX) }, null, 2)}\n`);
}
