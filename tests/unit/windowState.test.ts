// Where the app window opens (electron/shell/windowState.ts), with displays as data: back where it
// was on the same display; on the laptop's own place when the monitor it was on is unplugged;
// centred on the primary when a resolution change left the saved place off screen; a left-hand
// monitor's negative coordinates kept; maximized and full screen kept; a saved file round-trips
// through the window's events, and a corrupt one is ignored.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  centredOn,
  displayKey,
  loadWindowStates,
  NO_STATES,
  restoredWindow,
  trackWindowState,
  withSaved,
  type DisplayLike,
  type Rect,
} from '../../electron/shell/windowState';
import { tempDir } from '../helpers/tmp';

const display = (id: number, x: number, y: number, width: number, height: number): DisplayLike => ({
  id,
  size: { width, height },
  // A 32 px task bar at the bottom.
  workArea: { x, y, width, height: height - 32 },
});
const laptop = display(1, 0, 0, 1920, 1080);
const leftMonitor = display(2, -2560, 0, 2560, 1440);
const SIZE = { width: 1440, height: 900 };
const saved = (bounds: Rect, maximized = false, fullScreen = false) => ({ bounds, maximized, fullScreen });

describe('restoredWindow', () => {
  it('opens centred on the primary display, cut to its work area, when nothing is saved', () => {
    expect(restoredWindow(NO_STATES, [laptop], laptop, SIZE)).toEqual(
      saved({ x: 240, y: 74, width: 1440, height: 900 }),
    );
    const small = display(1, 0, 0, 1366, 768);
    expect(centredOn(small, SIZE)).toEqual({ x: 0, y: 0, width: 1366, height: 736 });
  });

  it('comes back where it was on a left-hand monitor, negative coordinates and all', () => {
    const there = saved({ x: -2000, y: 100, width: 1600, height: 1000 }, true);
    const states = withSaved(NO_STATES, leftMonitor, there);
    expect(restoredWindow(states, [laptop, leftMonitor], laptop, SIZE)).toEqual(there);
  });

  it("falls back to the laptop's own place when the monitor it was last on is unplugged", () => {
    const onLaptop = saved({ x: 100, y: 50, width: 1200, height: 800 });
    let states = withSaved(NO_STATES, laptop, onLaptop);
    states = withSaved(states, leftMonitor, saved({ x: -2000, y: 100, width: 1600, height: 1000 }));
    expect(states.last).toBe(displayKey(leftMonitor));
    expect(restoredWindow(states, [laptop], laptop, SIZE)).toEqual(onLaptop);
  });

  it('centres on the primary when the only saved place is on an unplugged monitor', () => {
    const states = withSaved(
      NO_STATES,
      leftMonitor,
      saved({ x: -2000, y: 100, width: 1600, height: 1000 }, false, true),
    );
    expect(restoredWindow(states, [laptop], laptop, SIZE)).toEqual(saved(centredOn(laptop, SIZE)));
  });

  it('does not use a place saved at another resolution', () => {
    const states = withSaved(NO_STATES, laptop, saved({ x: 1700, y: 900, width: 1200, height: 800 }));
    const lowered = display(1, 0, 0, 1280, 720);
    expect(restoredWindow(states, [lowered], lowered, SIZE)).toEqual(saved(centredOn(lowered, SIZE)));
  });

  it('does not use a saved place that no longer shows on any display (a sliver on the edge)', () => {
    const states = withSaved(NO_STATES, laptop, saved({ x: 1900, y: 0, width: 1200, height: 800 }));
    expect(restoredWindow(states, [laptop], laptop, SIZE)).toEqual(saved(centredOn(laptop, SIZE)));
  });
});

describe('window state file', () => {
  function fakeWindow(bounds: Rect, maximized = false) {
    const on: Record<string, () => void> = {};
    return {
      on: vi.fn((event: string, listener: () => void) => (on[event] = listener)),
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      isFullScreen: () => false,
      fire: (event: string) => on[event]!(),
    };
  }

  it('saves on moved, resized and close, for the display the window is on, and loads it back', () => {
    const file = join(tempDir(), 'window-state.json');
    const win = fakeWindow({ x: -1500, y: 20, width: 1400, height: 900 }, true);
    const screen = { getDisplayMatching: (r: Rect) => (r.x < 0 ? leftMonitor : laptop) };
    const warn = vi.fn();
    trackWindowState(win, screen, file, NO_STATES, warn);
    expect(win.on.mock.calls.map((c) => c[0])).toEqual(['resized', 'moved', 'close']);
    win.fire('moved');
    const states = loadWindowStates(file, warn);
    expect(states.last).toBe(displayKey(leftMonitor));
    expect(restoredWindow(states, [laptop, leftMonitor], laptop, SIZE)).toEqual(
      saved({ x: -1500, y: 20, width: 1400, height: 900 }, true),
    );
    win.fire('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(states);
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores a missing file silently and a corrupt one with a log line', () => {
    const dir = tempDir();
    const warn = vi.fn();
    expect(loadWindowStates(join(dir, 'none.json'), warn)).toEqual(NO_STATES);
    expect(warn).not.toHaveBeenCalled();
    writeFileSync(join(dir, 'bad.json'), '{"last": 3}');
    expect(loadWindowStates(join(dir, 'bad.json'), warn)).toEqual(NO_STATES);
    expect(warn).toHaveBeenCalledOnce();
  });
});
