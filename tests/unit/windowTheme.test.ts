// The window background follows the OS scheme (electron/shell/theme.ts) with a fake nativeTheme:
// the colour for a new window matches the scheme at creation; a switch repaints the open windows
// (not a closed one); the theme source is left to the system.
import { describe, expect, it, vi } from 'vitest';
import { followTheme, WINDOW_BACKGROUND, type ThemeLike } from '../../electron/shell/theme';

function fakeTheme(dark: boolean) {
  let listener: () => void = () => undefined;
  const theme: ThemeLike & { flip(dark: boolean): void } = {
    shouldUseDarkColors: dark,
    themeSource: 'light',
    on: (_e, l) => (listener = l),
    flip(next) {
      this.shouldUseDarkColors = next;
      listener();
    },
  };
  return theme;
}

describe('followTheme', () => {
  it('paints new windows and repaints open ones in the scheme of the moment', () => {
    const theme = fakeTheme(true);
    const open = { isDestroyed: () => false, setBackgroundColor: vi.fn() };
    const closed = { isDestroyed: () => true, setBackgroundColor: vi.fn() };
    const background = followTheme(theme, () => [open, closed]);
    expect(theme.themeSource).toBe('system');
    expect(background()).toBe(WINDOW_BACKGROUND.dark);
    theme.flip(false);
    expect(open.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUND.light);
    expect(background()).toBe(WINDOW_BACKGROUND.light);
    theme.flip(true);
    expect(open.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUND.dark);
    expect(closed.setBackgroundColor).not.toHaveBeenCalled();
  });
});
