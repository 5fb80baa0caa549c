// What the capture form reads from its fields before anything is sent: the owner suggestion a
// typed prefix picks, the priority as typed, and whether a key press is someone typing. Pure, so
// the few keys the form promises are checked by unit tests, not only end to end.
import type { ApiInput, ApiOutput } from '../../../shared/api';

export type OwnerSuggestion = ApiOutput<'decision.owners'>['suggestions'][number];
export type Priority = NonNullable<ApiInput<'decision.add'>['priority']>;

/** Most suggestions shown under the owner field at once. */
export const MAX_SUGGESTIONS = 8;

/**
 * Suggestions for what is typed, in the server's order (attendees, KPI owner roles, past owners):
 * names that start with the text first, then names with a word that starts with it. Empty text
 * lists the first ones, so the field shows who is in the room before a key is pressed.
 */
export function matchOwners(all: readonly OwnerSuggestion[], text: string): OwnerSuggestion[] {
  const t = text.trim().toLowerCase();
  if (!t) return all.slice(0, MAX_SUGGESTIONS);
  const starts = all.filter((s) => s.name.toLowerCase().startsWith(t));
  const words = all.filter(
    (s) =>
      !starts.includes(s) &&
      s.name
        .toLowerCase()
        .split(/[\s,./()-]+/)
        .some((w) => w.startsWith(t)),
  );
  return [...starts, ...words].slice(0, MAX_SUGGESTIONS);
}

/** The text is already one of the names (any case): Tab or Enter keeps it as it is. */
export const isKnownOwner = (all: readonly OwnerSuggestion[], text: string): boolean =>
  all.some((s) => s.name.toLowerCase() === text.trim().toLowerCase());

/** What Tab or Enter leaves in the owner field: the first match of a prefix, else the text. */
export function resolveOwner(all: readonly OwnerSuggestion[], text: string): string {
  if (!text.trim() || isKnownOwner(all, text)) return text;
  return matchOwners(all, text)[0]?.name ?? text;
}

/**
 * The priority as typed: empty is the bottom (the default), `top` or `t` the top, a whole number
 * a rank (1 = top); null when it reads as neither.
 */
export function readPriority(text: string): Priority | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'bottom' || t === 'b') return 'bottom';
  if (t === 'top' || t === 't') return 'top';
  if (/^\d{1,5}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 10_000 ? n : null;
  }
  return null;
}

export const PRIORITY_HINT = 'a rank from 1 (the top), "top", or leave it empty for the bottom';

/** A key press meant for a field (typing), not a shortcut: inputs, text areas, selects, editable text. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as { closest?: (sel: string) => unknown } | null;
  return Boolean(el?.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])'));
}
