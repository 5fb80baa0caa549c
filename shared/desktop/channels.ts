// The IPC channels between the Electron preload (electron/preload.ts) and the main process.
// No imports: the sandboxed preload bundles this file and nothing else of shared/.
export const DESKTOP_CHANNELS = {
  /** The API contract: (name, input) -> ApiResult, validated by shared/dispatch.ts. */
  call: 'planroom:call',
  /** Presenter mode: the sending window's own full screen (electron/presenterIpc.ts). */
  fullScreen: 'planroom:fullScreen',
  /** Main -> renderer: a menu item or accelerator was chosen (a MenuCommand). */
  command: 'planroom:command',
  /** A native "choose a folder" dialog: (FolderPick) -> absolute path, or null when cancelled. */
  pickFolder: 'planroom:pickFolder',
} as const;

/**
 * The menu's own commands the renderer carries out (electron/shell/menu.ts sends them).
 * Append only: an older renderer ignores a command it does not know (the preload filters).
 */
export const MENU_COMMANDS = ['import', 'new-cycle', 'presenter', 'export-minutes', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What a folder dialog is for: its title, and where it opens. */
export interface FolderPick {
  title: string;
  defaultPath?: string;
}

/** window.planroom: exactly what the preload exposes; absent in browser mode. */
export interface DesktopBridge {
  call(name: string, input: unknown): Promise<unknown>;
  /** The app window's own full screen (presenter mode). */
  setFullScreen(on: boolean): Promise<void>;
  /** Runs `listener` for each menu command; returns the unsubscribe. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
  /** A native folder dialog; null when cancelled. */
  pickFolder(pick: FolderPick): Promise<string | null>;
}
