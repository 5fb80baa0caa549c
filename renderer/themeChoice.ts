// The theme choice's pure part (no DOM, so the unit tests run it under Node): the choices, where
// the choice is kept, how a stored value is read, and which theme a choice means.
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoiceT = (typeof THEME_CHOICES)[number];
export type ResolvedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'planroom.theme';

/** What of localStorage is read here (a fake in the tests). */
export interface ChoiceStorage {
  getItem(key: string): string | null;
}

const isChoice = (v: unknown): v is ThemeChoiceT => THEME_CHOICES.includes(v as ThemeChoiceT);

/** The stored choice; "system" when none, an unknown value, or storage is refused (privacy mode). */
export function readStoredChoice(storage: ChoiceStorage | undefined): ThemeChoiceT {
  try {
    const v = storage?.getItem(THEME_STORAGE_KEY);
    return isChoice(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

/** The theme in effect: the choice, or the OS's when the choice is "system". */
export function resolveTheme(choice: ThemeChoiceT, osDark: boolean): ResolvedTheme {
  return choice === 'system' ? (osDark ? 'dark' : 'light') : choice;
}
