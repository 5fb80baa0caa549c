// Every keyboard shortcut of the app in one list: the `?` dialog renders it, so a new key is
// added here once and shown to the facilitator. The handlers live where the keys act (useRoute,
// CaptureHost, ExceptionList, MeetingRun, DecisionList, the presenter); this list says what
// they do and where, in words.
import { ROUTES } from './routes';

export interface Shortcut {
  /** The keys as shown, e.g. ['PageDown', '.']: any of them does it. */
  keys: readonly string[];
  what: string;
}

export interface ShortcutGroup {
  /** Where the keys work. */
  where: string;
  shortcuts: readonly Shortcut[];
}

export const PRESENTER_KEY = 'f';
export const ROOM_VIEW_KEY = 'w';
export const SHORTCUTS_KEY = '?';

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    where: 'Anywhere (not while typing in a field)',
    shortcuts: [
      ...ROUTES.map((r) => ({ keys: [r.key], what: `Go to ${r.label}` })),
      { keys: ['n'], what: 'Record a decision' },
      { keys: [PRESENTER_KEY], what: 'Presenter mode on or off (full screen, large type, no navigation)' },
      { keys: [ROOM_VIEW_KEY], what: 'Open the room view in a second window' },
      { keys: [SHORTCUTS_KEY], what: 'This list of shortcuts' },
      { keys: ['Escape'], what: 'Close the open dialog or detail; else leave presenter mode' },
    ],
  },
  {
    where: 'Agenda, while the meeting runs',
    shortcuts: [
      { keys: ['PageDown', '.'], what: 'Next agenda item' },
      { keys: ['PageUp', ','], what: 'Previous agenda item' },
    ],
  },
  {
    where: 'Agenda editor (Edit agenda)',
    shortcuts: [
      { keys: ['Alt+ArrowUp', 'Alt+ArrowDown'], what: 'Move the item up or down' },
      { keys: ['Ctrl+Enter'], what: 'Save the agenda' },
      { keys: ['Escape'], what: 'Cancel the edits (or close the template confirm)' },
    ],
  },
  {
    where: 'Exceptions list',
    shortcuts: [
      { keys: ['j', 'ArrowDown'], what: 'Next exception' },
      { keys: ['k', 'ArrowUp'], what: 'Previous exception' },
      { keys: ['Home', 'End'], what: 'First or last exception' },
      { keys: ['Enter'], what: 'Open or close the detail' },
      { keys: ['r'], what: 'Mark reviewed' },
      { keys: ['p'], what: 'Park as a data issue (owner and deadline asked in place)' },
      { keys: ['d'], what: 'Decide: the decision form for it' },
      { keys: ['s'], what: 'Open the scenarios for it' },
      { keys: ['Escape'], what: 'Close the detail, back to its row' },
    ],
  },
  {
    where: 'Decisions list',
    shortcuts: [
      { keys: ['j', 'ArrowDown'], what: 'Next decision' },
      { keys: ['k', 'ArrowUp'], what: 'Previous decision' },
      { keys: ['[', 'Alt+ArrowUp'], what: 'Move the decision up in priority' },
      { keys: [']', 'Alt+ArrowDown'], what: 'Move the decision down in priority' },
      { keys: ['Enter'], what: 'Open the decision' },
      { keys: ['Escape'], what: 'Close it' },
    ],
  },
];

/** Every key listed, for a check that a handled key is in the list. */
export function listedKeys(): Set<string> {
  return new Set(SHORTCUTS.flatMap((g) => g.shortcuts.flatMap((s) => s.keys)));
}
