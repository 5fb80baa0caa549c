// The app window opens where it was last left, per display: each display (its id and size: a
// resolution change is another layout) keeps the window's last bounds on it, and maximized and
// full screen are kept too. Saved bounds are used only when they still show on a connected
// display (a monitor unplugged, a resolution lowered): otherwise the window opens centred on the
// primary display, so it never comes up off screen. The pure functions take displays as data,
// so the tests can unplug monitors; trackWindowState wires them to a BrowserWindow and a file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { atomicWriteSync } from '../fs/atomicWrite';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is needed of Electron's Display. */
export interface DisplayLike {
  id: number;
  size: { width: number; height: number };
  workArea: Rect;
}

const RectSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
const SavedWindow = z.object({ bounds: RectSchema, maximized: z.boolean(), fullScreen: z.boolean() });
const WindowStates = z.object({ last: z.string().nullable(), byDisplay: z.record(z.string(), SavedWindow) });
export type SavedWindowT = z.infer<typeof SavedWindow>;
export type WindowStatesT = z.infer<typeof WindowStates>;

export const NO_STATES: WindowStatesT = { last: null, byDisplay: {} };

/** How much of the window must show on a display to be found and dragged back: a title bar's worth. */
const MIN_VISIBLE = { width: 120, height: 40 };

export const displayKey = (d: DisplayLike): string => `${d.id}:${d.size.width}x${d.size.height}`;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when enough of `bounds` lies on one of the displays' work areas. */
export function showsOn(bounds: Rect, displays: readonly DisplayLike[]): boolean {
  return displays.some((d) => {
    const o = overlap(bounds, d.workArea);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
}

/** `size` (cut to the work area) centred on the display. */
export function centredOn(d: DisplayLike, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, d.workArea.width);
  const height = Math.min(size.height, d.workArea.height);
  return {
    x: d.workArea.x + Math.round((d.workArea.width - width) / 2),
    y: d.workArea.y + Math.round((d.workArea.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the window opens: the display it was last on if that display is still connected at the
 * same size, else the primary display's own saved place, else any connected display's; each only
 * when it still shows. Failing all, `size` centred on the primary, neither maximized nor full screen.
 */
export function restoredWindow(
  states: WindowStatesT,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  size: { width: number; height: number },
): SavedWindowT {
  const connected = new Set(displays.map(displayKey));
  const candidates = [states.last, displayKey(primary), ...displays.map(displayKey)];
  for (const key of candidates) {
    const saved = key !== null && connected.has(key) ? states.byDisplay[key] : undefined;
    if (saved && showsOn(saved.bounds, displays)) return saved;
  }
  return { bounds: centredOn(primary, size), maximized: false, fullScreen: false };
}

/** The states with the window's current place recorded for the display it is on. */
export function withSaved(states: WindowStatesT, display: DisplayLike, saved: SavedWindowT): WindowStatesT {
  const key = displayKey(display);
  return { last: key, byDisplay: { ...states.byDisplay, [key]: saved } };
}

/** The saved states; none when the file is missing or not ours (`warn` says which). */
export function loadWindowStates(file: string, warn: (what: string, error: unknown) => void): WindowStatesT {
  try {
    return WindowStates.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`window state: ${file} ignored`, e);
    return NO_STATES;
  }
}

/** What is needed of a BrowserWindow. */
export interface TrackedWindow {
  on(event: 'resized' | 'moved' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
}

/** What is needed of Electron's screen. */
export interface ScreenLike {
  getDisplayMatching(rect: Rect): DisplayLike;
}

/**
 * Saves the window's place when a move or resize ends ('moved', 'resized': one event per drag,
 * not one per pixel) and when it closes. The write is synchronous: a file of a few hundred bytes,
 * and on 'close' the process may be gone before an async write would land.
 */
export function trackWindowState(
  win: TrackedWindow,
  screen: ScreenLike,
  file: string,
  initial: WindowStatesT,
  warn: (what: string, error: unknown) => void,
): void {
  let states = initial;
  const save = (): void => {
    // The normal bounds: a maximized window comes back maximized, and un-maximizes to its old size.
    const bounds = win.getNormalBounds();
    states = withSaved(states, screen.getDisplayMatching(bounds), {
      bounds,
      maximized: win.isMaximized(),
      fullScreen: win.isFullScreen(),
    });
    try {
      atomicWriteSync(file, `${JSON.stringify(states)}\n`);
    } catch (e) {
      warn(`window state: cannot write ${file}`, e);
    }
  };
  for (const event of ['resized', 'moved', 'close'] as const) win.on(event, save);
}
