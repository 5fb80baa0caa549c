// The Electron side of presenter mode without an Electron binary: BrowserWindow, screen and shell
// are fakes, so the tests check what is asked of Electron. The room view (#/room of the app's
// own index.html) opens full screen on the second display when there is one, else as a normal
// window, once (asked again, the same window comes back); an http(s) link clicked goes to the
// system browser; the full-screen call answers only the app's own page, with a boolean.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const made: FakeWindow[] = [];
let displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }];
const openExternal = vi.fn(async () => {});
class FakeWindow {
  options: Record<string, unknown>;
  url = '';
  destroyed = false;
  shown = 0;
  handlers: Record<string, () => void> = {};
  webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
  constructor(options: Record<string, unknown>) {
    this.options = options;
    made.push(this);
  }
  async loadURL(url: string) {
    this.url = url;
  }
  once(name: string, fn: () => void) {
    this.handlers[name] = fn;
  }
  on(name: string, fn: () => void) {
    this.handlers[name] = fn;
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.shown++;
  }
  inactive = 0;
  showInactive() {
    this.inactive++;
  }
  focus() {}
}
vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0] },
  shell: { openExternal },
}));

const { isRoomUrl, roomDisplay, roomWindows } = await import('../../electron/presenterWindows');
const { bindPresenterIpc, FULL_SCREEN_CHANNEL } = await import('../../electron/presenterIpc');

const INDEX = 'app://planroom/index.html';
const TAB = 'foreground-tab' as const;

describe('the room view window', () => {
  beforeEach(() => {
    made.length = 0;
    openExternal.mockClear();
    displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }];
  });

  it('knows the room view address and nothing else', () => {
    expect(isRoomUrl(`${INDEX}#/room`, INDEX)).toBe(true);
    expect(isRoomUrl(`${INDEX}?x=1#room`, INDEX)).toBe(true);
    expect(isRoomUrl(`${INDEX}#/rooms`, INDEX)).toBe(false);
    expect(isRoomUrl(`${INDEX}#/agenda`, INDEX)).toBe(false);
    expect(isRoomUrl('https://example.com/index.html#/room', INDEX)).toBe(false);
    expect(isRoomUrl('file:///tmp/other.html#/room', INDEX)).toBe(false);
    expect(isRoomUrl('not a url', INDEX)).toBe(false);
  });

  it('picks a display that is not the primary one, none with one display', () => {
    const laptop = { id: 7, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
    const projector = { id: 9, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };
    expect(roomDisplay([laptop], 7)).toBeNull();
    expect(roomDisplay([laptop, projector], 7)).toBe(projector);
    expect(roomDisplay([projector, laptop], 7)).toBe(projector);
  });

  it('opens full screen on the second display, sandboxed, with the preload, once', () => {
    displays = [
      { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
      { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } },
    ];
    const room = roomWindows({ indexUrl: INDEX, preload: '/opt/planroom/preload.cjs' });
    expect(room.onWindowOpen({ url: `${INDEX}#/room`, disposition: TAB })).toEqual({ action: 'deny' });
    expect(made).toHaveLength(1);
    const w = made[0]!;
    expect(w.options).toMatchObject({
      x: 1366,
      y: 0,
      width: 1920,
      height: 1080,
      fullscreen: true,
      show: false,
      webPreferences: {
        preload: '/opt/planroom/preload.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      },
    });
    expect(w.url).toBe(`${INDEX}#/room`);
    expect(room.isRoomView(w.webContents as never)).toBe(true);
    expect(room.isRoomView({} as never)).toBe(false);
    // Asked again: the same window is shown, no second one.
    room.onWindowOpen({ url: `${INDEX}#/room`, disposition: TAB });
    expect(made).toHaveLength(1);
    expect(w.shown).toBe(1);
    // Closed: the next ask opens a new one, and the closed one is no longer the room view.
    w.destroyed = true;
    w.handlers.closed!();
    expect(room.window()).toBeNull();
    room.onWindowOpen({ url: `${INDEX}#/room`, disposition: TAB });
    expect(made).toHaveLength(2);
  });

  it('opens it for presenter mode without taking the focus from the app window', () => {
    const room = roomWindows({ indexUrl: INDEX, preload: '/p.cjs' });
    expect(room.present()).toBe(true);
    const w = made[0]!;
    expect(w.url).toBe(`${INDEX}#/room`);
    w.handlers['ready-to-show']!();
    expect([w.shown, w.inactive]).toEqual([0, 1]);
    expect(room.present()).toBe(false);
    expect([w.shown, w.inactive, made.length]).toEqual([0, 2, 1]);
  });

  it('opens a normal window with one display, and other links in the system browser', () => {
    const room = roomWindows({ indexUrl: INDEX, preload: '/p.cjs' });
    room.onWindowOpen({ url: `${INDEX}#/room`, disposition: TAB });
    expect(made[0]!.options).toMatchObject({ width: 1280, height: 720 });
    expect(made[0]!.options.fullscreen).toBeUndefined();
    expect(room.onWindowOpen({ url: 'https://example.com/help', disposition: TAB })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/help');
    // Not a link's scheme: denied, not handed to the system.
    room.onWindowOpen({ url: 'file:///etc/passwd', disposition: TAB });
    room.onWindowOpen({ url: 'smb://host/share', disposition: TAB });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(made).toHaveLength(1);
  });
});

describe('the full-screen call', () => {
  const frame = { url: `${INDEX}#/meeting`, parent: null };
  function bound() {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        handlers.set(channel, fn),
    };
    const app = { sender: 'app' };
    const win = {
      destroyed: false,
      full: false,
      isDestroyed: () => win.destroyed,
      setFullScreen: (on: boolean) => (win.full = on),
    };
    bindPresenterIpc(ipcMain as never, {
      indexUrl: INDEX,
      windowOf: (sender) => (sender === (app.sender as never) ? win : null),
    });
    return { fn: handlers.get(FULL_SCREEN_CHANNEL)!, win };
  }

  it("sets the sender's window full screen and back", async () => {
    const { fn, win } = bound();
    await expect(fn({ sender: 'app', senderFrame: frame }, true)).resolves.toBe(true);
    expect(win.full).toBe(true);
    await expect(fn({ sender: 'app', senderFrame: frame }, false)).resolves.toBe(true);
    expect(win.full).toBe(false);
    // Only a boolean: anything else is an error naming the argument, and nothing changes.
    await expect(fn({ sender: 'app', senderFrame: frame }, 'yes')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input', where: { field: '0' } },
    });
    expect(win.full).toBe(false);
  });

  it('refuses any other sender, a frame not on the app page, and a destroyed window', async () => {
    const { fn, win } = bound();
    const refused = { ok: false, error: { code: 'usage' } };
    await expect(fn({ sender: 'a page elsewhere', senderFrame: frame }, true)).resolves.toMatchObject(refused);
    await expect(
      fn({ sender: 'app', senderFrame: { url: 'https://example.com/', parent: null } }, true),
    ).resolves.toMatchObject(refused);
    await expect(fn({ sender: 'app', senderFrame: { ...frame, parent: {} } }, true)).resolves.toMatchObject(refused);
    expect(win.full).toBe(false);
    win.destroyed = true;
    await expect(fn({ sender: 'app', senderFrame: frame }, true)).resolves.toBe(false);
    expect(win.full).toBe(false);
  });
});
