// `planroom kpis`: the five KPIs with their trend against the previous cycle, their definitions,
// and changing a KPI's owner, triggers and playbook.
import type { ApiInput, ApiOutput } from '../../shared/api';
import {
  breachWords,
  formatMetric,
  formatMetricChange,
  metricFace,
  triggerWords,
} from '../../shared/planning/kpiFormat';
import type { TriggerT } from '../../shared/planning/settings';
import type { NumberStyle } from '../../shared/domain/numberFormat';
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
import { cycleNumberStyle } from './format';

export const kpisVerb: Verb = subcommandVerb('kpis', {
  summary: 'The five KPIs with their trend; change owner, triggers and playbook',
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    ...asOption,
    kpi: { type: 'string' },
    by: { type: 'string' },
    owner: { type: 'string' },
    trigger: { type: 'string', multiple: true },
    breached: { type: 'boolean', default: false },
    offset: { type: 'string' },
    limit: { type: 'string' },
    playbook: { type: 'string' },
  },
  default: 'list',
  subs: {
    list: {
      usage: '[--kpi ID] [--by total|family|resource|lane] [--breached] [--offset N] [--limit N]',
      async run(v, _args, io) {
        const r = await callApi(io, v, 'kpi.list', {
          cycleId: optionalNumber(v, 'cycle'),
          kpi: v.kpi as ApiInput<'kpi.list'>['kpi'],
          dimension: (v.by as ApiInput<'kpi.list'>['dimension']) ?? 'total',
          breached: v.breached === true,
          offset: optionalNumber(v, 'offset'),
          limit: optionalNumber(v, 'limit'),
        });
        if (v.json) io.out(JSON.stringify(r, null, 2));
        else printKpis(io, r, await cycleNumberStyle(io, v, optionalNumber(v, 'cycle')));
        return EXIT.ok;
      },
    },
    definitions: {
      usage: '',
      async run(v, _args, io) {
        const defs = await callApi(io, v, 'kpi.definitions', {});
        if (v.json) io.out(JSON.stringify(defs, null, 2));
        else {
          for (const d of defs) {
            io.out(`${d.id.padEnd(22)} ${d.ownerRole.padEnd(14)} ${formatTriggers(d.triggers)}`);
            io.out(`${''.padEnd(22)} playbook: ${d.playbook}`);
          }
        }
        return EXIT.ok;
      },
    },
    set: {
      usage: 'ID [--owner ROLE] [--trigger "otif<0.95"]... [--playbook TEXT]',
      args: 1,
      async run(v, [id], io) {
        if (!id) throw usage('kpis set ID: the KPI id is required (see planroom kpis definitions)');
        const triggers = (v.trigger as string[] | undefined)?.map(parseTrigger);
        const d = await callApi(io, v, 'kpi.saveDefinition', {
          id: id as 'service_level',
          ownerRole: v.owner as string | undefined,
          triggers,
          playbook: v.playbook as string | undefined,
          by: String(v.as),
        });
        io.out(v.json ? JSON.stringify(d, null, 2) : `${d.id} saved: ${d.ownerRole}; ${formatTriggers(d.triggers)}`);
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--as NAME] [--cycle N] [--db FILE] [--json]',
});

/** A KPI's triggers as the user writes them: "otif < 0.95 or fill_rate < 0.9". */
/** Each trigger in words, with the expression `--trigger` takes: "OTIF below 95.0% (otif<0.95)". */
const formatTriggers = (triggers: TriggerT[]): string =>
  triggers.map((t) => `${triggerWords(t)} (${t.metric}${t.op}${t.value})`).join(' or ');

/** "otif<0.95" or "abs_bias >= 0.1" as a trigger. */
function parseTrigger(text: string): { metric: string; op: string; value: number } {
  const m = /^\s*([a-z_]+)\s*(<=|>=|<|>)\s*(-?[0-9.]+)\s*$/.exec(text);
  if (!m || !Number.isFinite(Number(m[3])))
    throw usage(`--trigger "${text}": write it as metric<value, e.g. "otif<0.95"`);
  return { metric: m[1]!, op: m[2]!, value: Number(m[3]) };
}

/** One line per KPI value with its trend and breach, then its window and why figures have no data. */
function printKpis(io: Io, r: ApiOutput<'kpi.list'>, style: NumberStyle): void {
  io.out(
    `${'kpi'.padEnd(22)} ${'group'.padEnd(16)} ${'figures'.padEnd(52)} ${`vs ${r.previousCycle ?? 'no previous cycle'}`}`,
  );
  for (const k of r.rows) {
    const figures = Object.entries(k.metrics)
      .map(([m, x]) => `${metricFace(m).label} ${formatMetric(m, x, 'no data', style)}`)
      .join(', ');
    const trend = k.previous
      ? Object.entries(k.metrics)
          .map(([m, x]) => {
            const change = formatMetricChange(m, x, k.previous?.[m], style);
            return change === null ? null : `${metricFace(m).label} ${change}`;
          })
          .filter(Boolean)
          .join(', ')
      : '-';
    const breach =
      k.breached.length > 0
        ? `  BREACH ${k.breached.map((b) => breachWords(b, style)).join(', ')} -> ${k.ownerRole}`
        : '';
    io.out(`${k.kpiId.padEnd(22)} ${k.group.padEnd(16)} ${figures.padEnd(52)} ${trend}${breach}`);
    io.out(`${''.padEnd(22)} window: ${k.window.label}`);
    // One line per reason: figures that share it are named together.
    const reasons = new Map<string, string[]>();
    for (const [m, why] of Object.entries(k.noData)) reasons.set(why, [...(reasons.get(why) ?? []), m]);
    for (const [why, metrics] of reasons) io.out(`${''.padEnd(22)} no data (${metrics.join(', ')}): ${why}`);
  }
  if (r.total > r.rows.length) io.out(`${r.rows.length} of ${r.total} KPI value(s)`);
}
