// Electron main process: one window on the renderer, the API over IPC, the database in the
// user data folder (or --db / PLANROOM_DB). Nothing heavy before the first paint: the window is
// created and loading first, the database and the services (shell/appData.ts, imported only
// then) open once it has painted, and the API's calls wait for them (shell/startup.ts).
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatError, AppError } from '../shared/domain/errors';
import { logInternal } from './log';
import { bindPresenterIpc } from './presenterIpc';
import { roomWindows } from './presenterWindows';
import { rendererDir } from './paths';
import type { AppData } from './shell/appData';
import { startInOrder, type StartupWindow } from './shell/startup';

let data: AppData | undefined;

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  const flag = i >= 0 ? process.argv[i + 1] : undefined;
  return flag ?? process.env.PLANROOM_DB ?? join(app.getPath('userData'), 'planroom.db');
}

/** The app window, loading the renderer; shown at its first paint. */
function createWindow(indexUrl: string): AppWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: 'Planroom',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });
  // Links open in the system browser, never inside the app window; the room view (#/room) opens
  // in a window of its own, on the second display when there is one.
  const room = roomWindows({ indexUrl, preload: join(__dirname, 'preload.cjs') });
  win.webContents.setWindowOpenHandler((details) => room.onWindowOpen(details));
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  // The room view goes with the app window: no window left on the projector after quitting.
  win.on('closed', () => room.window()?.close());
  bindPresenterIpc(ipcMain, {
    windowOf: (sender) => (sender === win.webContents ? win : room.isRoomView(sender) ? room.window() : null),
  });
  const shown = new Promise<void>((resolve) =>
    win.once('ready-to-show', () => {
      win.show();
      resolve();
    }),
  );
  const loaded = win.loadFile(join(rendererDir(), 'index.html'));
  const close = (): void => {
    if (!win.isDestroyed()) win.destroy();
  };
  return { win, isRoomView: (sender) => room.isRoomView(sender), startup: { loaded, shown, close } };
}

interface AppWindow {
  win: BrowserWindow;
  isRoomView(sender: Electron.WebContents): boolean;
  startup: StartupWindow;
}

/**
 * The API over IPC, every call waiting for the data. Called in the same task that started the
 * window's load: its modules (the contract, zod) load in this task's microtasks, so the handler
 * is registered before the renderer's first call can arrive.
 */
async function bindApi({ win, isRoomView }: AppWindow, indexUrl: string, ready: Promise<AppData>): Promise<void> {
  const [{ bindIpc }, { deferredHandlers }, { callHooks }] = await Promise.all([
    import('./ipc'),
    import('./shell/deferredHandlers'),
    import('./callHooks'),
  ]);
  const isAppWindow = (sender: Electron.WebContents): boolean =>
    (!win.isDestroyed() && sender === win.webContents) || isRoomView(sender);
  bindIpc(ipcMain, deferredHandlers(ready.then((d) => d.handlers)), {
    indexUrl,
    isAppWindow,
    hooks: callHooks(dbPathFromArgs()),
  });
}

function failStart(e: unknown): void {
  const loggedAt = e instanceof AppError ? undefined : logInternal('start-up', e);
  const message =
    e instanceof AppError
      ? formatError(e.toShape())
      : `${String(e)}${loggedAt ? `\n\nThe details are in ${loggedAt}.` : ''}`;
  dialog.showErrorBox('Planroom cannot start', message);
  app.exit(1);
}

app.whenReady().then(
  () => {
    Menu.setApplicationMenu(null);
    const indexUrl = pathToFileURL(join(rendererDir(), 'index.html')).href;
    let appWindow: AppWindow | undefined;
    const started = startInOrder<AppData>({
      createWindow: () => (appWindow = createWindow(indexUrl)).startup,
      openData: async () => {
        const { openAppData } = await import('./shell/appData');
        data = await openAppData({
          dbPath: dbPathFromArgs(),
          demo: !process.argv.includes('--no-demo'),
          userData: app.getPath('userData'),
          safeStorage,
        });
        return data;
      },
      fail: failStart,
    });
    void bindApi(appWindow!, indexUrl, started.ready);
  },
  () => app.exit(1),
);

app.on('window-all-closed', () => {
  data?.close();
  app.quit();
});
