// Recent databases for File > Open Recent: a small JSON file in the user data folder, newest
// first, at most ten, each with the name of the cycle it was on when last opened (a database holds
// a company's cycles and opens on the newest open one; a bundle's database is one cycle), so the
// menu reads as recent cycles: "2026-12 S&OP — planroom.db". It is a convenience: a file that is missing, unreadable or corrupt means
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

/** A database opened lately, and the cycle it opened on (none when it had no cycle yet). */
export interface RecentEntry {
  path: string;
  cycle?: string;
}

const Path = z.string().min(1).max(4096);
// A plain path is the first version's entry: still read, without a cycle.
const Entry = z.union([
  Path.transform((path): RecentEntry => ({ path })),
  z.object({ path: Path, cycle: z.string().max(200).optional() }),
]);
const RecentFile = z.object({ databases: z.array(Entry) });

/** `entry` first, without another entry for its path, cut to RECENT_MAX. */
export function withRecent(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  return [entry, ...list.filter((e) => e.path !== entry.path)].slice(0, RECENT_MAX);
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The menu's entries: files that still exist, as "cycle — file — folder" (the folder cut to stay
 * short), or "file — folder" for a database that had no cycle.
 */
export function recentItems(list: readonly RecentEntry[], exists: (path: string) => boolean): RecentItem[] {
  return list
    .filter((e) => exists(e.path))
    .map(({ path, cycle }) => {
      const folder = dirname(path);
      const shortFolder = folder.length > 48 ? `…${folder.slice(-47)}` : folder;
      const where = `${basename(path)} — ${shortFolder}`;
      return { path, label: cycle ? `${cut(cycle, 60)} — ${where}` : where };
    });
}

/** The stored list; [] when there is none yet, or when it cannot be read (logged through `warn`). */
export async function loadRecent(file: string, warn: (what: string, error: unknown) => void): Promise<RecentEntry[]> {
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

export async function saveRecent(file: string, list: readonly RecentEntry[]): Promise<void> {
  await atomicWrite(file, `${JSON.stringify({ databases: list.slice(0, RECENT_MAX) }, null, 2)}\n`);
}
