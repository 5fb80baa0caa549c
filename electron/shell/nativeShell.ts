// The glue between Electron and the native-feel pieces of electron/shell/ (menu, dialogs, recent
// databases, single instance, window place, theme): main.ts calls this in three places and each
// piece's logic stays in its own pure, tested module. Nothing here reads more than a few hundred
// bytes before the window shows.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  screen,
  type BrowserWindowConstructorOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DESKTOP_CHANNELS, type MenuCommand } from '../../shared/desktop/channels';
import { writeLog } from '../log';
import { chooseDatabase, bindPickFolder, saveDialogOptions } from './dialogs';
import { menuTemplate } from './menu';
import { loadRecent, RECENT_FILE, recentItems, saveRecent, withRecent, type RecentEntry } from './recent';
import { relaunchArgs } from './reopen';
import { bringToFront, singleInstance, type SingleInstance } from './singleInstance';
import { followTheme } from './theme';
import {
  loadWindowStates,
  restoredWindow,
  trackWindowState,
  NO_STATES,
  WINDOW_STATE_FILE,
  type SavedWindowT,
  type WindowStatesT,
} from './windowState';

const DEFAULT_SIZE = { width: 1440, height: 900 };
const warn = (what: string, error: unknown): void => void writeLog('warn', what, error);

export interface NativeShell extends SingleInstance {
  /** Once ready: the application menu (before any window, so its shortcuts work at once); resolves once Open Recent is read. */
  ready(): Promise<void>;
  /**
   * The database is open on `cycle` (its current cycle's name; undefined without one): first in
   * Open Recent and in the OS's recent documents; resolves once saved.
   */
  databaseOpened(dbPath: string, cycle?: string): Promise<void>;
  /** The app window's place, size and background, for new BrowserWindow. */
  windowOptions(): Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height' | 'backgroundColor'>;
  /** Wires the app window: menu commands, folder dialogs, save dialogs, its place saved. */
  attach(win: BrowserWindow, opts: { indexUrl: string }): void;
}

/** Call at load, before app is ready: the single-instance lock must be taken first. */
export function nativeShell(): NativeShell {
  let appWindow: BrowserWindow | null = null;
  let currentDb: string | null = null;
  let recent: RecentEntry[] = [];
  // The stored list, read once at ready; an opened database is added after it, never before
  // (saving first would overwrite the list with that one database).
  let recentLoaded: Promise<void> = Promise.resolve();
  let states: WindowStatesT = NO_STATES;
  let restored: SavedWindowT | null = null;
  let background: () => string = () => '#f1f5f9';
  const lock = singleInstance(app, () => appWindow);
  const stateFile = (): string => join(app.getPath('userData'), WINDOW_STATE_FILE);
  const recentFile = (): string => join(app.getPath('userData'), RECENT_FILE);

  function send(command: MenuCommand): void {
    if (!appWindow || appWindow.isDestroyed()) return;
    // From the room view too: the command acts in the facilitator's window, which comes forward.
    bringToFront(appWindow);
    appWindow.webContents.send(DESKTOP_CHANNELS.command, command);
  }

  // Another database is another process: see electron/shell/reopen.ts. quit (not exit) so the
  // database closes and the window's place is saved; the relaunch starts once this one is gone.
  function reopen(path: string): void {
    if (currentDb !== null && resolve(path) === currentDb) return;
    if (!existsSync(path)) {
      forget(path);
      dialog.showErrorBox(
        'Planroom cannot open it',
        `${path.slice(0, 300)} is no longer there: it was moved or deleted. It is off Open Recent now; use File > Open database… to find it.`,
      );
      return;
    }
    app.relaunch({ args: relaunchArgs(process.argv, resolve(path)) });
    app.quit();
  }

  function remember(list: RecentEntry[]): Promise<void> {
    recent = list;
    setMenu();
    return saveRecent(recentFile(), recent).catch((e: unknown) => warn('recent databases: cannot save', e));
  }

  const forget = (path: string): void => void remember(recent.filter((e) => e.path !== path));

  function setMenu(): void {
    const template = menuTemplate({
      platform: process.platform,
      packaged: app.isPackaged,
      recent: recentItems(recent, existsSync),
      send,
      openDatabase: () => {
        if (!appWindow) return;
        void chooseDatabase(dialog, appWindow, currentDb ? dirname(currentDb) : undefined).then(
          (path) => path && reopen(path),
          (e: unknown) => warn('open database dialog failed', e),
        );
      },
      openRecent: reopen,
      clearRecent: () => {
        app.clearRecentDocuments();
        void remember([]);
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  return {
    ...lock,
    ready() {
      background = followTheme(nativeTheme, () => BrowserWindow.getAllWindows());
      setMenu();
      recentLoaded = loadRecent(recentFile(), warn).then((list) => {
        recent = list;
        setMenu();
      });
      return recentLoaded;
    },
    databaseOpened(dbPath, cycle) {
      currentDb = resolve(dbPath);
      const path = currentDb;
      app.addRecentDocument(path);
      return recentLoaded.then(() => remember(withRecent(recent, { path, cycle })));
    },
    windowOptions() {
      states = loadWindowStates(stateFile(), warn);
      restored = restoredWindow(states, screen.getAllDisplays(), screen.getPrimaryDisplay(), DEFAULT_SIZE);
      return { ...restored.bounds, backgroundColor: background() };
    },
    attach(win, opts) {
      appWindow = win;
      win.on('closed', () => {
        if (appWindow === win) appWindow = null;
      });
      const saved = restored;
      win.once('ready-to-show', () => {
        if (saved?.maximized) win.maximize();
        if (saved?.fullScreen) win.setFullScreen(true);
      });
      trackWindowState(win, screen, stateFile(), states, warn);
      bindPickFolder(ipcMain, {
        dialog,
        indexUrl: opts.indexUrl,
        windowOf: (sender) => (!win.isDestroyed() && sender === win.webContents ? win : null),
      });
      // An export (<a download>) asks where to save it, from Downloads with its own name.
      win.webContents.session.on('will-download', (_e, item) => {
        item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), app.getPath('downloads')));
      });
    },
  };
}
