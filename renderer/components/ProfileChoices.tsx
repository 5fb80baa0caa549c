// The choices of a profile's value format, as [value, what a person reads] pairs, and one
// labelled select over them: the profile editor and the onboarding flow offer the same lists.
import type { SourceProfile } from '../../shared/domain/profile';

export const DELIMITERS: [SourceProfile['csv']['delimiter'], string][] = [
  ['auto', 'detect'],
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];
export const ENCODINGS: [SourceProfile['csv']['encoding'], string][] = [
  ['auto', 'detect'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252'],
];
export const DECIMALS: [SourceProfile['format']['decimal'], string][] = [
  ['.', 'point 1.5'],
  [',', 'comma 1,5'],
];
export const THOUSANDS: [SourceProfile['format']['thousands'], string][] = [
  ['', 'none'],
  [',', '1,234'],
  ['.', '1.234'],
  [' ', '1 234'],
  ["'", "1'234"],
];

/** A labelled select over a fixed list of [value, text] choices. */
export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={text} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The four choices of how a source's files are read: delimiter, encoding, decimal and thousands separators. */
export function ValueFormatChoices({
  profile,
  onCsv,
  onFormat,
}: {
  profile: SourceProfile;
  onCsv: (patch: Partial<SourceProfile['csv']>) => void;
  onFormat: (patch: Partial<SourceProfile['format']>) => void;
}) {
  return (
    <>
      <Choice
        label="Delimiter"
        value={profile.csv.delimiter}
        options={DELIMITERS}
        onChange={(delimiter) => onCsv({ delimiter })}
      />
      <Choice
        label="Encoding"
        value={profile.csv.encoding}
        options={ENCODINGS}
        onChange={(encoding) => onCsv({ encoding })}
      />
      <Choice
        label="Decimal separator"
        value={profile.format.decimal}
        options={DECIMALS}
        onChange={(decimal) => onFormat({ decimal })}
      />
      <Choice
        label="Thousands separator"
        value={profile.format.thousands}
        options={THOUSANDS}
        onChange={(thousands) => onFormat({ thousands })}
      />
    </>
  );
}
