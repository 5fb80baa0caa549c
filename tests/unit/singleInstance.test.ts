// The single-instance lock (electron/shell/singleInstance.ts) with a fake app and window: the
// first launch keeps the lock; a second one quits without starting; when a later launch comes,
// the running window is restored, shown and focused and the launch's arguments are handed on.
import { describe, expect, it, vi } from 'vitest';
import { singleInstance, type FocusableWindow, type LockApp } from '../../electron/shell/singleInstance';

function fakeApp(gotLock: boolean) {
  let listener: ((e: unknown, argv: string[], cwd: string) => void) | undefined;
  const app: LockApp & { secondLaunch(argv: string[], cwd: string): void } = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_name, l) => (listener = l)),
    secondLaunch: (argv, cwd) => listener?.({}, argv, cwd),
  };
  return app;
}

function fakeWindow(minimized: boolean): FocusableWindow & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('singleInstance', () => {
  it('quits a second launch before it starts anything', () => {
    const app = fakeApp(false);
    const lock = singleInstance(app, () => null);
    expect(lock.primary).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('brings the running window back and hands on the later launch arguments', () => {
    const app = fakeApp(true);
    const win = fakeWindow(true);
    const lock = singleInstance(app, () => win);
    const seen: [readonly string[], string][] = [];
    lock.onSecondInstance((argv, cwd) => seen.push([argv, cwd]));
    expect(lock.primary).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();

    app.secondLaunch(['planroom', '/home/ana/2027-01.planroom'], '/home/ana');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
    expect(seen).toEqual([[['planroom', '/home/ana/2027-01.planroom'], '/home/ana']]);
  });

  it('does not restore a window that is not minimized, and survives no window yet', () => {
    const app = fakeApp(true);
    const win = fakeWindow(false);
    let current: FocusableWindow | null = null;
    singleInstance(app, () => current);
    expect(() => app.secondLaunch(['planroom'], '/')).not.toThrow();
    current = win;
    app.secondLaunch(['planroom'], '/');
    expect(win.calls).toEqual(['show', 'focus']);
  });
});
