// Folder import: which files of a source folder each file mapping reads, by its name pattern
// (case-insensitive, * and ?). One file by default, the newest; or all, in name order.
// Only the files a pattern matches are looked at: anything else in the folder (a name that is not
// UTF-8, a pipe, a subfolder) cannot break the import. A matching file must be a regular file or
// a link to one (read under the link's name); anything else is refused by name.
import picomatch from 'picomatch';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeName, shownName } from '../../shared/domain/displayName';
import { AppError } from '../../shared/domain/errors';
import type { FileMapping } from '../../shared/domain/profile';
import { regularFileStat } from '../sources/regularFile';

export interface PickedFiles {
  mapping: FileMapping;
  /** Full paths; empty only for an optional mapping. */
  paths: string[];
}

/** Names listed in a hint: a folder of thousands of files gives the first ones and a count. */
const LISTED = 20;

export interface Entry {
  name: string;
  /** False when the name is not UTF-8: `name` then shows the bytes escaped (\xe9). */
  valid: boolean;
}

export function pickFiles(dir: string, mappings: readonly FileMapping[]): PickedFiles[] {
  const { entries, picked } = matchFiles(dir, mappings);
  const missing = picked.filter((p) => p.paths.length === 0 && !p.mapping.optional).map((p) => p.mapping.file);
  if (missing.length > 0) {
    throw new AppError(
      'import_failed',
      `No export file in ${shownName(dir)} matches ${missing.map((m) => `"${shownName(m)}"`).join(', ')}.`,
      {
        where: { file: missing[0] },
        hint: `Files found: ${listNames(entries.map((e) => e.name))}. Export the missing files, or change the patterns in the mapping profile.`,
      },
    );
  }
  return picked;
}

/** The folder's entries and the files each mapping reads; a mapping may match none. */
export function matchFiles(dir: string, mappings: readonly FileMapping[]): { entries: Entry[]; picked: PickedFiles[] } {
  if (!isFolder(dir)) {
    throw new AppError('not_found', `No folder at ${shownName(dir)}.`, {
      hint: 'Pass the folder holding the exports.',
    });
  }
  // As bytes: a name that is not UTF-8 would otherwise come back mangled and fail its stat.
  const entries: Entry[] = readdirSync(dir, { encoding: 'buffer' })
    .map((bytes) => decodeName(bytes))
    .filter((e) => !e.name.startsWith('~$') && !e.name.startsWith('.'));
  const mtimes = new Map<string, number>();
  const candidates = (mapping: FileMapping) => {
    const isMatch = picomatch(mapping.file, { nocase: true, dot: false });
    const matches: { name: string; mtime: number }[] = [];
    for (const e of entries.filter((entry) => isMatch(entry.name))) {
      if (!e.valid) {
        throw new AppError('import_failed', 'The file name is not valid UTF-8, so it cannot be read safely.', {
          where: { file: e.name },
          hint: `Rename the file (it matches "${shownName(mapping.file)}"), for example after saving it again.`,
        });
      }
      let mtime = mtimes.get(e.name);
      if (mtime === undefined) {
        const path = join(dir, e.name);
        // A subfolder that happens to match is not an export: skipped, as before.
        if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
        mtime = regularFileStat(path, e.name).mtimeMs;
        mtimes.set(e.name, mtime);
      }
      matches.push({ name: e.name, mtime });
    }
    return matches;
  };
  const picked = mappings.map((mapping) => {
    const matches = candidates(mapping);
    const chosen =
      mapping.pick === 'all'
        ? matches.sort((a, b) => a.name.localeCompare(b.name))
        : matches.sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name)).slice(0, 1);
    return { mapping, paths: chosen.map((f) => join(dir, f.name)) };
  });
  return { entries, picked };
}

function isFolder(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function listNames(names: string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, LISTED).map((n) => shownName(n, 60));
  return names.length > LISTED ? `${shown.join(', ')} and ${names.length - LISTED} more` : shown.join(', ');
}
