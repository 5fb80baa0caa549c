// Light and dark: the user's choice (System, the default, or Light or Dark) kept in localStorage
// and set as data-theme on <html>, where styles.css picks the colours: "system" follows
// prefers-color-scheme, "light" and "dark" override it. main.tsx applies it before React renders,
// so the first paint already has the right colours. The charts draw on a canvas, which cannot
// read CSS variables, so they subscribe here and rebuild when the theme in effect changes.
import { useSyncExternalStore } from 'react';
import {
  readStoredChoice,
  resolveTheme,
  THEME_STORAGE_KEY,
  type ThemeChoiceT,
  type ResolvedTheme,
} from './themeChoice';

export { THEME_CHOICES, type ThemeChoiceT, type ResolvedTheme } from './themeChoice';

/** Sent on window when the choice changes (matchMedia sends its own for the OS's). */
const CHANGED = 'planroom:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The choice kept in this browser profile (Electron's too). */
export const readThemeChoice = (): ThemeChoiceT => readStoredChoice(safeStorage());

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Sets data-theme on <html>; called before the first paint and on every change. */
export function applyThemeChoice(choice: ThemeChoiceT, root: HTMLElement = document.documentElement): void {
  root.setAttribute('data-theme', choice);
}

/**
 * At start-up, before React renders: the stored choice on <html>, and from then on the choice
 * made in another window of the app (the presenter's laptop window and the room view share it).
 */
export function startTheme(): void {
  applyThemeChoice(readThemeChoice());
  window.addEventListener('storage', (e) => {
    if (e.key !== THEME_STORAGE_KEY && e.key !== null) return;
    applyThemeChoice(readThemeChoice());
    window.dispatchEvent(new Event(CHANGED));
  });
}

/** Keeps and applies a new choice, and tells the charts. A refused write still applies it. */
export function setThemeChoice(choice: ThemeChoiceT): void {
  try {
    safeStorage()?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage full or refused: the choice holds for this window only.
  }
  applyThemeChoice(choice);
  window.dispatchEvent(new Event(CHANGED));
}

const osDark = (): boolean => typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;

function subscribe(onChange: () => void): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  media?.addEventListener('change', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    media?.removeEventListener('change', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The user's choice, kept in step with the Theme select and other windows. */
export function useThemeChoice(): ThemeChoiceT {
  return useSyncExternalStore(subscribe, () => readThemeChoice());
}

/** The theme in effect, for what draws its own colours (the charts). */
export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribe, () => resolveTheme(readThemeChoice(), osDark()));
}
