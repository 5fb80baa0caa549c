// Presenter mode and the projector (electron/shell/presenterDisplay.ts): with a second display the
// mode opens the room view there and the app window goes full screen for the facilitator; leaving
// the mode closes a room view the mode opened, not one opened by hand; with one display only the
// app window goes full screen.
import { describe, expect, it, vi } from 'vitest';
import { presenterFullScreen } from '../../electron/shell/presenterDisplay';

function setup(displays: number, roomAlreadyOpen = false) {
  const win = { full: false, isDestroyed: () => false, setFullScreen: vi.fn((on: boolean) => (win.full = on)) };
  let open = roomAlreadyOpen;
  const room = {
    present: vi.fn(() => {
      const made = !open;
      open = true;
      return made;
    }),
    close: vi.fn(() => (open = false)),
    isOpen: () => open,
  };
  return { win, room, fs: presenterFullScreen(win, room, () => displays) };
}

describe('presenterFullScreen', () => {
  it('puts the room view on the second display and takes it away after', () => {
    const { win, room, fs } = setup(2);
    fs.setFullScreen(true);
    expect(win.full).toBe(true);
    expect(room.isOpen()).toBe(true);
    fs.setFullScreen(false);
    expect(win.full).toBe(false);
    expect(room.close).toHaveBeenCalledOnce();
    expect(room.isOpen()).toBe(false);
  });

  it('leaves a room view opened by hand open', () => {
    const { room, fs } = setup(2, true);
    fs.setFullScreen(true);
    fs.setFullScreen(false);
    expect(room.close).not.toHaveBeenCalled();
    expect(room.isOpen()).toBe(true);
  });

  it('opens no room view with one display', () => {
    const { win, room, fs } = setup(1);
    fs.setFullScreen(true);
    expect(win.full).toBe(true);
    expect(room.present).not.toHaveBeenCalled();
    fs.setFullScreen(false);
    expect(room.close).not.toHaveBeenCalled();
  });
});
