// A labelled folder path field with, in the desktop app, a "Choose folder…" button that opens the
// system's folder dialog and fills the field (window.planroom.pickFolder). In browser mode there
// is no dialog to open: the field alone, as wide as before. The input is named by `label` alone
// (aria-label), so the button inside the <label> does not become part of the field's name.
import { useState, type InputHTMLAttributes, type ReactNode } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'aria-label'>;

export function FolderInput({
  label,
  labelClassName,
  what,
  value,
  onChange,
  children,
  ...input
}: InputProps & {
  label: string;
  labelClassName?: string;
  /** What the folder is for: the dialog's title and the button's accessible name. */
  what: string;
  value: string;
  onChange(value: string): void;
  /** Under the field, inside the label: its error or help line. */
  children?: ReactNode;
}) {
  const bridge = window.planroom;
  const [picking, setPicking] = useState(false);

  async function pick(): Promise<void> {
    if (!bridge) return;
    setPicking(true);
    try {
      const path = await bridge.pickFolder({ title: what, defaultPath: value.trim() || undefined });
      if (path) onChange(path);
    } catch {
      // The dialog could not open: the path can still be typed.
    } finally {
      setPicking(false);
    }
  }

  return (
    <label className={labelClassName}>
      {label}
      <span className="folder-input">
        <input {...input} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
        {bridge?.pickFolder && (
          <button
            type="button"
            onClick={() => void pick()}
            disabled={input.disabled || picking}
            aria-label={`Choose folder… for ${what}`}
          >
            Choose folder…
          </button>
        )}
      </span>
      {children}
    </label>
  );
}
