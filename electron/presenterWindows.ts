// The room view in Electron: the renderer's window.open('#/room') is caught here and becomes a
// window of our own on the app's index.html#/room, full screen on the second display when one is
// connected (a projector), else a normal window beside the app. Opening it again brings the
// same window back. Every other window.open follows electron/shell/guards.ts: an http(s) link
// clicked goes to the system browser, anything else is denied. The room view's own navigation
// and windows are guarded like every web contents (app.on('web-contents-created')).
import { BrowserWindow, screen, shell, type HandlerDetails, type Rectangle, type WebContents } from 'electron';
import { windowOpenHandler } from './shell/guards';
import { secureWebPreferences } from './shell/webPreferences';

/** What is needed of a display: its id and where it is. */
export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

/** The display for the room view: the first that is not the laptop's (primary); null with one. */
export function roomDisplay(displays: readonly DisplayLike[], primaryId: number): DisplayLike | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/** True for the app's own index.html with #/room (whatever the query), nothing else. */
export function isRoomUrl(url: string, indexUrl: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const room = /^#\/?room(?:$|[/?])/.test(u.hash);
  u.hash = '';
  u.search = '';
  return room && u.href === indexUrl;
}

export interface RoomWindows {
  /** The window.open handler for the app window. */
  onWindowOpen(details: Pick<HandlerDetails, 'url' | 'disposition'>): { action: 'deny' };
  /** True for the room view's web contents (the API answers it as it does the app window). */
  isRoomView(sender: WebContents): boolean;
  /** The room view window, when open. */
  window(): BrowserWindow | null;
  /** Opens (or shows) the room view without taking the focus; true when it made a new window. */
  present(): boolean;
}

export function roomWindows(opts: { indexUrl: string; preload: string }): RoomWindows {
  let room: BrowserWindow | null = null;

  // `focus` false (presenter mode opening it): the facilitator's window keeps the keyboard.
  function open(url: string, focus = true): boolean {
    if (room && !room.isDestroyed()) {
      if (!focus) room.showInactive();
      else {
        room.show();
        room.focus();
      }
      return false;
    }
    const display = roomDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    const win = new BrowserWindow({
      ...(display ? { ...display.bounds, fullscreen: true } : { width: 1280, height: 720 }),
      show: false,
      title: 'Planroom — room view',
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences({ preload: opts.preload }),
    });
    win.once('ready-to-show', () => (focus ? win.show() : win.showInactive()));
    win.on('closed', () => {
      if (room === win) room = null;
    });
    room = win;
    void win.loadURL(url);
    return true;
  }

  return {
    onWindowOpen: windowOpenHandler({
      openExternal: (url) => shell.openExternal(url),
      openRoom(url) {
        if (!isRoomUrl(url, opts.indexUrl)) return false;
        open(url);
        return true;
      },
    }),
    isRoomView: (sender) => room !== null && !room.isDestroyed() && sender === room.webContents,
    window: () => (room && !room.isDestroyed() ? room : null),
    present: () => open(`${opts.indexUrl}#/room`, false),
  };
}
