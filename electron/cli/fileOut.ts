// A file an export call returned (FileOut) written where the user said, or under its own name in
// the current folder. An existing file is never overwritten without --force.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileOutT } from '../../shared/api';
import { shownName } from '../../shared/domain/displayName';
import { AppError } from '../../shared/domain/errors';

/** Writes the file; returns its full path. */
export function writeFileOut(file: FileOutT, out: string | undefined, force: boolean): string {
  const path = resolve(out ?? file.fileName);
  const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
  try {
    // "wx" fails when the file exists: the check and the write are one step.
    writeFileSync(path, bytes, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new AppError('conflict', `${shownName(path)} exists already; it was not overwritten.`, {
        hint: 'Add --force to overwrite it, or name another file with --out.',
      });
    }
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new AppError('invalid_input', `Cannot write ${shownName(path)} (${code}).`, {
        where: { field: 'out', value: shownName(out ?? file.fileName) },
        hint: 'Name a file in a folder that exists and that you can write to.',
      });
    }
    throw e;
  }
  return path;
}

/** What a command prints after writing: the path, or the file's details with --json. */
export function reportFileOut(path: string, file: FileOutT, json: boolean): string {
  const bytes =
    file.encoding === 'base64' ? Buffer.byteLength(file.content, 'base64') : Buffer.byteLength(file.content);
  return json ? JSON.stringify({ path, fileName: file.fileName, mime: file.mime, bytes }, null, 2) : path;
}
