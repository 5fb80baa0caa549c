// The meeting run as the CLI prints it: the current item with its time box and the time taken or
// over in words, then every item with its actual minutes. Pure, from the state alone (its `now`
// is the server's clock), so a test pins it with a made-up state instead of waiting on time.
import type { MeetingStateT, RunItemT } from '../../shared/api';
import { shownName } from '../../shared/domain/displayName';
import { cutInput } from '../../shared/domain/errors';

/** A person's text on a line: escaped, cut to `max`. */
export const agendaText = (s: string, max = 60): string => shownName(cutInput(s, max), max + 10);

/** Whole minutes in words: "under 1 min", "1 min", "12 min". */
export function minutesWords(minutes: number): string {
  if (minutes < 1) return 'under 1 min';
  return `${Math.floor(minutes)} min`;
}

/** Minutes on the item so far: its closed visits plus the one under way at `now`. */
export function minutesOn(item: RunItemT, now: string): number {
  const open = item.openSince ? Math.max(0, Date.parse(now) - Date.parse(item.openSince)) / 60_000 : 0;
  return (item.actualMinutes ?? 0) + open;
}

/** "4 min left of 15", "+3 min over the 15 min box": the overrun in words, not only a number. */
export function timeBoxWords(item: RunItemT, now: string): string {
  const spent = minutesOn(item, now);
  const left = item.minutes - spent;
  if (left >= 0) return `${minutesWords(spent)} on it, ${minutesWords(left)} left of ${item.minutes} min`;
  return `${minutesWords(spent)} on it, +${Math.ceil(-left)} min over the ${item.minutes} min time box`;
}

/** What an item that is not on now shows in the table. */
function actualWords(item: RunItemT, s: MeetingStateT): string {
  if (item.id === s.currentItemId && s.status === 'running') return `on now, ${minutesWords(minutesOn(item, s.now))}`;
  if (item.actualMinutes === null) return 'not yet';
  return `${minutesWords(item.actualMinutes)} taken`;
}

/** The meeting's head line: not started, running for N min, or ended after N min. */
function statusLine(s: MeetingStateT): string {
  if (s.status === 'not_started' || !s.startedAt) return 'meeting not started';
  const end = s.endedAt ?? s.now;
  const minutes = Math.max(0, Date.parse(end) - Date.parse(s.startedAt)) / 60_000;
  return s.status === 'running'
    ? `meeting running since ${s.startedAt}, ${minutesWords(minutes)} so far`
    : `meeting ended at ${s.endedAt}: ${minutesWords(minutes)} in all`;
}

/** The whole run as lines of text. */
export function runLines(s: MeetingStateT): string[] {
  const lines = [statusLine(s)];
  const current = s.items.find((i) => i.id === s.currentItemId);
  if (s.status === 'running' && current) {
    lines.push(
      `now: ${current.position}. ${agendaText(current.title, 80)} (${agendaText(current.ownerRole, 30)}): ${timeBoxWords(current, s.now)}`,
    );
  }
  lines.push(...agendaLines(s, s.status !== 'not_started'));
  const planned = s.items.reduce((n, i) => n + i.minutes, 0);
  const taken = s.items.reduce((n, i) => n + (i.actualMinutes ?? 0), 0);
  lines.push(
    s.status === 'not_started'
      ? `${s.items.length} item(s), ${planned} min planned`
      : `${s.items.length} item(s), ${planned} min planned, ${minutesWords(taken)} recorded`,
  );
  return lines;
}

/** The agenda as a table: position, title, owner role, time box (and what each took, once run). */
export function agendaLines(s: MeetingStateT, withActual: boolean): string[] {
  const row = (cells: string[]) => cells.join('  ').trimEnd();
  const head = ['  #', 'item'.padEnd(56), 'owner'.padEnd(22), 'box'.padStart(7)];
  const lines = [row(withActual ? [...head, 'actual'] : head)];
  for (const i of s.items) {
    const mark = i.id === s.currentItemId && s.status === 'running' ? '>' : ' ';
    const cells = [
      `${mark}${String(i.position).padStart(2)}`,
      agendaText(i.title, 56).padEnd(56),
      agendaText(i.ownerRole, 22).padEnd(22),
      `${i.minutes} min`.padStart(7),
    ];
    lines.push(row(withActual ? [...cells, actualWords(i, s)] : cells));
  }
  return lines;
}
