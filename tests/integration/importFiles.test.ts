// The files of an export folder as a file system can hold them: links, pipes, devices, names
// with control characters or bytes that are not UTF-8. Only regular files (or links to them)
// are read, nothing blocks, and every name is printed escaped.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { importSource } from '../../electron/snapshots/importSource';
import { MAX_MANIFEST_BYTES } from '../../electron/snapshots/manifest';
import { AppError } from '../../shared/domain/errors';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dataRows = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length - 1;

/**
 * The CLI in a child process, awaited without blocking this one: an import that blocked on a
 * pipe would fail the test by its timeout instead of hanging the test run.
 */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'planroom.cjs'), ...args], {
      env: { ...process.env, PLANROOM_DB: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe.skipIf(process.platform === 'win32')('export folders on a real file system', () => {
  const dir = tempDir();
  let wms: string;
  let db: WriteDb;
  let dbPath: string;

  beforeEach(() => {
    rmSync(join(dir, 'wms'), { recursive: true, force: true });
    rmSync(join(dir, 'elsewhere'), { recursive: true, force: true });
    wms = join(dir, 'wms');
    cpSync(join(demoDir(), 'wms'), wms, { recursive: true });
    db?.close();
    dbPath = join(dir, 'p.db');
    rmSync(dbPath, { force: true });
    db = openDatabase(dbPath);
  });

  const snapshots = () => db.prepare('SELECT count(*) n FROM snapshots').get();

  it('reads a linked export file, under the name of the link', async () => {
    mkdirSync(join(dir, 'elsewhere'));
    const target = join(dir, 'elsewhere', 'warehouse-extract-2026-11-30.csv');
    renameSync(join(wms, 'stock.csv'), target);
    symlinkSync(target, join(wms, 'stock.csv'));
    const r = await importSource(db, 'WMS', wms);
    expect(r.rowCounts.stock).toBe(dataRows(target));
    expect(r.files.map((f) => f.file)).toContain('stock.csv');
  });

  it('refuses a link to /dev/zero in place of an export file, by name, without reading it', async () => {
    rmSync(join(wms, 'stock.csv'));
    symlinkSync('/dev/zero', join(wms, 'stock.csv'));
    const e = await importSource(db, 'WMS', wms).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      message: 'The link points to a character device, not a regular file.',
      where: { file: 'stock.csv' },
    });
    expect(snapshots()).toEqual({ n: 0 });
  });

  it('refuses a socket in place of an export file', async () => {
    rmSync(join(wms, 'stock.csv'));
    const server = createServer();
    await new Promise<void>((listening) => server.listen(join(wms, 'stock.csv'), listening));
    try {
      await expect(importSource(db, 'WMS', wms)).rejects.toMatchObject({
        message: 'The file is a socket, not a regular file.',
        where: { file: 'stock.csv' },
      });
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('refuses a named pipe in place of an export file, at once', async () => {
    rmSync(join(wms, 'pick_status.csv'));
    mkfifo(join(wms, 'pick_status.csv'));
    const r = await cli(['import', '--source', 'WMS', wms, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The file is a named pipe \(FIFO\), not a regular file\. \(file pick_status\.csv\)/);
  });

  it('refuses manifest.json linked to /dev/zero, or as a named pipe, at once and by name', async () => {
    rmSync(join(wms, 'manifest.json'));
    symlinkSync('/dev/zero', join(wms, 'manifest.json'));
    const zero = await cli(['import', '--source', 'WMS', wms, '--db', dbPath]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toMatch(/The link points to a character device, not a regular file\. \(file manifest\.json\)/);

    rmSync(join(wms, 'manifest.json'));
    mkfifo(join(wms, 'manifest.json'));
    const fifo = await cli(['import', '--source', 'WMS', wms, '--db', dbPath]);
    expect(fifo.code).toBe(1);
    expect(fifo.stderr).toMatch(/The file is a named pipe \(FIFO\), not a regular file\. \(file manifest\.json\)/);
  });

  it('refuses a manifest.json over its size limit, and a link to nothing', async () => {
    const manifest = join(wms, 'manifest.json');
    writeFileSync(manifest, `{"extracted_at": "2026-11-30T22:00:00Z"${' '.repeat(MAX_MANIFEST_BYTES)}}`);
    await expect(importSource(db, 'WMS', wms)).rejects.toMatchObject({
      message: 'manifest.json is over 64 KB; it holds one timestamp.',
      where: { file: 'manifest.json' },
    });
    rmSync(manifest);
    symlinkSync(join(dir, 'gone.json'), manifest);
    await expect(importSource(db, 'WMS', wms)).rejects.toMatchObject({
      message: 'The file is a link to nothing (its target is gone).',
      where: { file: 'manifest.json' },
    });
    expect(snapshots()).toEqual({ n: 0 });
  });

  it('imports a folder that also holds a file whose name is not UTF-8', async () => {
    // Latin-1 "Lagerbestand März.txt": the byte 0xe4 alone is not UTF-8.
    const name = Buffer.concat([Buffer.from('Lagerbestand M'), Buffer.from([0xe4]), Buffer.from('rz.txt')]);
    writeFileSync(Buffer.concat([Buffer.from(`${wms}/`), name]), 'notes');
    const r = await importSource(db, 'WMS', wms);
    expect(r.rowCounts.stock).toBe(dataRows(join(wms, 'stock.csv')));
  });

  it('refuses, shown escaped, a matching export file whose name is not UTF-8', async () => {
    const name = Buffer.concat([Buffer.from('stock_'), Buffer.from([0xe9]), Buffer.from('.csv')]);
    writeFileSync(Buffer.concat([Buffer.from(`${wms}/`), name]), readFileSync(join(wms, 'stock.csv')));
    const r = await cli(['import', '--source', 'WMS', wms, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The file name is not valid UTF-8, so it cannot be read safely. (file stock_\\xe9.csv)');
  });

  it('prints a file name holding a newline and an ANSI escape escaped, so it forges no line', async () => {
    const evil = 'pick_status\nWMS: snapshot 99, 0 rows \x1b[2J\x1b[31m.csv';
    renameSync(join(wms, 'pick_status.csv'), join(wms, evil));
    const r = await cli(['import', '--source', 'WMS', wms, '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('\x1b');
    expect(r.stdout).toContain('  pick_status\\nWMS: snapshot 99, 0 rows \\x1b[2J\\x1b[31m.csv -> pick_status: ');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('WMS: snapshot'))).toHaveLength(1);

    // And in an error: the same name with a bad row.
    const text = readFileSync(join(wms, evil), 'utf8').split('\n');
    text[1] = text[1]!.replace(/^([^,]*),[^,]*,/, '$1,lots,');
    writeFileSync(join(wms, evil), text.join('\n'));
    const bad = await cli(['import', '--source', 'WMS', wms, '--db', join(dir, 'other.db')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toContain('\x1b');
    expect(bad.stderr).toContain('file pick_status\\nWMS: snapshot 99, 0 rows \\x1b[2J\\x1b[31m.csv');
  });
});
