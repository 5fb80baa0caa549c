// openBundleFile's Electron deps with fakes for app, dialog and the focused window: the question
// as a message box (Open is Enter, Cancel is Escape), modal to the window that has focus, and the
// restart that closes the database first, then relaunches on --db and exits.
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { electronOpenBundleDeps, type ElectronParts } from '../../electron/shell/openBundleDeps';

function fakes(response: number, focused: BrowserWindow | null) {
  const calls: unknown[][] = [];
  const parts = {
    app: {
      getPath: (name: string) => (calls.push(['getPath', name]), '/home/ana/.config/Planroom'),
      relaunch: (options?: unknown) => void calls.push(['relaunch', options]),
      exit: (code?: number) => void calls.push(['exit', code]),
    },
    dialog: {
      showMessageBox: (...args: unknown[]) => (calls.push(['showMessageBox', ...args]), Promise.resolve({ response })),
      showErrorBox: (title: string, content: string) => void calls.push(['showErrorBox', title, content]),
    },
    focusedWindow: () => focused,
  } as unknown as ElectronParts;
  return { parts, calls };
}

describe('electronOpenBundleDeps', () => {
  it('asks in a message box modal to the focused window; Open (the default) goes on', async () => {
    const win = { id: 1 } as unknown as BrowserWindow;
    const { parts, calls } = fakes(0, win);
    const deps = electronOpenBundleDeps(parts, () => undefined, ['/opt/Planroom/planroom']);
    expect(deps.userData).toBe('/home/ana/.config/Planroom');
    expect(await deps.confirm({ message: 'Open the cycle?', detail: 'It opens as its own database' })).toBe(true);
    const box = calls.find((c) => c[0] === 'showMessageBox')!;
    expect(box[1]).toBe(win);
    expect(box[2] as MessageBoxOptions).toMatchObject({
      type: 'question',
      buttons: ['Open', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
      message: 'Open the cycle?',
    });
  });

  it('takes Cancel (or Escape) as no, and asks without a parent when no window has focus', async () => {
    const { parts, calls } = fakes(1, null);
    const deps = electronOpenBundleDeps(parts, () => undefined, ['/opt/Planroom/planroom']);
    expect(await deps.confirm({ message: 'm', detail: 'd' })).toBe(false);
    const box = calls.find((c) => c[0] === 'showMessageBox')!;
    expect(box).toHaveLength(2);
  });

  it('closes the database, then relaunches on the new one without the bundle, then exits', () => {
    const { parts, calls } = fakes(0, null);
    const deps = electronOpenBundleDeps(parts, () => void calls.push(['close database']), [
      '/opt/Planroom/planroom',
      '/home/ana/Dec.planroom',
    ]);
    deps.relaunch('/home/ana/.config/Planroom/bundles/Dec-1.db');
    deps.showError('Planroom cannot open this cycle bundle', 'why');
    const order = calls.filter((c) => c[0] !== 'getPath');
    expect(order[0]).toEqual(['close database']);
    expect(order[1]![0]).toBe('relaunch');
    expect((order[1]![1] as { args: string[] }).args).toEqual(['--db', '/home/ana/.config/Planroom/bundles/Dec-1.db']);
    expect(order[2]).toEqual(['exit', 0]);
    expect(order[3]).toEqual(['showErrorBox', 'Planroom cannot open this cycle bundle', 'why']);
  });
});
