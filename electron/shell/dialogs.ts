// The system's own open and save dialogs, so a path is chosen rather than typed:
// - "Choose folder…" beside the renderer's folder fields (DESKTOP_CHANNELS.pickFolder), answered
//   only for the app's own page and a payload that matches FolderPick;
// - "Open database…" in the File menu (a .db file);
// - downloads (the exports the renderer saves through <a download>) ask where to save, starting
//   in the Downloads folder with the export's own name and a filter for its type.
// The dialog itself is injected: the tests pass a fake, main.ts passes Electron's.
import type { BaseWindow, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/desktop/channels';
import { PickFolderArgs } from '../../shared/desktop/schemas';
import { appSender, handleChecked } from './ipcGuard';

/** What is needed of Electron's dialog. */
export interface OpenDialog {
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The first path chosen, or null when the dialog was cancelled. */
async function chosen(dialog: OpenDialog, win: BaseWindow, options: OpenDialogOptions): Promise<string | null> {
  const r = await dialog.showOpenDialog(win, options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/**
 * Answers the pickFolder channel: a folder dialog on the sending app window, the path or null.
 * A foreign sender or a bad payload is refused by handleChecked before any dialog opens.
 */
export function bindPickFolder(
  ipcMain: Pick<IpcMain, 'handle'>,
  opts: {
    dialog: OpenDialog;
    indexUrl: string;
    /** The app window that sent it; null for any other sender. */
    windowOf(sender: InvokeEvent['sender']): BaseWindow | null;
  },
): void {
  const isAppWindow = (sender: InvokeEvent['sender']): boolean => opts.windowOf(sender) !== null;
  handleChecked(
    ipcMain,
    DESKTOP_CHANNELS.pickFolder,
    PickFolderArgs,
    appSender({ indexUrl: opts.indexUrl, isAppWindow }),
    ([pick], event) =>
      chosen(opts.dialog, opts.windowOf(event.sender)!, {
        title: pick.title,
        defaultPath: pick.defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      }),
  );
}

/** File > Open database…: a Planroom database file, or null when cancelled. */
export function chooseDatabase(dialog: OpenDialog, win: BaseWindow, defaultPath?: string): Promise<string | null> {
  return chosen(dialog, win, {
    title: 'Open a Planroom database',
    defaultPath,
    properties: ['openFile'],
    filters: [
      { name: 'Planroom database', extensions: ['db'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
}

/** The file types the app exports, named as a save dialog's filter says them. */
const EXPORT_TYPES: Record<string, string> = {
  pdf: 'PDF document',
  xlsx: 'Excel workbook',
  md: 'Markdown text',
  ics: 'Calendar',
  csv: 'CSV table',
  json: 'JSON file',
  planroom: 'Planroom cycle bundle',
};

/**
 * The save dialog for a download: the Downloads folder and the export's own name (its last path
 * part only, at most 200 characters), the export's type first in the filters.
 */
export function saveDialogOptions(suggestedName: string, downloadsDir: string): SaveDialogOptions {
  const last = basename(suggestedName.replaceAll('\\', '/')).slice(-200);
  const name = last === '' || last === '.' || last === '..' ? 'planroom-export' : last;
  const ext = extname(name).slice(1).toLowerCase();
  const type = EXPORT_TYPES[ext];
  return {
    title: 'Save the export',
    defaultPath: join(downloadsDir, name),
    filters: [...(type ? [{ name: type, extensions: [ext] }] : []), { name: 'All files', extensions: ['*'] }],
  };
}
