// The Theme select at the foot of the navigation: System (follow the OS), Light or Dark. A plain
// labelled <select>, so the keyboard (Tab, arrows) and screen readers work as with any other.
import { setThemeChoice, THEME_CHOICES, useThemeChoice, type ThemeChoiceT } from '../theme';

const LABEL: Record<ThemeChoiceT, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeChoice() {
  const choice = useThemeChoice();
  return (
    <label className="theme-choice">
      <span>Theme</span>
      <select value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoiceT)}>
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABEL[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
