// `planroom decisions`: the cycle's decision priority log from the command line (list, show, add,
// set, move, history, and the calendar of open decisions), over the same API calls as the app.
// Every text a person typed (a title, an owner, a comment) is shown escaped and cut, as it may
// hold anything.
import type { ApiInput, ApiOutput } from '../../shared/api';
import {
  AGENDA_FUNCTIONS,
  DECISION_STATUSES,
  type DecisionEvent,
  type DecisionInfo,
  type DecisionStatus,
} from '../../shared/calls/decisions';
import { shownName } from '../../shared/domain/displayName';
import { parseDue } from '../../shared/domain/dueDate';
import { cutInput } from '../../shared/domain/errors';
import type { NumberStyle } from '../../shared/domain/numberFormat';
import { KPI_AIM } from '../../shared/planning/decisionAim';
import { FIGURES, formatFigure } from '../../shared/planning/figures';
import type { KpiId } from '../../shared/planning/settings';
import type { z } from 'zod';
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
import { reportFileOut, writeFileOut } from './fileOut';
import { cycleNumberStyle } from './format';

type Info = z.output<typeof DecisionInfo>;
type Event = z.output<typeof DecisionEvent>;

/** A person's text in a table cell or a line: escaped, cut to `max`. */
const text = (s: string, max = 60): string => shownName(cutInput(s, max), max + 10);

/** `--status agreed,in progress`: the statuses, with spaces and hyphens read as `_`. */
function statusesOf(value: unknown): DecisionStatus[] | undefined {
  if (value === undefined) return undefined;
  return String(value)
    .split(',')
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .filter(Boolean)
    .map((s) => {
      if (!(DECISION_STATUSES as readonly string[]).includes(s)) {
        throw usage(`--status "${shownName(s, 40)}": one of ${DECISION_STATUSES.join(', ')}`);
      }
      return s as DecisionStatus;
    });
}

function statusOf(value: unknown): DecisionStatus | undefined {
  const all = statusesOf(value);
  if (all && all.length !== 1) throw usage(`--status takes one of ${DECISION_STATUSES.join(', ')}`);
  return all?.[0];
}

function functionOf(value: unknown): (typeof AGENDA_FUNCTIONS)[number] | undefined {
  if (value === undefined) return undefined;
  const f = String(value).toLowerCase();
  if (!(AGENDA_FUNCTIONS as readonly string[]).includes(f)) {
    throw usage(`--function "${shownName(String(value), 40)}": one of ${AGENDA_FUNCTIONS.join(', ')}`);
  }
  return f as (typeof AGENDA_FUNCTIONS)[number];
}

/** The decision's id, the subcommand's one argument. */
function idOf(ref: string | undefined): number {
  if (ref === undefined) throw usage('the decision id is required (planroom decisions list shows them)');
  if (!/^\d{1,15}$/.test(ref) || Number(ref) === 0) {
    throw usage(`the decision id must be a whole number (1, 2, 3...), not "${shownName(ref, 40)}"`);
  }
  return Number(ref);
}

/** `--priority 3|top|bottom` where a new decision goes. */
function priorityOf(value: unknown): ApiInput<'decision.add'>['priority'] {
  if (value === undefined) return undefined;
  const p = String(value).toLowerCase();
  if (p === 'top' || p === 'bottom') return p;
  if (/^\d{1,5}$/.test(p) && Number(p) >= 1) return Number(p);
  throw usage(`--priority "${shownName(String(value), 40)}": a rank (1 = top), top or bottom`);
}

/** `--to 2|top|bottom|up|down` where a decision moves. */
function targetOf(value: unknown): ApiInput<'decision.move'>['to'] {
  if (value === undefined) throw usage('--to N|top|bottom|up|down is required');
  const t = String(value).toLowerCase();
  if (t === 'top' || t === 'bottom' || t === 'up' || t === 'down') return t;
  if (/^\d{1,5}$/.test(t) && Number(t) >= 1) return Number(t);
  throw usage(`--to "${shownName(String(value), 40)}": a rank (1 = top), top, bottom, up or down`);
}

/** `--expected 0.95`; `none` (or empty) clears it. */
function expectedOf(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  const t = String(value).trim();
  if (t === '' || t.toLowerCase() === 'none') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw usage(`--expected "${shownName(t, 40)}": a number (0.95, 1200), or none to clear it`);
  return n;
}

/** "Service level" with its expected value in the KPI's unit: "Service level -> 96.0%". */
function kpiText(d: Info): string {
  if (!d.kpi) return d.expectedValue === null ? '-' : `expected ${d.expectedValue}`;
  const figure = FIGURES.find((f) => f.id === KPI_AIM[d.kpi!.id as KpiId]?.figure);
  const expected =
    d.expectedValue === null
      ? ''
      : ` -> ${figure ? formatFigure(figure.unit, d.expectedValue) : String(d.expectedValue)}`;
  return `${text(d.kpi.name, 30)}${expected}`;
}

const dueText = (d: Info): string => (d.dueDate ? `${d.dueDate}${d.overdue ? ' OVERDUE' : ''}` : 'no due date');

function printTable(io: Io, decisions: readonly Info[]): void {
  const row = (cells: string[]) => io.out(cells.join('  ').trimEnd());
  const widths = [4, 5, 11, 18, 20, 40];
  const pad = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padStart(4) : c.padEnd(widths[i] ?? 0)));
  row(pad(['rank', 'id', 'status', 'due', 'owner', 'title', 'KPI -> expected']));
  for (const d of decisions) {
    row(
      pad([String(d.priorityRank), `#${d.id}`, d.status, dueText(d), text(d.owner, 20), text(d.title, 40), kpiText(d)]),
    );
  }
}

/** A value of a history change: "none" for no value, a person's text escaped and cut. */
function valueText(x: unknown): string {
  if (x === null || x === undefined || x === '') return 'none';
  if (typeof x === 'string') return `"${text(x, 60)}"`;
  return text(JSON.stringify(x), 60);
}

function eventLine(e: Event): string {
  const changes = e.changes.map((c) => `${c.field} ${valueText(c.from)} -> ${valueText(c.to)}`).join('; ');
  const comment = e.comment ? `  comment "${text(e.comment, 200)}"` : '';
  return `  ${String(e.seq).padStart(3)}. ${e.at}  ${e.kind.padEnd(12)} by ${text(e.actor, 40)}${changes ? `  ${changes}` : ''}${comment}`;
}

function printDetail(io: Io, d: ApiOutput<'decision.get'>, style: NumberStyle): void {
  io.out(`decision #${d.id} "${text(d.title, 200)}" (${d.uid})`);
  io.out(`  rank ${d.priorityRank} in ${text(d.cycleName, 60)}   status ${d.status}${d.overdue ? '   OVERDUE' : ''}`);
  io.out(`  owner ${text(d.owner, 80)}   due ${d.dueDate ?? 'no due date'}`);
  io.out(`  aims at ${kpiText(d)}${d.function ? `   function ${d.function}` : ''}`);
  if (d.scenario) io.out(`  chose scenario "${text(d.scenario.name, 80)}"`);
  for (const e of d.exceptions)
    io.out(`  answers ${e.type ?? 'exception'} ${text(e.subject, 80)} (${text(e.key, 80)})`);
  if (d.carriedFrom) io.out(`  carried over from ${text(d.carriedFrom.name, 60)}`);
  if (d.rationale) io.out(`  rationale: ${text(d.rationale, 400)}`);
  io.out(`  recorded by ${text(d.recordedBy, 60)} at ${d.recordedAt}, updated ${d.updatedAt}`);
  if (d.expectations.length) {
    io.out('expectations (baseline -> expected):');
    for (const x of d.expectations) {
      const f = FIGURES.find((g) => g.id === x.figure);
      // A figure without data says so, never a dash or 0.
      const fmt = (v: number | null) => (v === null ? 'no data' : f ? formatFigure(f.unit, v, style) : String(v));
      io.out(`  ${(f?.label ?? x.figure).padEnd(28)} ${fmt(x.baseline).padStart(14)} -> ${fmt(x.expected)}`);
    }
  }
  io.out('history:');
  for (const e of d.history) io.out(eventLine(e));
}

/** `--due-before DATE`: an ISO date as it is, else read as a due date against the cycle's today. */
async function dueBeforeOf(io: Io, v: Record<string, unknown>, cycleId?: number): Promise<string | undefined> {
  const value = v['due-before'];
  if (value === undefined) return undefined;
  const t = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const { cycle } = await callApi(io, v, 'decision.list', { cycleId });
  const date = parseDue(t, cycle.today);
  if (date === null) throw usage(`--due-before "${shownName(cutInput(t, 40), 50)}": a date (2026-12-04), fri, +2w...`);
  return date;
}

function context(v: Record<string, unknown>, io: Io) {
  return {
    by: String(v.as),
    cycleId: optionalNumber(v, 'cycle'),
    json: (x: unknown) => io.out(JSON.stringify(x, null, 2)),
  };
}

const optText = (v: Record<string, unknown>, flag: string): string | undefined =>
  typeof v[flag] === 'string' ? (v[flag] as string) : undefined;

export const decisionsVerb: Verb = subcommandVerb('decisions', {
  summary: "The cycle's decision priority log: list, record, change, rank, history, calendar",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    ...asOption,
    status: { type: 'string' },
    owner: { type: 'string' },
    function: { type: 'string' },
    'due-before': { type: 'string' },
    search: { type: 'string' },
    due: { type: 'string' },
    priority: { type: 'string' },
    rationale: { type: 'string' },
    kpi: { type: 'string' },
    exception: { type: 'string', multiple: true },
    title: { type: 'string' },
    expected: { type: 'string' },
    comment: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  default: 'list',
  subs: {
    list: {
      usage: '[--status S[,S]] [--owner WHO] [--function F] [--due-before DATE] [--search TEXT]',
      async run(v, _args, io) {
        const { cycleId, json } = context(v, io);
        const input: ApiInput<'decision.list'> = {
          cycleId,
          status: statusesOf(v.status),
          owner: optText(v, 'owner'),
          function: functionOf(v.function),
          q: optText(v, 'search'),
        };
        input.dueBefore = await dueBeforeOf(io, v, cycleId);
        const r = await callApi(io, v, 'decision.list', input);
        if (v.json) return (json(r), EXIT.ok);
        io.out(`${text(r.cycle.name, 60)} (cycle ${r.cycle.cycleId}), today ${r.cycle.today} in ${r.cycle.timeZone}`);
        if (r.total === 0) {
          io.out('no decisions in this cycle yet: planroom decisions add TITLE --owner WHO [--due fri]');
        } else if (r.decisions.length === 0) {
          io.out(`none match the filters (${r.total} decision(s) in the cycle)`);
        } else {
          printTable(io, r.decisions);
          io.out(`${r.decisions.length} of ${r.total} decision(s)`);
        }
        return EXIT.ok;
      },
    },
    show: {
      usage: 'ID',
      args: 1,
      async run(v, [ref], io) {
        const { cycleId, json } = context(v, io);
        const d = await callApi(io, v, 'decision.get', { id: idOf(ref), cycleId });
        if (v.json) return (json(d), EXIT.ok);
        printDetail(io, d, await cycleNumberStyle(io, v, cycleId));
        return EXIT.ok;
      },
    },
    add: {
      usage:
        'TITLE --owner WHO [--due fri|+2w|DATE] [--priority N|top|bottom] [--rationale T] [--kpi ID] [--exception KEY]...',
      args: 1,
      async run(v, [title], io) {
        const { by, cycleId, json } = context(v, io);
        if (title === undefined || title.trim() === '') throw usage('decisions add TITLE: the title is required');
        const owner = optText(v, 'owner');
        if (owner === undefined) throw usage('--owner WHO is required: every decision has a named owner');
        const exceptions = (v.exception as string[] | undefined) ?? [];
        const d = await callApi(io, v, 'decision.add', {
          cycleId,
          title,
          owner,
          due: optText(v, 'due'),
          priority: priorityOf(v.priority),
          rationale: optText(v, 'rationale'),
          kpiId: v.kpi as ApiInput<'decision.add'>['kpiId'],
          exceptionKeys: exceptions.length ? exceptions : undefined,
          by,
        });
        if (v.json) return (json(d), EXIT.ok);
        io.out(
          `decision #${d.id} "${text(d.title, 80)}" recorded at rank ${d.priorityRank}, owner ${text(d.owner, 40)}, due ${d.dueDate ?? 'no due date'} (${d.uid})`,
        );
        return EXIT.ok;
      },
    },
    set: {
      usage: 'ID [--status S] [--owner WHO] [--due D] [--title T] [--expected X|none] [--rationale T] [--comment T]',
      args: 1,
      async run(v, [ref], io) {
        const { by, cycleId, json } = context(v, io);
        const id = idOf(ref);
        const input: ApiInput<'decision.set'> = {
          id,
          cycleId,
          status: statusOf(v.status),
          owner: optText(v, 'owner'),
          due: optText(v, 'due'),
          title: optText(v, 'title'),
          expectedValue: expectedOf(v.expected),
          rationale: optText(v, 'rationale'),
          comment: optText(v, 'comment'),
          by,
        };
        const given = Object.entries(input).filter(([k, x]) => x !== undefined && !['id', 'cycleId', 'by'].includes(k));
        if (given.length === 0) {
          throw usage('say what to change: --status, --owner, --due, --title, --expected, --rationale or --comment');
        }
        const before = await callApi(io, v, 'decision.get', { id, cycleId });
        const d = await callApi(io, v, 'decision.set', input);
        if (v.json) return (json(d), EXIT.ok);
        const added = d.history.filter((e) => e.seq > (before.history.at(-1)?.seq ?? 0));
        if (added.length === 0) io.out(`decision #${d.id}: nothing changed`);
        else {
          io.out(`decision #${d.id} "${text(d.title, 80)}":`);
          for (const e of added) io.out(eventLine(e));
        }
        return EXIT.ok;
      },
    },
    move: {
      usage: 'ID --to N|top|bottom|up|down',
      args: 1,
      async run(v, [ref], io) {
        const { by, cycleId, json } = context(v, io);
        const id = idOf(ref);
        const to = targetOf(v.to);
        const r = await callApi(io, v, 'decision.move', { id, cycleId, to, by });
        if (v.json) return (json(r), EXIT.ok);
        const rank = r.order.find((o) => o.id === id)?.priorityRank;
        io.out(`decision #${id} is at rank ${rank} of ${r.order.length}`);
        io.out(`order: ${r.order.map((o) => `#${o.id}`).join(' ')}`);
        return EXIT.ok;
      },
    },
    history: {
      usage: 'ID',
      args: 1,
      async run(v, [ref], io) {
        const { json } = context(v, io);
        const events = await callApi(io, v, 'decision.history', { id: idOf(ref) });
        if (v.json) return (json(events), EXIT.ok);
        for (const e of events) io.out(eventLine(e));
        return EXIT.ok;
      },
    },
    ics: {
      usage: '[--out FILE] [--force]',
      async run(v, _args, io) {
        const { cycleId } = context(v, io);
        const file = await callApi(io, v, 'decision.ics', { cycleId });
        // The path alone (or its details with --json), as the other file-writing verbs print it.
        io.out(reportFileOut(writeFileOut(file, optText(v, 'out'), Boolean(v.force)), file, Boolean(v.json)));
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--as NAME] [--cycle N] [--db FILE] [--json]',
});
