// Folder import: which files of a source folder each file mapping reads, by its name pattern
// (case-insensitive, * and ?). One file by default, the newest; or all, in name order.
import picomatch from 'picomatch';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import type { FileMapping } from '../../shared/domain/profile';

export interface PickedFiles {
  mapping: FileMapping;
  /** Full paths; empty only for an optional mapping. */
  paths: string[];
}

export function pickFiles(dir: string, mappings: readonly FileMapping[]): PickedFiles[] {
  const { files, picked } = matchFiles(dir, mappings);
  const missing = picked.filter((p) => p.paths.length === 0 && !p.mapping.optional).map((p) => p.mapping.file);
  if (missing.length > 0) {
    throw new AppError(
      'import_failed',
      `No export file in ${dir} matches ${missing.map((m) => `"${m}"`).join(', ')}.`,
      {
        where: { file: missing[0] },
        hint: `Files found: ${files.map((f) => f.name).join(', ') || 'none'}. Export the missing files, or change the patterns in the mapping profile.`,
      },
    );
  }
  return picked;
}

/** The folder's export files and the files each mapping reads; a mapping may match none. */
export function matchFiles(
  dir: string,
  mappings: readonly FileMapping[],
): { files: { name: string; mtime: number }[]; picked: PickedFiles[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('not_found', `No folder at ${dir}.`, { hint: 'Pass the folder holding the exports.' });
  }
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('~$') && !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, mtime: statSync(join(dir, e.name)).mtimeMs }));
  const picked = mappings.map((mapping) => {
    const isMatch = picomatch(mapping.file, { nocase: true, dot: false });
    const matches = files.filter((f) => isMatch(f.name));
    const chosen =
      mapping.pick === 'all'
        ? matches.sort((a, b) => a.name.localeCompare(b.name))
        : matches.sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name)).slice(0, 1);
    return { mapping, paths: chosen.map((f) => join(dir, f.name)) };
  });
  return { files, picked };
}
