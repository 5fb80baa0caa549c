// The inputs lever forms are made of: a number kept as typed, a select of the cycle's keys
// (with "any" standing for null) and a select of the horizon's periods.
import { useEffect, useState } from 'react';

interface Common {
  label: string;
  /** The field the server named in its error: marked for the eye and for screen readers. */
  invalid?: boolean;
}

/** A number input that keeps the text while it is typed ("-", "1."); NaN when empty or not a number. */
export function NumberInput({
  label,
  value,
  onChange,
  step = 'any',
  invalid,
}: Common & { value: number; onChange: (n: number) => void; step?: number | 'any' }) {
  const [text, setText] = useState(Number.isFinite(value) ? String(value) : '');
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : Number.isFinite(value) ? String(value) : t));
  }, [value]);
  return (
    <label>
      {label}
      <input
        type="number"
        aria-label={label}
        step={step}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === '' ? NaN : Number(e.target.value));
        }}
      />
    </label>
  );
}

/** A select over the cycle's keys; with `any`, an empty choice that means null (no filter). */
export function KeySelect({
  label,
  value,
  options,
  onChange,
  any,
  invalid,
}: Common & { value: string | null; options: readonly string[]; onChange: (v: string | null) => void; any?: string }) {
  // A stored key the snapshot set no longer holds still shows, so saving does not change it silently.
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <label>
      {label}
      <select
        value={value ?? ''}
        aria-label={label}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        {(any !== undefined || !value) && <option value="">{any ?? 'Choose…'}</option>}
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PeriodSelect({
  label,
  value,
  periods,
  onChange,
  open,
  invalid,
}: Common & { value: string | null; periods: string[]; onChange: (v: string | null) => void; open?: string }) {
  return <KeySelect label={label} value={value} options={periods} onChange={onChange} any={open} invalid={invalid} />;
}
