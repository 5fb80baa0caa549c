// `planroom agenda`: the cycle's agenda from the command line: show it, replace it with the
// monthly or quarterly template, change one item (title, owner, time box, place), add or remove
// one, or save a whole agenda from a JSON file (`agenda show --json` writes one to start from).
// Every change is one agenda.save of the whole list, as the app's editor saves it.
import type { ApiInput, MeetingStateT } from '../../shared/api';
import { AGENDA_FUNCTIONS } from '../../shared/calls/decisions';
import { AGENDA_TEMPLATES, MAX_ITEM_MINUTES, MIN_ITEM_MINUTES } from '../../shared/calls/meeting';
import { shownName } from '../../shared/domain/displayName';
import { AppError } from '../../shared/domain/errors';
import { readJsonFile } from '../jsonFile';
import {
  asOption,
  callApi,
  common,
  cycleOption,
  dbOption,
  EXIT,
  optionalNumber,
  subcommandVerb,
  usage,
  type Io,
  type Verb,
} from './core';
import { agendaLines } from './meetingText';

type Draft = ApiInput<'agenda.save'>['items'][number];
type AgendaFunction = (typeof AGENDA_FUNCTIONS)[number];

const FILE_HINT = 'Start from `planroom agenda show --json > agenda.json`: a list of items in their order.';

/** The saved agenda as drafts in its order, positions 1, 2, 3... */
const draftsOf = (s: MeetingStateT): Draft[] =>
  s.items.map(({ id, title, function: fn, ownerRole, minutes }, i) => ({
    id,
    position: i + 1,
    title,
    function: fn,
    ownerRole,
    minutes,
  }));

const renumber = (items: Draft[]): Draft[] => items.map((d, i) => ({ ...d, position: i + 1 }));

/** `ITEM`: an item's number as `planroom agenda show` lists it. */
function itemIndex(ref: string | undefined, items: readonly Draft[], sub: string): number {
  if (ref === undefined)
    throw usage(`agenda ${sub} N: the item's number is required (planroom agenda show lists them)`);
  const n = /^\d{1,5}$/.test(ref) ? Number(ref) : NaN;
  if (!(n >= 1 && n <= items.length)) {
    throw usage(
      `the item number must be 1 to ${items.length} (planroom agenda show lists them), not "${shownName(ref, 40)}"`,
    );
  }
  return n - 1;
}

/** `--minutes 15`: whole minutes in the time box's bounds, else a usage error saying what to type. */
function minutesOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const t = String(value).trim();
  const n = /^\d{1,5}$/.test(t) ? Number(t) : NaN;
  if (!(n >= MIN_ITEM_MINUTES && n <= MAX_ITEM_MINUTES)) {
    throw usage(
      `--minutes "${shownName(t, 40)}": type whole minutes from ${MIN_ITEM_MINUTES} to ${MAX_ITEM_MINUTES} (15, 20...)`,
    );
  }
  return n;
}

function textOf(v: Record<string, unknown>, flag: string): string | undefined {
  const value = v[flag];
  if (value === undefined) return undefined;
  const t = String(value).trim();
  if (t === '') throw usage(`--${flag} must not be empty`);
  return t;
}

function functionOf(value: unknown): AgendaFunction {
  const f = String(value ?? '').toLowerCase();
  if (!(AGENDA_FUNCTIONS as readonly string[]).includes(f)) {
    throw usage(
      value === undefined
        ? `--function F is required: one of ${AGENDA_FUNCTIONS.join(', ')}`
        : `--function "${shownName(String(value), 40)}": one of ${AGENDA_FUNCTIONS.join(', ')}`,
    );
  }
  return f as AgendaFunction;
}

/** `--to 2|top|bottom|up|down`: the index an item at `from` moves to. */
function targetIndex(value: unknown, from: number, count: number): number {
  const t = String(value).toLowerCase();
  if (t === 'top') return 0;
  if (t === 'bottom') return count - 1;
  if (t === 'up') return Math.max(0, from - 1);
  if (t === 'down') return Math.min(count - 1, from + 1);
  if (/^\d{1,5}$/.test(t) && Number(t) >= 1 && Number(t) <= count) return Number(t) - 1;
  throw usage(`--to "${shownName(String(value), 40)}": a place 1 to ${count}, top, bottom, up or down`);
}

/** A whole agenda from a JSON file: a list of items, or an object with `items` (a saved state). */
function draftsFromFile(file: string): Draft[] {
  const data = readJsonFile(file, FILE_HINT);
  const list = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) {
    throw new AppError('invalid_input', `${file} holds no list of agenda items.`, { where: { file }, hint: FILE_HINT });
  }
  // The order in the file is the agenda's order; the contract checks each field.
  return list.map((x, i) => ({ ...(x as Draft), position: i + 1 }));
}

function context(v: Record<string, unknown>) {
  return { cycleId: optionalNumber(v, 'cycle'), by: String(v.as) };
}

async function saved(io: Io, v: Record<string, unknown>): Promise<Draft[]> {
  return draftsOf(await callApi(io, v, 'meeting.state', { cycleId: context(v).cycleId }));
}

/** Saves the whole list and prints the agenda as it now stands. */
async function save(io: Io, v: Record<string, unknown>, items: Draft[]): Promise<number> {
  const s = await callApi(io, v, 'agenda.save', { ...context(v), items: renumber(items) });
  return print(io, v, s, 'saved');
}

function print(io: Io, v: Record<string, unknown>, s: MeetingStateT, what?: string): number {
  if (v.json) {
    io.out(JSON.stringify(draftsOf(s), null, 2));
    return EXIT.ok;
  }
  for (const line of agendaLines(s, s.status !== 'not_started')) io.out(line);
  const total = s.items.reduce((n, i) => n + i.minutes, 0);
  io.out(`${what ? `${what}: ` : ''}${s.items.length} item(s), ${total} min`);
  return EXIT.ok;
}

export const agendaVerb: Verb = subcommandVerb('agenda', {
  summary: "The cycle's agenda: show, apply a template, change, add or remove items",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    ...asOption,
    title: { type: 'string' },
    owner: { type: 'string' },
    minutes: { type: 'string' },
    function: { type: 'string' },
    to: { type: 'string' },
    at: { type: 'string' },
    file: { type: 'string' },
  },
  default: 'show',
  subs: {
    show: {
      usage: '',
      async run(v, _args, io) {
        return print(io, v, await callApi(io, v, 'meeting.state', { cycleId: context(v).cycleId }));
      },
    },
    template: {
      usage: AGENDA_TEMPLATES.join('|'),
      args: 1,
      async run(v, [name], io) {
        if (!(AGENDA_TEMPLATES as readonly (string | undefined)[]).includes(name)) {
          throw usage(
            name === undefined
              ? `agenda template NAME: one of ${AGENDA_TEMPLATES.join(', ')}`
              : `unknown template "${shownName(name, 40)}": one of ${AGENDA_TEMPLATES.join(', ')}`,
          );
        }
        const template = name as (typeof AGENDA_TEMPLATES)[number];
        const s = await callApi(io, v, 'agenda.applyTemplate', { ...context(v), template });
        return print(io, v, s, `the ${template} template`);
      },
    },
    set: {
      usage: 'N [--title T] [--owner ROLE] [--minutes M] [--to N|top|bottom|up|down] | agenda set --file FILE.json|-',
      args: 1,
      async run(v, [ref], io) {
        if (v.file !== undefined) {
          if (ref !== undefined) throw usage('give an item number or --file, not both');
          return save(io, v, draftsFromFile(String(v.file)));
        }
        const change = { title: textOf(v, 'title'), ownerRole: textOf(v, 'owner'), minutes: minutesOf(v.minutes) };
        if (Object.values(change).every((x) => x === undefined) && v.to === undefined) {
          throw usage(
            'say what to change: --title, --owner, --minutes or --to (or --file FILE.json for the whole agenda)',
          );
        }
        const items = await saved(io, v);
        const from = itemIndex(ref, items, 'set');
        const given = Object.fromEntries(Object.entries(change).filter(([, x]) => x !== undefined));
        const item = { ...items[from]!, ...given };
        items.splice(from, 1);
        items.splice(v.to === undefined ? from : targetIndex(v.to, from, items.length + 1), 0, item);
        return save(io, v, items);
      },
    },
    add: {
      usage: 'TITLE --function F --owner ROLE --minutes M [--at N]',
      args: 1,
      async run(v, [title], io) {
        if (title === undefined || title.trim() === '') throw usage('agenda add TITLE: the title is required');
        const fn = functionOf(v.function);
        const ownerRole = textOf(v, 'owner');
        if (ownerRole === undefined) throw usage('--owner ROLE is required: every item has an owner role');
        const minutes = minutesOf(v.minutes);
        if (minutes === undefined) throw usage(`--minutes M is required: whole minutes from 1 to ${MAX_ITEM_MINUTES}`);
        const items = await saved(io, v);
        const at = v.at === undefined ? items.length : targetIndex(v.at, items.length, items.length + 1);
        items.splice(at, 0, { position: at + 1, title: title.trim(), function: fn, ownerRole, minutes });
        return save(io, v, items);
      },
    },
    remove: {
      usage: 'N',
      args: 1,
      async run(v, [ref], io) {
        const items = await saved(io, v);
        items.splice(itemIndex(ref, items, 'remove'), 1);
        return save(io, v, items);
      },
    },
  },
  commonUsage: '[--as NAME] [--cycle N] [--db FILE] [--json]',
});
