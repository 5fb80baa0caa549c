// `planroom scenario`: list, show, create, set, duplicate, delete, compare and choose scenarios of
// a cycle, over the same API calls as the app. Levers are written as text ("capacity
// resource=WC-P1-001 how=overtime hours=40 cost=45 from=2026-W50 to=2027-W02"), as JSON, or
// read from a JSON file.
import type { ApiOutput, ScenarioInfoT } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import type { NumberStyle } from '../../shared/domain/numberFormat';
import { FIGURES, formatDelta, formatFigure } from '../../shared/planning/figures';
import { LEVER_KINDS } from '../../shared/planning/levers';
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
import { readJsonFile } from '../jsonFile';
import { cycleNumberStyle, money } from './format';
import { reportFileOut, writeFileOut } from './fileOut';

/** Short names the lever text may use for the contract's fields, by lever kind. */
const ALIASES: Record<string, Record<string, string>> = {
  capacity: { hours: 'hoursPerPeriod', cost: 'costPerHour' },
  expedite: { days: 'daysFaster', cost: 'costPerUnit' },
  prebuild: { earlier: 'periodsEarlier' },
};
const NUMERIC = new Set([
  'percent',
  'hoursPerPeriod',
  'costPerHour',
  'daysFaster',
  'costPerUnit',
  'value',
  'periodsEarlier',
  'share',
]);

/** "kind key=value ..." or a JSON object, as the contract's lever input (the service validates it). */
export function parseLever(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as Record<string, unknown>;
    } catch (e) {
      throw usage(`--lever ${trimmed}: not valid JSON (${(e as Error).message})`);
    }
  }
  const [kind, ...pairs] = trimmed.split(/\s+/);
  if (!kind || !(LEVER_KINDS as readonly string[]).includes(kind)) {
    throw usage(`--lever "${text}": start with the kind, one of ${LEVER_KINDS.join(', ')}`);
  }
  const lever: Record<string, unknown> = { kind };
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usage(`--lever "${text}": "${pair}" is not key=value`);
    const key = ALIASES[kind]?.[pair.slice(0, at)] ?? pair.slice(0, at);
    const raw = pair.slice(at + 1);
    lever[key] = key === 'orders' ? raw.split(',').filter(Boolean) : NUMERIC.has(key) ? Number(raw) : raw;
  }
  return lever;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : v === undefined ? [] : [String(v)]);

/** The levers given: --levers FILE, or each --lever. */
function leversOf(v: Record<string, unknown>): unknown[] | undefined {
  if (typeof v.levers === 'string') {
    const json = readJsonFile(
      v.levers,
      'Write a JSON array of levers, as `planroom scenario show NAME --json` prints.',
    );
    if (!Array.isArray(json)) throw usage(`--levers ${v.levers}: the file must hold a JSON array of levers`);
    return json as unknown[];
  }
  const given = list(v.lever);
  return given.length ? given.map(parseLever) : undefined;
}

/** Scenarios by id or by name in the cycle, read from one listing. */
async function find(io: Io, v: Record<string, unknown>, refs: (string | undefined)[]): Promise<ScenarioInfoT[]> {
  if (refs.length === 0 || refs.some((r) => !r)) throw usage('name or id of the scenario required');
  const all = await callApi(io, v, 'scenario.list', { cycleId: optionalNumber(v, 'cycle') });
  return refs.map((ref) => {
    const hit = /^\d+$/.test(ref!)
      ? all.scenarios.find((s) => s.id === Number(ref))
      : all.scenarios.find((s) => s.name === ref);
    if (!hit) {
      throw new AppError('not_found', `No scenario "${ref}" in this cycle.`, {
        hint: all.scenarios.length
          ? `Its scenarios: ${all.scenarios.map((s) => s.name).join(', ')}.`
          : 'Create one with planroom scenario create NAME --owner WHO.',
      });
    }
    return hit;
  });
}

/** One scenario by id or name. */
async function findOne(io: Io, v: Record<string, unknown>, ref: string | undefined): Promise<ScenarioInfoT> {
  return (await find(io, v, [ref]))[0]!;
}

/** A scenario as the answer of a command: JSON with --json, else its levers as text. */
function showScenario(io: Io, v: Record<string, unknown>, s: ScenarioInfoT): number {
  if (v.json) io.out(JSON.stringify(s, null, 2));
  else printScenario(io, s);
  return EXIT.ok;
}

function printScenario(io: Io, s: ScenarioInfoT): void {
  io.out(
    `#${s.id} ${s.name}  owner ${s.owner}${s.chosen ? `  CHOSEN in decision "${s.chosen.title}" (${s.chosen.uid})` : ''}`,
  );
  if (s.assumptions) io.out(`assumptions: ${s.assumptions}`);
  if (s.leverText.length === 0) io.out('no levers: the baseline');
  s.leverText.forEach((t, i) => io.out(`  ${i + 1}. ${t}`));
  io.out(`updated ${s.updatedAt}${s.updatedBy ? ` by ${s.updatedBy}` : ''}`);
}

function printComparison(io: Io, r: ApiOutput<'scenario.compare'>, style: NumberStyle): void {
  const names = ['Baseline', ...r.scenarios.map((s) => s.scenario.name)];
  const width = 26;
  io.out(['figure'.padEnd(28), ...names.map((n) => n.slice(0, width).padStart(width))].join(' '));
  for (const f of FIGURES) {
    const cells = [formatFigure(f.unit, r.baseline.figures[f.id], style)];
    for (const { outcome } of r.scenarios) {
      cells.push(
        `${formatFigure(f.unit, outcome.figures[f.id], style)} (${formatDelta(f.unit, outcome.deltas[f.id], style)})`,
      );
    }
    io.out([f.label.padEnd(28), ...cells.map((c) => c.padStart(width))].join(' '));
  }
  for (const { scenario, outcome } of r.scenarios) {
    io.out('');
    io.out(`${scenario.name}: computed in ${outcome.computeMs} ms${outcome.incremental ? ' (incremental)' : ''}`);
    for (const e of outcome.resolved.slice(0, 5))
      io.out(`  resolves ${e.type} ${e.subject} (${money(e.valueAtRisk, style)})`);
    for (const e of outcome.added.slice(0, 5))
      io.out(`  raises   ${e.type} ${e.subject} (${money(e.valueAtRisk, style)})`);
  }
}

/** Whatever every subcommand reads from the flags: who acts, in which cycle, and JSON output. */
function context(v: Record<string, unknown>, io: Io) {
  return {
    by: String(v.as),
    cycleId: optionalNumber(v, 'cycle'),
    json: (x: unknown) => io.out(JSON.stringify(x, null, 2)),
  };
}

export const scenarioVerb: Verb = subcommandVerb('scenario', {
  summary: "The cycle's scenarios: levers on the baseline, compared in money; choose one as a decision",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    ...asOption,
    name: { type: 'string' },
    owner: { type: 'string' },
    assumptions: { type: 'string' },
    lever: { type: 'string', multiple: true },
    'add-lever': { type: 'string', multiple: true },
    'clear-levers': { type: 'boolean', default: false },
    levers: { type: 'string' },
    title: { type: 'string' },
    rationale: { type: 'string' },
    due: { type: 'string' },
    kpi: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  default: 'list',
  subs: {
    list: {
      usage: '',
      async run(v, _args, io) {
        const { cycleId, json } = context(v, io);
        const r = await callApi(io, v, 'scenario.list', { cycleId });
        if (v.json) return (json(r), EXIT.ok);
        io.out(`horizon ${r.horizon.from}..${r.horizon.to} (${r.horizon.periods} periods), shared by every scenario`);
        for (const s of r.scenarios) {
          io.out(
            `#${String(s.id).padEnd(4)} ${s.name.padEnd(30)} ${s.owner.padEnd(16)} ${String(s.levers.length).padStart(2)} lever(s)${s.chosen ? '  CHOSEN' : ''}`,
          );
        }
        if (r.scenarios.length === 0)
          io.out('no scenarios yet: planroom scenario create NAME --owner WHO --lever "..."');
        return EXIT.ok;
      },
    },
    show: {
      usage: 'NAME',
      args: 1,
      async run(v, [ref], io) {
        const s = await findOne(io, v, ref);
        return showScenario(io, v, s);
      },
    },
    create: {
      usage: 'NAME --owner WHO [--assumptions TEXT] [--lever "KIND key=value ..."]... [--levers FILE]',
      args: 1,
      async run(v, [name], io) {
        const { by, cycleId } = context(v, io);
        if (!name) throw usage('scenario create NAME: the name is required');
        if (typeof v.owner !== 'string') throw usage('--owner is required: every scenario has a named owner');
        const s = await callApi(io, v, 'scenario.create', {
          cycleId,
          name,
          owner: v.owner,
          assumptions: v.assumptions as string | undefined,
          levers: leversOf(v) ?? [],
          by,
        });
        return showScenario(io, v, s);
      },
    },
    set: {
      usage:
        'NAME [--name NEW] [--owner WHO] [--assumptions TEXT] [--lever L]... [--add-lever L]... [--clear-levers] [--levers FILE]',
      args: 1,
      async run(v, [ref], io) {
        const { by } = context(v, io);
        const s = await findOne(io, v, ref);
        let levers = v['clear-levers'] ? [] : leversOf(v);
        const add = list(v['add-lever']).map(parseLever);
        if (add.length) levers = [...(levers ?? s.levers), ...add];
        const r = await callApi(io, v, 'scenario.update', {
          id: s.id,
          name: v.name as string | undefined,
          owner: v.owner as string | undefined,
          assumptions: v.assumptions as string | undefined,
          levers,
          by,
        });
        return showScenario(io, v, r);
      },
    },
    duplicate: {
      usage: 'NAME [--name NEW]',
      args: 1,
      async run(v, [ref], io) {
        const { by } = context(v, io);
        const s = await findOne(io, v, ref);
        const r = await callApi(io, v, 'scenario.duplicate', { id: s.id, name: v.name as string | undefined, by });
        return showScenario(io, v, r);
      },
    },
    delete: {
      usage: 'NAME',
      args: 1,
      async run(v, [ref], io) {
        const { by } = context(v, io);
        const s = await findOne(io, v, ref);
        const r = await callApi(io, v, 'scenario.delete', { id: s.id, by });
        io.out(v.json ? JSON.stringify(r) : `deleted scenario "${s.name}"`);
        return EXIT.ok;
      },
    },
    compare: {
      usage: 'NAME NAME [NAME NAME]',
      args: 4,
      async run(v, refs, io) {
        const { cycleId, json } = context(v, io);
        if (refs.length < 1) throw usage('scenario compare takes 1 to 4 scenarios (2 to compare them)');
        const ids = (await find(io, v, refs)).map((s) => s.id);
        const r = await callApi(io, v, 'scenario.compare', { cycleId, ids });
        if (v.json) return (json(r), EXIT.ok);
        printComparison(io, r, await cycleNumberStyle(io, v, r.cycleId));
        return EXIT.ok;
      },
    },
    workbook: {
      usage: 'NAME [NAME NAME NAME] [--out FILE] [--force]',
      args: 4,
      async run(v, refs, io) {
        const { cycleId } = context(v, io);
        if (refs.length < 1) throw usage('scenario workbook takes 1 to 4 scenarios');
        const ids = (await find(io, v, refs)).map((s) => s.id);
        const file = await callApi(io, v, 'scenario.workbook', { cycleId, ids });
        const path = writeFileOut(file, v.out as string | undefined, v.force === true);
        io.out(reportFileOut(path, file, v.json === true));
        return EXIT.ok;
      },
    },
    choose: {
      usage: 'NAME [--title T] [--rationale T] [--owner WHO] [--due DATE|fri|+2w] [--kpi ID]',
      args: 1,
      async run(v, [ref], io) {
        const { by, json } = context(v, io);
        const s = await findOne(io, v, ref);
        const r = await callApi(io, v, 'scenario.choose', {
          id: s.id,
          by,
          title: v.title as string | undefined,
          rationale: v.rationale as string | undefined,
          owner: v.owner as string | undefined,
          due: v.due as string | undefined,
          kpiId: v.kpi as never,
        });
        if (v.json) return (json(r), EXIT.ok);
        io.out(
          `decision #${r.decision.priorityRank} "${r.decision.title}" recorded (${r.decision.uid}), owner ${r.decision.owner}`,
        );
        io.out(`answers ${r.exceptionKeys.length} exception(s) of the baseline`);
        const style = await cycleNumberStyle(io, v, optionalNumber(v, 'cycle'));
        for (const e of r.expectations) {
          const f = FIGURES.find((x) => x.id === e.figure)!;
          io.out(
            `  ${f.label.padEnd(28)} ${formatFigure(f.unit, e.baseline, style).padStart(14)} -> ${formatFigure(f.unit, e.expected, style)}`,
          );
        }
        return EXIT.ok;
      },
    },
  },
  commonUsage: [
    ` levers: demand_lift percent=10 [family=F] [region=R] [from=W] [to=W]; capacity resource=R how=overtime|extra_shift hours=H cost=C [from=W] [to=W];`,
    `   expedite lane=L|orders=O1,O2 days=D cost=C [mode=air]; safety_stock policy=scale|weeks_of_cover value=V [family=F] [abc=A] [location=L];`,
    `   prebuild resource=R from=W to=W earlier=N [share=100] [family=F]   [--as NAME] [--cycle N] [--db FILE] [--json]`,
  ].join(' '),
});
