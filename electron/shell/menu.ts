// The application menu as data: the platform's standard roles (edit, view with zoom and full
// screen, window) plus Planroom's own items, which only send a MenuCommand to the app window
// (the renderer does the work, as its own buttons and keys do). Pure, so a unit test reads the
// template without an Electron binary; main.ts builds it with Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/desktop/channels';

/** A database the menu offers under Open Recent. */
export interface RecentItem {
  path: string;
  /** What the menu shows: the file's name and its folder, short. */
  label: string;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Packaged builds have no reload or developer tools: a reload mid-meeting loses the page. */
  packaged: boolean;
  recent: readonly RecentItem[];
  /** Sends a command to the app window (main.ts picks the window, not the menu). */
  send(command: MenuCommand): void;
  /** "Open database…": a file dialog, then Planroom on that file. */
  openDatabase(): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

/**
 * Planroom's own accelerators. F5 starts a presentation as in slide software; the in-page `f`
 * key still works. None of them is a role's default (undo, copy, zoom, close, quit...).
 */
export const ACCELERATORS = {
  import: 'CmdOrCtrl+I',
  'new-cycle': 'CmdOrCtrl+N',
  'export-minutes': 'CmdOrCtrl+E',
  presenter: 'F5',
  shortcuts: 'CmdOrCtrl+/',
  openDatabase: 'CmdOrCtrl+O',
} as const;

/** `&File` underlines F for Alt+F on Windows and Linux; macOS menus have no mnemonics. */
const top = (label: string, platform: NodeJS.Platform): string => (platform === 'darwin' ? label : `&${label}`);

function command(label: string, cmd: MenuCommand, opts: MenuOptions): MenuItemConstructorOptions {
  const accelerator = cmd in ACCELERATORS ? ACCELERATORS[cmd as keyof typeof ACCELERATORS] : undefined;
  return { label, accelerator, click: () => opts.send(cmd) };
}

function recentMenu(opts: MenuOptions): MenuItemConstructorOptions[] {
  if (opts.recent.length === 0) return [{ label: 'No recent databases', enabled: false }];
  return [
    ...opts.recent.map((r) => ({ label: r.label, toolTip: r.path, click: () => opts.openRecent(r.path) })),
    { type: 'separator' },
    { label: 'Clear Recent', click: () => opts.clearRecent() },
  ];
}

export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const dev: MenuItemConstructorOptions[] = opts.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: top('File', opts.platform),
      submenu: [
        command('Import export folder…', 'import', opts),
        command('New cycle…', 'new-cycle', opts),
        command('Export minutes…', 'export-minutes', opts),
        { type: 'separator' },
        { label: 'Open database…', accelerator: ACCELERATORS.openDatabase, click: () => opts.openDatabase() },
        { label: 'Open Recent', submenu: recentMenu(opts) },
        { type: 'separator' },
        // macOS quits from the app menu; elsewhere File ends with Exit.
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu', label: top('Edit', opts.platform) },
    {
      label: top('View', opts.platform),
      submenu: [
        command('Presenter mode', 'presenter', opts),
        { type: 'separator' },
        ...dev,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu', label: top('Window', opts.platform) },
    {
      role: 'help',
      label: top('Help', opts.platform),
      submenu: [
        command('Keyboard shortcuts', 'shortcuts', opts),
        // macOS has About in the app menu already.
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about', label: 'About Planroom' } as const]),
      ],
    },
  ];
}
