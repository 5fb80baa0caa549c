// Electron main process: one window on the renderer, the API over IPC, the database in the
// user data folder (or --db / PLANROOM_DB). Nothing heavy before the first paint: the window is
// created and loading first, the database and the services (shell/appData.ts, imported only
// then) open once it has painted, and the API's calls wait for them (shell/startup.ts).
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { formatError, AppError } from '../shared/domain/errors';
import { logInternal } from './log';
import { rendererDir } from './paths';
import { bindPresenterIpc } from './presenterIpc';
import { roomWindows } from './presenterWindows';
import type { AppData } from './shell/appData';
import { APP_INDEX_URL, registerAppScheme, serveAppProtocol } from './shell/appProtocol';
import { installGuards } from './shell/guards';
import { nativeShell } from './shell/nativeShell';
import { bundleFromArgv, bundleOpener, openBundleFile } from './shell/openBundle';
import { electronOpenBundleDeps } from './shell/openBundleDeps';
import { presenterFullScreen } from './shell/presenterDisplay';
import { startInOrder, type StartupWindow } from './shell/startup';
import { secureWebPreferences } from './shell/webPreferences';

let data: AppData | undefined;
// First of all: a second launch hands its arguments to the running app and quits here.
const desktop = nativeShell();

// The renderer's app:// scheme must be privileged before the app is ready (electron/shell/appProtocol.ts).
registerAppScheme(protocol);

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  const flag = i >= 0 ? process.argv[i + 1] : undefined;
  return flag ?? process.env.PLANROOM_DB ?? join(app.getPath('userData'), 'planroom.db');
}

interface AppWindow {
  win: BrowserWindow;
  isRoomView(sender: Electron.WebContents): boolean;
  startup: StartupWindow;
}

/** The app window, loading the renderer; shown at its first paint. */
function createWindow(indexUrl: string): AppWindow {
  const preload = join(__dirname, 'preload.cjs');
  const win = new BrowserWindow({
    // Where it was last left on this display, in the OS's light or dark background.
    ...desktop.windowOptions(),
    show: false,
    title: 'Planroom',
    webPreferences: secureWebPreferences({ preload }),
  });
  desktop.attach(win, { indexUrl });
  // Clicked http(s) links open in the system browser, never inside the app window (the guards
  // stop every other navigation); the room view (#/room) opens in a window of its own, on the
  // second display when there is one.
  const room = roomWindows({ indexUrl, preload });
  win.webContents.setWindowOpenHandler((details) => room.onWindowOpen(details));
  // The room view goes with the app window: no window left on the projector after quitting.
  win.on('closed', () => room.window()?.close());
  // Presenter mode in the app window brings the room view up on a second display.
  const presenting = presenterFullScreen(
    win,
    { present: () => room.present(), close: () => room.window()?.close() },
    () => screen.getAllDisplays().length,
  );
  bindPresenterIpc(ipcMain, {
    indexUrl,
    windowOf: (sender) => (sender === win.webContents ? presenting : room.isRoomView(sender) ? room.window() : null),
  });
  const shown = new Promise<void>((resolve) =>
    win.once('ready-to-show', () => {
      win.show();
      resolve();
    }),
  );
  const loaded = win.loadURL(indexUrl);
  const close = (): void => {
    if (!win.isDestroyed()) win.destroy();
  };
  return { win, isRoomView: (sender) => room.isRoomView(sender), startup: { loaded, shown, close } };
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

// A .planroom file opened from the desktop (electron/shell/openBundle.ts): asked, imported into a
// database of its own, then Planroom restarts on it. Requests wait until the window is up.
const bundles = bundleOpener((file) =>
  openBundleFile(
    file,
    electronOpenBundleDeps({ app, dialog, focusedWindow: () => BrowserWindow.getFocusedWindow() }, () => {
      data?.close();
      data = undefined;
    }),
  ),
);
// macOS: a double-click or a drop on the dock icon, which may come before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  bundles.request(path);
});
// Windows and Linux: the path on the command line; a running Planroom gets a second launch's argv
// (the single-instance lock, electron/shell/singleInstance.ts, brings its window to the front).
app.on('second-instance', (_event, argv, workingDirectory) => {
  const file = bundleFromArgv(argv, workingDirectory);
  if (file) bundles.request(file);
});
const launchBundle = bundleFromArgv(process.argv);
if (launchBundle) bundles.request(launchBundle);

app.whenReady().then(
  () => {
    if (!desktop.primary) return;
    void desktop.ready();
    // Before the first window: the renderer's files, then navigation, window and permission
    // rules on every web contents (electron/shell/guards.ts).
    serveAppProtocol(protocol, rendererDir());
    installGuards(app, session.defaultSession, { openExternal: (url) => shell.openExternal(url) });
    const indexUrl = APP_INDEX_URL;
    let appWindow: AppWindow | undefined;
    const started = startInOrder<AppData>({
      createWindow: () => (appWindow = createWindow(indexUrl)).startup,
      openData: async () => {
        const { openAppData } = await import('./shell/appData');
        const dbPath = dbPathFromArgs();
        data = await openAppData({
          dbPath,
          demo: !process.argv.includes('--no-demo'),
          userData: app.getPath('userData'),
          safeStorage,
        });
        // Open Recent names the cycle the database opens on.
        void desktop.databaseOpened(dbPath, data.cycle);
        return data;
      },
      fail: failStart,
    });
    void bindApi(appWindow!, indexUrl, started.ready);
    // The window is up and the data open: a bundle asked for at launch (or since) may ask now.
    void started.ready.then(
      () => bundles.ready(),
      () => undefined,
    );
  },
  () => app.exit(1),
);

app.on('window-all-closed', () => {
  data?.close();
  app.quit();
});
