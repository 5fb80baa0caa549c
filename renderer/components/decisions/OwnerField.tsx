// The owner of a decision as a combobox: the cycle's attendees, then the KPI owner roles, then
// past owners, filtered by what is typed. A prefix and Tab (or Enter) takes the first match, so
// "co" + Tab is "COO": two keys, not three and a pointer.
import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { isKnownOwner, matchOwners, type OwnerSuggestion } from './captureFields';

export function OwnerField({
  value,
  onChange,
  onLeaveBeforeLoaded,
  suggestions,
  error,
  inputRef,
}: {
  value: string;
  onChange: (owner: string) => void;
  /** Tab or Enter left a prefix: the form picks its first match once the suggestions are in. */
  onLeaveBeforeLoaded: () => void;
  suggestions: readonly OwnerSuggestion[];
  /** Why the owner was refused, shown under the field. */
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // The highlighted option; -1: none (empty text, or arrows moved off the list).
  const [active, setActive] = useState(-1);
  const matches = matchOwners(suggestions, value);
  const known = isKnownOwner(suggestions, value);
  const shown = open && matches.length > 0 && !(known && matches.length === 1);
  // With a prefix typed, the first match is the one Tab or Enter takes unless arrows chose another.
  const picked = active >= 0 ? active : value.trim() && !known ? 0 : -1;
  const why = suggestions.find((s) => s.name.toLowerCase() === value.trim().toLowerCase())?.why;

  function pick(i: number): void {
    const s = matches[i];
    if (s) onChange(s.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if ((e.key === 'Tab' || e.key === 'Enter') && value.trim() && !known && matches.length === 0) {
      onLeaveBeforeLoaded();
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = matches.length;
      if (n === 0) return;
      const from = picked < 0 ? (e.key === 'ArrowDown' ? -1 : n) : picked;
      setActive((from + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter' && shown && picked >= 0 && matches[picked]!.name !== value) {
      // Enter takes the suggestion; the next Enter saves the form.
      e.preventDefault();
      pick(picked);
    } else if (e.key === 'Tab' && !e.shiftKey && picked >= 0 && value.trim() && !known) {
      // Tab takes the suggestion and goes on to the due date (no preventDefault).
      pick(picked);
    } else if (e.key === 'Escape' && shown) {
      // The first Escape closes the list, the next one the form.
      e.preventDefault();
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const noteId = `${id}-note`;
  return (
    <div className="owner-field">
      <label htmlFor={`${id}-input`}>Owner</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && picked >= 0 ? `${id}-opt-${picked}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId}
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder="who carries it out"
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Owner suggestions" className="owner-list" hidden={!shown}>
        {matches.map((s, i) => (
          <li
            key={s.name}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === picked}
            // Keep the focus in the field: a click picks without a blur closing the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(i);
            }}
          >
            <span>{s.name}</span>
            <span className="muted small">{s.why}</span>
          </li>
        ))}
      </ul>
      <p id={noteId} className={`field-note${error ? ' field-error' : ''}`} role={error ? 'alert' : undefined}>
        {error ?? why ?? (suggestions.length ? 'type a few letters, Tab takes the first' : '\u00a0')}
      </p>
    </div>
  );
}
