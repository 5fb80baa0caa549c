// Electron main process: one window on the renderer, the API over IPC, the database in the
// user data folder (or --db / PLANROOM_DB). Nothing heavy before the window is up.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatError, AppError } from '../shared/domain/errors';
import { dataVersion, discardNewDatabase, openDatabase } from './db/open';
import type { WriteDb } from './db/types';
import { callHooks } from './callHooks';
import { bindIpc } from './ipc';
import { logInternal } from './log';
import { electronPrinter } from './printPdf';
import { bindPresenterIpc } from './presenterIpc';
import { roomWindows } from './presenterWindows';
import { rendererDir } from './paths';
import { loadDemoCompany } from './services/demoCompany';
import { createHandlers } from './services/handlers';
import { safeStorageSecrets } from './secrets/safeStorageSecrets';
import { withEnvironment } from './secrets/withEnvironment';
import { appVersion } from './version';
import { APP_INDEX_URL, registerAppScheme, serveAppProtocol } from './shell/appProtocol';
import { installGuards } from './shell/guards';
import { secureWebPreferences } from './shell/webPreferences';

let db: WriteDb | undefined;

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
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: 'Planroom',
    backgroundColor: '#0f172a',
    webPreferences: secureWebPreferences({ preload: join(__dirname, 'preload.cjs') }),
  });
  const indexUrl = APP_INDEX_URL;
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
  bindPresenterIpc(ipcMain, {
    indexUrl,
    windowOf: (sender) => (sender === win.webContents ? win : room.isRoomView(sender) ? room.window() : null),
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(indexUrl);
}

app.whenReady().then(
  () => {
    Menu.setApplicationMenu(null);
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
