// Atomic file writes (electron/fs/atomicWrite.ts): a file is replaced whole or left as it was,
// a failed write leaves no temp file, and a crashed writer's temp file is removed later while a
// live writer's is left alone.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWrite, removeStaleTemps, tempName } from '../../electron/fs/atomicWrite';
import { tempDir } from '../helpers/tmp';

describe('atomicWrite', () => {
  it('writes a new file and replaces an old one whole, leaving no temp file', async () => {
    const dir = tempDir('planroom-atomic-');
    const target = join(dir, 'log.csv');
    await atomicWrite(target, 'first\r\n');
    expect(readFileSync(target, 'utf8')).toBe('first\r\n');
    await atomicWrite(target, Buffer.from('second, longer\r\n'));
    expect(readFileSync(target, 'utf8')).toBe('second, longer\r\n');
    expect(readdirSync(dir)).toEqual(['log.csv']);
  });

  it('leaves the previous file untouched and removes the temp file when the write fails', async () => {
    const dir = tempDir('planroom-atomic-');
    const target = join(dir, 'log.csv');
    writeFileSync(target, 'old');
    let tempSeen: string[] = [];
    await expect(
      atomicWrite(target, 'new', {
        beforeRename: () => {
          tempSeen = readdirSync(dir).filter((n) => n !== 'log.csv');
          throw new Error('stopped before the rename');
        },
      }),
    ).rejects.toThrow('stopped before the rename');
    // The temp file was whole, hidden (a leading dot) and in the same folder; now it is gone.
    expect(tempSeen).toHaveLength(1);
    expect(tempSeen[0]).toMatch(/^\.log\.csv\.\d+-[0-9a-f]{8}\.tmp$/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['log.csv']);
  });

  it('fails with the file-system error in a missing folder, writing nothing', async () => {
    const dir = tempDir('planroom-atomic-');
    await expect(atomicWrite(join(dir, 'gone', 'log.csv'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes a dead writer's temp files of the given targets only", async () => {
    const dir = tempDir('planroom-atomic-');
    const target = join(dir, 'log.csv');
    // A pid that is certainly gone: a child that has exited.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const dead = `.log.csv.${deadPid}-0123abcd.tmp`;
    const live = tempName(target).slice(dir.length + 1);
    const other = `.other.csv.${deadPid}-0123abcd.tmp`;
    for (const n of [dead, live, other, '.hidden-notes']) writeFileSync(join(dir, n), 'x');
    expect(await removeStaleTemps(dir, [target])).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([other, live, '.hidden-notes'].sort());
  });
});
