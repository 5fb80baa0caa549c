// The window's own background follows the OS's light or dark setting, so the instant before the
// page paints (and any resize) shows the page's colour, not a white flash in dark mode or a dark
// one in light mode. The renderer's CSS does the rest through prefers-color-scheme; the theme
// source stays 'system', so the OS setting is the one switch.

/** The page's background in each scheme (renderer/styles.css, body: var(--page)). */
export const WINDOW_BACKGROUND = { light: '#f1f5f9', dark: '#0f172a' } as const;

export const windowBackground = (dark: boolean): string => WINDOW_BACKGROUND[dark ? 'dark' : 'light'];

/** What is needed of Electron's nativeTheme. */
export interface ThemeLike {
  shouldUseDarkColors: boolean;
  themeSource: 'system' | 'light' | 'dark';
  on(event: 'updated', listener: () => void): unknown;
}

export interface Paintable {
  isDestroyed(): boolean;
  setBackgroundColor(color: string): void;
}

/** Keeps every open window's background on the OS's scheme; returns the colour for a new window. */
export function followTheme(theme: ThemeLike, windows: () => readonly Paintable[]): () => string {
  theme.themeSource = 'system';
  theme.on('updated', () => {
    const color = windowBackground(theme.shouldUseDarkColors);
    for (const w of windows()) if (!w.isDestroyed()) w.setBackgroundColor(color);
  });
  return () => windowBackground(theme.shouldUseDarkColors);
}
