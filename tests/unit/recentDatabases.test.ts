// File > Open Recent's list (electron/shell/recent.ts) and the relaunch on another database
// (electron/shell/reopen.ts): newest first, no duplicate, at most ten; files gone since are not
// shown; a corrupt or unreadable list is an empty one with a log line, never a crash.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  loadRecent,
  RECENT_MAX,
  recentItems,
  saveRecent,
  withRecent,
  type RecentEntry,
} from '../../electron/shell/recent';
import { relaunchArgs } from '../../electron/shell/reopen';
import { tempDir } from '../helpers/tmp';

describe('recent databases', () => {
  it('puts the opened database first, once, and keeps at most ten', () => {
    let list: RecentEntry[] = [];
    for (let i = 0; i < 12; i++) list = withRecent(list, { path: `/db/${i}.db` });
    expect(list).toHaveLength(RECENT_MAX);
    expect(list[0]).toEqual({ path: '/db/11.db' });
    expect(list.map((e) => e.path)).not.toContain('/db/0.db');
    list = withRecent(list, { path: '/db/5.db', cycle: '2027-01 S&OP' });
    expect(list[0]).toEqual({ path: '/db/5.db', cycle: '2027-01 S&OP' });
    expect(list.filter((e) => e.path === '/db/5.db')).toHaveLength(1);
    expect(list).toHaveLength(RECENT_MAX);
  });

  it('shows only files that still exist, by name and folder', () => {
    const dir = tempDir();
    const kept = join(dir, 'kept.db');
    writeFileSync(kept, '');
    const items = recentItems([{ path: join(dir, 'gone.db') }, { path: kept }], existsSync);
    expect(items).toEqual([{ path: kept, label: `kept.db — ${dir}` }]);
    const deep = `/${'x'.repeat(80)}/a.db`;
    expect(recentItems([{ path: deep }], () => true)[0]!.label.length).toBeLessThan(60);
  });

  it('names the cycle each database opened on, cut when long', () => {
    const [item] = recentItems([{ path: '/trips/2026-12-1.db', cycle: '2026-12 S&OP (demo company)' }], () => true);
    expect(item!.label).toBe('2026-12 S&OP (demo company) — 2026-12-1.db — /trips');
    const [long] = recentItems([{ path: '/a.db', cycle: 'c'.repeat(150) }], () => true);
    expect(long!.label.length).toBeLessThan(90);
  });

  it('saves and loads the list; no file yet is an empty list without a log line', async () => {
    const file = join(tempDir(), 'recent.json');
    const warn = vi.fn();
    expect(await loadRecent(file, warn)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    await saveRecent(file, [{ path: '/a.db', cycle: '2026-12 S&OP' }, { path: '/b.db' }]);
    expect(await loadRecent(file, warn)).toEqual([{ path: '/a.db', cycle: '2026-12 S&OP' }, { path: '/b.db' }]);
    // The first version's file, plain paths, still reads.
    writeFileSync(file, '{"databases": ["/old.db"]}');
    expect(await loadRecent(file, warn)).toEqual([{ path: '/old.db' }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['not JSON', '{"databases": ['],
    ['the wrong shape', '{"databases": [1, 2]}'],
    ['another shape', '["/a.db"]'],
  ])('ignores a file that is %s, with a log line', async (_what, text) => {
    const file = join(tempDir(), 'recent.json');
    writeFileSync(file, text);
    const warn = vi.fn();
    expect(await loadRecent(file, warn)).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain('ignored');
  });

  it('logs, and carries on, when the list cannot be read (a folder in its place)', async () => {
    const warn = vi.fn();
    expect(await loadRecent(tempDir(), warn)).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('relaunchArgs', () => {
  it('replaces --db and keeps every other argument', () => {
    expect(relaunchArgs(['/opt/Planroom/planroom', '--no-demo', '--db', '/old.db'], '/new.db')).toEqual([
      '--no-demo',
      '--db',
      '/new.db',
    ]);
    expect(relaunchArgs(['electron', 'dist/main.cjs', '--db=/old.db'], '/n.db')).toEqual([
      'dist/main.cjs',
      '--db',
      '/n.db',
    ]);
    expect(relaunchArgs(['planroom'], '/n.db')).toEqual(['--db', '/n.db']);
  });
});
