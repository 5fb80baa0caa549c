// Electron main process: one window on the renderer, the API over IPC, the database in the
// user data folder (or --db / PLANROOM_DB). Nothing heavy before the window is up.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatError, AppError } from '../shared/domain/errors';
import { dataVersion, discardNewDatabase, openDatabase } from './db/open';
import type { WriteDb } from './db/types';
import { currentCycle } from './db/repos/cycles';
import { callHooks } from './callHooks';
import { bindIpc } from './ipc';
import { logInternal } from './log';
import { electronPrinter } from './printPdf';
import { bindPresenterIpc } from './presenterIpc';
import { roomWindows } from './presenterWindows';
import { nativeShell } from './shell/nativeShell';
import { presenterFullScreen } from './shell/presenterDisplay';
import { rendererDir } from './paths';
import { loadDemoCompany } from './services/demoCompany';
import { createHandlers } from './services/handlers';
import { bundleFromArgv, bundleOpener, openBundleFile } from './shell/openBundle';
import { electronOpenBundleDeps } from './shell/openBundleDeps';
import { safeStorageSecrets } from './secrets/safeStorageSecrets';
import { withEnvironment } from './secrets/withEnvironment';
import { appVersion } from './version';
import { APP_INDEX_URL, registerAppScheme, serveAppProtocol } from './shell/appProtocol';
import { installGuards } from './shell/guards';
import { secureWebPreferences } from './shell/webPreferences';

let db: WriteDb | undefined;
// First of all: a second launch hands its arguments to the running app and quits here.
const desktop = nativeShell();

// The renderer's app:// scheme must be privileged before the app is ready (electron/shell/appProtocol.ts).
registerAppScheme(protocol);

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  const flag = i >= 0 ? process.argv[i + 1] : undefined;
  return flag ?? process.env.PLANROOM_DB ?? join(app.getPath('userData'), 'planroom.db');
}

async function start(): Promise<void> {
  const dbPath = dbPathFromArgs();
  const isNew = !existsSync(dbPath);
  db = openDatabase(dbPath);
  const versionAtOpen = dataVersion(db);
  try {
    if (!process.argv.includes('--no-demo')) await loadDemoCompany(db);
  } catch (e) {
    // A first run that fails leaves no database behind.
    if (isNew) discardNewDatabase(db, dbPath, versionAtOpen);
    else db.close();
    db = undefined;
    throw e;
  }
  // Open Recent names the cycle the database opens on.
  void desktop.databaseOpened(dbPath, currentCycle(db)?.name);
  const win = new BrowserWindow({
    // Where it was last left on this display, in the OS's light or dark background.
    ...desktop.windowOptions(),
    show: false,
    title: 'Planroom',
    webPreferences: secureWebPreferences({ preload: join(__dirname, 'preload.cjs') }),
  });
  const indexUrl = APP_INDEX_URL;
  desktop.attach(win, { indexUrl });
  // Clicked http(s) links open in the system browser, never inside the app window (the guards
  // stop every other navigation); the room view (#/room) opens in a window of its own, on the
  // second display when there is one.
  const room = roomWindows({ indexUrl, preload: join(__dirname, 'preload.cjs') });
  win.webContents.setWindowOpenHandler((details) => room.onWindowOpen(details));
  // The room view goes with the app window: no window left on the projector after quitting.
  win.on('closed', () => room.window()?.close());
  const isAppWindow = (sender: Electron.WebContents): boolean =>
    (!win.isDestroyed() && sender === win.webContents) || room.isRoomView(sender);
  // Passwords typed in the window are encrypted by the system keyring (safeStorage, usable once
  // the app is ready); one in the environment still wins, as in the CLI.
  const secrets = withEnvironment(safeStorageSecrets(safeStorage, app.getPath('userData')));
  bindIpc(
    ipcMain,
    createHandlers({ db, dbPath, version: appVersion(), warm: true, sync: true, printPdf: electronPrinter, secrets }),
    { indexUrl, isAppWindow, hooks: callHooks(dbPath) },
  );
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
  win.once('ready-to-show', () => win.show());
  await win.loadURL(indexUrl);
  // The window is up: a bundle asked for at launch (or since) may ask its question now.
  bundles.ready();
}

// A .planroom file opened from the desktop (electron/shell/openBundle.ts): asked, imported into a
// database of its own, then Planroom restarts on it. Requests wait until the window is up.
const bundles = bundleOpener((file) =>
  openBundleFile(
    file,
    electronOpenBundleDeps({ app, dialog, focusedWindow: () => BrowserWindow.getFocusedWindow() }, () => {
      db?.close();
      db = undefined;
    }),
  ),
);
// macOS: a double-click or a drop on the dock icon, which may come before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  bundles.request(path);
});
// Windows and Linux: the path on the command line; a running Planroom gets a second launch's
// argv (the single-instance lock, electron/shell/singleInstance.ts, passes it here on merge).
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
    start().catch((e: unknown) => {
      const loggedAt = e instanceof AppError ? undefined : logInternal('start-up', e);
      const message =
        e instanceof AppError
          ? formatError(e.toShape())
          : `${String(e)}${loggedAt ? `\n\nThe details are in ${loggedAt}.` : ''}`;
      dialog.showErrorBox('Planroom cannot start', message);
      app.exit(1);
    });
  },
  () => app.exit(1),
);

app.on('window-all-closed', () => {
  db?.close();
  app.quit();
});
