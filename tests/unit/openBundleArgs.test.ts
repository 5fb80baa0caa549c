// The pure parts of opening a .planroom file from the desktop (electron/shell/): which argument
// is the bundle, the restart's arguments, the new database's name, and the queue of requests.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleFromArgv, relaunchArgs, relaunchOptions } from '../../electron/shell/bundleArgv';
import { bundleTargetPath, fileStem } from '../../electron/shell/bundleTarget';
import { bundleOpener, openQuestion } from '../../electron/shell/openBundle';

const EXE = '/opt/Planroom/planroom';

describe.runIf(process.platform !== 'win32')('bundleFromArgv', () => {
  it('finds the bundle a double-click passes, absolute as it is', () => {
    expect(bundleFromArgv([EXE, '/home/ana/Dec cycle.planroom'], '/tmp')).toBe('/home/ana/Dec cycle.planroom');
  });

  it("ignores the executable, flags, their values and Chromium's switches", () => {
    const argv = [
      EXE,
      '--no-sandbox',
      '--allow-file-access-from-files',
      '--original-process-start-time=13380000000000000',
      '--enable-features=WebRTCPipeWireCapturer',
      '-psn_0_12345',
      '--db',
      '/data/other.planroom',
      '/home/ana/cycle.planroom',
    ];
    expect(bundleFromArgv(argv, '/tmp')).toBe('/home/ana/cycle.planroom');
  });

  it('ignores files that are not bundles, and says null when there is none', () => {
    expect(bundleFromArgv([EXE, '/home/ana/planroom.db', '/home/ana/notes.txt'], '/tmp')).toBeNull();
    expect(bundleFromArgv([EXE], '/tmp')).toBeNull();
    expect(bundleFromArgv([], '/tmp')).toBeNull();
    // An executable named like a bundle is still the executable.
    expect(bundleFromArgv(['/x/odd.planroom'], '/tmp')).toBeNull();
  });

  it('resolves a relative path against the launching working directory', () => {
    expect(bundleFromArgv([EXE, 'cycles/dec.planroom'], '/home/ana')).toBe('/home/ana/cycles/dec.planroom');
    expect(bundleFromArgv([EXE, '../b.PLANROOM'], '/home/ana/x')).toBe('/home/ana/b.PLANROOM');
  });

  it('takes a file:// URL (the Linux desktop entry passes %U), and skips a malformed one', () => {
    const url = pathToFileURL('/home/ana/Déc cycle.planroom').href;
    expect(url).toContain('%20');
    expect(bundleFromArgv([EXE, url], '/tmp')).toBe('/home/ana/Déc cycle.planroom');
    expect(bundleFromArgv([EXE, 'file://remote-host/x.planroom'], '/tmp')).toBeNull();
  });

  it('takes the first of several bundles', () => {
    expect(bundleFromArgv([EXE, '/a.planroom', '/b.planroom'], '/')).toBe('/a.planroom');
  });
});

describe('relaunch', () => {
  it('keeps the launch arguments, drops the bundle and an earlier --db, and adds --db', () => {
    expect(relaunchArgs([EXE, '--no-demo', '--db', '/old.db', '/x/c.planroom'], '/new.db')).toEqual([
      '--no-demo',
      '--db',
      '/new.db',
    ]);
    expect(relaunchArgs(['electron', '.', '--db=/old.db'], '/new.db')).toEqual(['.', '--db', '/new.db']);
  });

  it('restarts the AppImage file itself, not the mount it ran from', () => {
    expect(relaunchOptions([EXE], '/n.db', { APPIMAGE: '/home/ana/Planroom.AppImage' })).toEqual({
      args: ['--db', '/n.db'],
      execPath: '/home/ana/Planroom.AppImage',
    });
    expect(relaunchOptions([EXE], '/n.db', {})).toEqual({ args: ['--db', '/n.db'] });
  });
});

describe('bundle target', () => {
  it("makes the cycle's name a safe file name", () => {
    expect(fileStem('2026-12 S&OP')).toBe('2026-12-S-OP');
    expect(fileStem('Décembre: "final"/v2?')).toBe('Decembre-final-v2');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('CON.')).toBe('CON');
    expect(fileStem('   ')).toBe('cycle');
    expect(fileStem(null)).toBe('cycle');
    expect(fileStem('x'.repeat(500))).toHaveLength(60);
  });

  it('counts up past every database already there and never takes a name in use', () => {
    const taken = new Set([
      join('/u', 'Dec-1.db'),
      join('/u', 'Dec-2.db-wal'), // a leftover WAL of a removed database
    ]);
    expect(bundleTargetPath('/u', 'Dec', (p) => taken.has(p))).toBe(join('/u', 'Dec-3.db'));
    expect(bundleTargetPath('/u', 'Jan', (p) => taken.has(p))).toBe(join('/u', 'Jan-1.db'));
  });
});

describe('the question', () => {
  it('names the cycle and the file, with control characters shown, not obeyed', () => {
    const q = openQuestion('/home/ana/dec\u202e.planroom', 'Dec\nS&OP');
    expect(q.message).toBe('Open the cycle Dec\\nS&OP from dec\\u202e.planroom?');
    expect(q.detail).toContain('It opens as its own database; your current database is not changed.');
    expect(openQuestion('/b.planroom', null).message).toBe('Open the cycle from b.planroom?');
  });
});

describe('bundleOpener', () => {
  it('holds requests until ready, then runs them one at a time, each once', async () => {
    const started: string[] = [];
    const finish: (() => void)[] = [];
    const opener = bundleOpener(
      (file) =>
        new Promise<void>((done) => {
          started.push(file);
          finish.push(done);
        }),
    );
    opener.request('/a.planroom');
    opener.request('/b.planroom');
    opener.request('/a.planroom');
    expect(started).toEqual([]);
    opener.ready();
    expect(started).toEqual(['/a.planroom']);
    opener.request('/a.planroom'); // asked again while its question is open
    finish[0]!();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/a.planroom', '/b.planroom']);
    finish[1]!();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/a.planroom', '/b.planroom']);
  });
});
