// openBundleFile's deps in the Electron app: the question as a message box (modal to the focused
// window), a failure as an error box, and the restart on the new database. Electron comes in as
// arguments (types only here), so a test can pass fakes.
import type { App, BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { relaunchOptions } from './bundleArgv';
import type { OpenBundleDeps } from './openBundle';

export interface ElectronParts {
  app: Pick<App, 'getPath' | 'relaunch' | 'exit'>;
  dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox'>;
  focusedWindow: () => BrowserWindow | null;
}

/** `closeDatabase` runs before the restart, so the database is closed cleanly, not cut off. */
export function electronOpenBundleDeps(
  { app, dialog, focusedWindow }: ElectronParts,
  closeDatabase: () => void,
  argv: readonly string[] = process.argv,
): OpenBundleDeps {
  return {
    userData: app.getPath('userData'),
    async confirm({ message, detail }) {
      // Enter opens, Escape cancels.
      const options: MessageBoxOptions = {
        type: 'question',
        buttons: ['Open', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        message,
        detail,
      };
      const parent = focusedWindow();
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    showError: (title, message) => dialog.showErrorBox(title, message),
    relaunch(dbPath) {
      closeDatabase();
      app.relaunch(relaunchOptions(argv, dbPath));
      app.exit(0);
    },
  };
}
