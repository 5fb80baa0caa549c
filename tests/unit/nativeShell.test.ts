// The glue of the native shell (electron/shell/nativeShell.ts) against a fake `electron` module:
// the menu is set at ready; a menu item's command goes to the app window; the opened database is
// saved first in Open Recent (after the stored list is read, not over it) and choosing another
// relaunches on it; the folder dialog's channel and the downloads' save dialog are wired to the
// app window; a second launch brings the window back. The files are real, in a temp user data folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../../shared/desktop/channels';
import { tempDir } from '../helpers/tmp';

const h = vi.hoisted(() => ({
  userData: '',
  menus: [] as MenuItemConstructorOptions[][],
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  appOn: new Map<string, (...args: unknown[]) => void>(),
  relaunch: [] as unknown[],
  quit: 0,
}));

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => true,
    quit: () => h.quit++,
    on: (event: string, listener: (...args: unknown[]) => void) => h.appOn.set(event, listener),
    getPath: (name: string) => (name === 'downloads' ? '/home/ana/Downloads' : h.userData),
    isPackaged: true,
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    relaunch: (options: unknown) => h.relaunch.push(options),
  },
  BrowserWindow: { getAllWindows: () => [] },
  dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => h.handlers.set(channel, fn) },
  Menu: {
    buildFromTemplate: (t: MenuItemConstructorOptions[]) => t,
    setApplicationMenu: (m: MenuItemConstructorOptions[]) => h.menus.push(m),
  },
  nativeTheme: { shouldUseDarkColors: true, themeSource: 'system', on: vi.fn() },
  screen: {
    getAllDisplays: () => [display],
    getPrimaryDisplay: () => display,
    getDisplayMatching: () => display,
  },
}));

const display = { id: 1, size: { width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const { nativeShell } = await import('../../electron/shell/nativeShell');

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const lastMenuItem = (label: string) => {
  const item = flatten(h.menus.at(-1)!).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
};
const click = (label: string) => (lastMenuItem(label).click as () => void)();

function fakeWindow() {
  const sent: unknown[][] = [];
  const sessionOn = new Map<string, (...args: unknown[]) => void>();
  const win = {
    sent,
    sessionOn,
    calls: [] as string[],
    webContents: {
      send: (...args: unknown[]) => sent.push(args),
      session: { on: (event: string, fn: (...args: unknown[]) => void) => sessionOn.set(event, fn) },
    },
    on: vi.fn(),
    once: vi.fn(),
    isDestroyed: () => false,
    isMinimized: () => false,
    restore: () => win.calls.push('restore'),
    show: () => win.calls.push('show'),
    focus: () => win.calls.push('focus'),
    getNormalBounds: () => ({ x: 0, y: 0, width: 100, height: 100 }),
    isMaximized: () => false,
    isFullScreen: () => false,
  };
  return win;
}

describe('nativeShell', () => {
  beforeEach(() => {
    h.userData = tempDir();
    h.menus.length = 0;
    h.handlers.clear();
    h.relaunch.length = 0;
    h.quit = 0;
  });

  it('sets the menu, keeps Open Recent, and relaunches on another database', async () => {
    const older = join(h.userData, 'older.db');
    const current = join(h.userData, 'current.db');
    writeFileSync(older, '');
    writeFileSync(current, '');
    writeFileSync(join(h.userData, 'recent.json'), JSON.stringify({ databases: [older] }));

    const shell = nativeShell();
    expect(shell.primary).toBe(true);
    const ready = shell.ready();
    expect(h.menus).toHaveLength(1);
    // Opened before the stored list was read: added to it, not written over it.
    const opened = shell.databaseOpened(current, '2027-01 S&OP');
    await ready;
    await opened;
    expect(JSON.parse(readFileSync(join(h.userData, 'recent.json'), 'utf8'))).toEqual({
      databases: [{ path: current, cycle: '2027-01 S&OP' }, { path: older }],
    });
    expect(lastMenuItem(`older.db — ${h.userData}`).toolTip).toBe(older);
    expect(lastMenuItem(`2027-01 S&OP — current.db — ${h.userData}`).toolTip).toBe(current);

    click(`older.db — ${h.userData}`);
    expect(h.relaunch).toEqual([{ args: expect.arrayContaining(['--db', older]) as unknown }]);
    expect(h.quit).toBe(1);
    // The database already open: nothing to do.
    click(`2027-01 S&OP — current.db — ${h.userData}`);
    expect(h.relaunch).toHaveLength(1);
  });

  it('sends the menu commands to the app window, wires its dialogs, and brings it back', async () => {
    const shell = nativeShell();
    await shell.ready();
    const options = shell.windowOptions();
    expect(options).toMatchObject({ width: 1440, height: 900, backgroundColor: '#0f172a' });
    const win = fakeWindow();
    click('Import export folder…'); // no window yet: nothing, and no error
    shell.attach(win as never, { indexUrl: 'file:///app/index.html' });

    click('Import export folder…');
    click('Presenter mode');
    expect(win.sent).toEqual([
      [DESKTOP_CHANNELS.command, 'import'],
      [DESKTOP_CHANNELS.command, 'presenter'],
    ]);
    expect(h.handlers.has(DESKTOP_CHANNELS.pickFolder)).toBe(true);
    expect(win.on.mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['resized', 'moved', 'close']));

    const item = { getFilename: () => 'minutes.pdf', setSaveDialogOptions: vi.fn() };
    win.sessionOn.get('will-download')!({}, item);
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join('/home/ana/Downloads', 'minutes.pdf') }),
    );

    win.calls.length = 0;
    h.appOn.get('second-instance')!({}, ['planroom'], '/');
    expect(win.calls).toEqual(['show', 'focus']);
    expect(existsSync(join(h.userData, 'window-state.json'))).toBe(false);
  });
});
