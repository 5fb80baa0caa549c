// The agenda editor's working copy: rows as typed (minutes kept as text, so a wrong entry can be
// shown and refused rather than silently turned into a number), moves, and the check that turns
// them into the agenda.save items. Pure, so the editor component only wires it to the page.
import type { ApiInput, MeetingStateT } from '../../../shared/api';
import type { AgendaFunction } from '../../../shared/calls/meeting';
import { MAX_ITEM_MINUTES, MIN_ITEM_MINUTES } from '../../../shared/calls/meeting';

type Draft = ApiInput<'agenda.save'>['items'][number];

export interface DraftRow {
  /** Stable for React and focus: `id:12` for a saved item, `new:3` for one added here. */
  key: string;
  id?: number;
  title: string;
  function: AgendaFunction;
  ownerRole: string;
  minutes: string;
}

export const rowsOf = (s: Pick<MeetingStateT, 'items'>): DraftRow[] =>
  s.items.map((i) => ({
    key: `id:${i.id}`,
    id: i.id,
    title: i.title,
    function: i.function,
    ownerRole: i.ownerRole,
    minutes: String(i.minutes),
  }));

/** What to type instead, for a time box that is not whole minutes in the bounds; null when fine. */
export function minutesProblem(text: string): string | null {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t) && Number(t) >= MIN_ITEM_MINUTES && Number(t) <= MAX_ITEM_MINUTES) return null;
  return `Type whole minutes from ${MIN_ITEM_MINUTES} to ${MAX_ITEM_MINUTES} (for example 15).`;
}

export const titleProblem = (text: string): string | null =>
  text.trim() === '' ? 'Type a title: what the room discusses.' : null;

export const ownerProblem = (text: string): string | null =>
  text.trim() === '' ? 'Type the role that leads the item (Sales, Operations…).' : null;

export type Field = 'title' | 'ownerRole' | 'minutes';

/** Every row's first problem, in order: the field to focus and what to say. */
export function problemsOf(rows: readonly DraftRow[]): { key: string; field: Field; message: string }[] {
  const out: { key: string; field: Field; message: string }[] = [];
  for (const r of rows) {
    const checks: [Field, string | null][] = [
      ['title', titleProblem(r.title)],
      ['ownerRole', ownerProblem(r.ownerRole)],
      ['minutes', minutesProblem(r.minutes)],
    ];
    for (const [field, message] of checks) if (message) out.push({ key: r.key, field, message });
  }
  return out;
}

/** The rows as agenda.save items, positions 1, 2, 3… in their order (call only without problems). */
export const draftsOf = (rows: readonly DraftRow[]): Draft[] =>
  rows.map((r, i) => ({
    id: r.id,
    position: i + 1,
    title: r.title.trim(),
    function: r.function,
    ownerRole: r.ownerRole.trim(),
    minutes: Number(r.minutes.trim()),
  }));

/** The row at `from` moved by one place up (-1) or down (+1); the same list at either end. */
export function moved<T>(rows: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row!);
  return next;
}

/** The total of the time boxes typed so far; a row still wrong counts nothing. */
export const totalMinutes = (rows: readonly DraftRow[]): number =>
  rows.reduce((n, r) => n + (minutesProblem(r.minutes) ? 0 : Number(r.minutes.trim())), 0);
