// `planroom exceptions`: the cycle's exceptions ranked by value at risk: lists them, rolls them
// up by item, family, resource or lane, shows and reviews one, and recomputes them.
import type { ApiInput, ApiOutput } from '../../shared/api';
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
import { cycleNumberStyle, formatCounts, money } from './format';
import { formatDecimal, type NumberStyle } from '../../shared/domain/numberFormat';
import { factLabel, factValue } from '../../shared/planning/exceptionFacts';
import { seriesSummary } from '../../shared/planning/exceptionSeriesText';
import { breachWords, formatMetric, metricFace } from '../../shared/planning/kpiFormat';

/** The filter flags, read by every subcommand (so a bad --offset is refused by all alike). */
function filterOf(v: Record<string, unknown>) {
  return {
    cycleId: optionalNumber(v, 'cycle'),
    type: v.type as ApiInput<'exception.list'>['type'],
    sku: v.sku as string | undefined,
    family: v.family as string | undefined,
    resource: v.resource as string | undefined,
    lane: v.lane as string | undefined,
    ownerRole: v.owner as string | undefined,
    offset: optionalNumber(v, 'offset'),
    limit: optionalNumber(v, 'limit'),
  };
}

const needKey = (sub: string, key: string | undefined): string => {
  if (!key) throw usage(`exceptions ${sub} KEY: the key is required (see planroom exceptions)`);
  return key;
};

export const exceptionsVerb: Verb = subcommandVerb('exceptions', {
  summary: "The cycle's exceptions ranked by value at risk: list, roll up, show, series, review",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    ...asOption,
    type: { type: 'string' },
    sku: { type: 'string' },
    family: { type: 'string' },
    resource: { type: 'string' },
    lane: { type: 'string' },
    owner: { type: 'string' },
    status: { type: 'string' },
    resolved: { type: 'boolean', default: false },
    by: { type: 'string' },
    note: { type: 'string' },
    offset: { type: 'string' },
    limit: { type: 'string' },
  },
  default: 'list',
  subs: {
    list: {
      usage:
        '[--type T] [--sku S] [--family F] [--resource R] [--lane L] [--owner ROLE] [--status new|reviewed|actioned|dismissed] [--resolved] [--offset N] [--limit N]',
      async run(v, _args, io) {
        const page = await callApi(io, v, 'exception.list', {
          ...filterOf(v),
          reviewStatus: v.status as ApiInput<'exception.list'>['reviewStatus'],
          includeResolved: v.resolved === true,
        });
        if (v.json) io.out(JSON.stringify(page, null, 2));
        else printExceptions(io, page, await cycleNumberStyle(io, v, page.cycleId));
        return EXIT.ok;
      },
    },
    rollup: {
      usage: '--by item|family|resource|lane [--type T]',
      async run(v, _args, io) {
        const filter = filterOf(v);
        if (typeof v.by !== 'string') throw usage('--by item|family|resource|lane is required');
        const r = await callApi(io, v, 'exception.rollup', { ...filter, by: v.by as 'item' });
        if (v.json) io.out(JSON.stringify(r, null, 2));
        else {
          const style = await cycleNumberStyle(io, v, filter.cycleId);
          io.out(`${v.by.padEnd(22)} ${'count'.padStart(6)} ${'value at risk'.padStart(14)}  by type`);
          for (const g of r.groups) {
            io.out(
              `${g.group.padEnd(22)} ${String(g.count).padStart(6)} ${money(g.valueAtRisk, style).padStart(14)}  ${formatCounts(g.byType)}`,
            );
          }
          io.out(`${r.groups.length} of ${r.total} group(s)`);
        }
        return EXIT.ok;
      },
    },
    show: {
      usage: 'KEY',
      args: 1,
      async run(v, [key], io) {
        const { cycleId } = filterOf(v);
        const e = await callApi(io, v, 'exception.get', { cycleId, key: needKey('show', key) });
        if (v.json) io.out(JSON.stringify(e, null, 2));
        else {
          const style = await cycleNumberStyle(io, v, cycleId);
          io.out(`${e.key}  (${e.type})  value at risk ${money(e.valueAtRisk, style)}`);
          io.out(`review: ${e.reviewStatus}${e.note ? ` - ${e.note}` : ''}${e.reviewedBy ? ` (${e.reviewedBy})` : ''}`);
          io.out(`first seen in: ${e.firstSeen.name}${e.resolvedAt ? `; resolved since ${e.resolvedAt}` : ''}`);
          for (const line of detailLines(e.detail, style)) io.out(line);
        }
        return EXIT.ok;
      },
    },
    series: {
      usage: 'KEY',
      args: 1,
      async run(v, [key], io) {
        const { cycleId } = filterOf(v);
        const s = await callApi(io, v, 'exception.series', { cycleId, key: needKey('series', key) });
        // The chart's text alternative, as the app states it (money in the cycle's currency);
        // --json gives every point.
        if (v.json) io.out(JSON.stringify(s, null, 2));
        else io.out(`${s.key}\n${seriesSummary(s, await cycleNumberStyle(io, v, cycleId))}`);
        return EXIT.ok;
      },
    },
    review: {
      usage: 'KEY --status S [--note TEXT]',
      args: 1,
      async run(v, [key], io) {
        const { cycleId } = filterOf(v);
        if (typeof v.status !== 'string') throw usage('--status new|reviewed|actioned|dismissed is required');
        const e = await callApi(io, v, 'exception.review', {
          cycleId,
          key: needKey('review', key),
          status: v.status as 'new',
          note: v.note as string | undefined,
          by: String(v.as),
        });
        io.out(v.json ? JSON.stringify(e, null, 2) : `${e.key}: ${e.reviewStatus}`);
        return EXIT.ok;
      },
    },
    recompute: {
      usage: '',
      async run(v, _args, io) {
        const { cycleId } = filterOf(v);
        const c = await callApi(io, v, 'engine.recompute', { cycleId });
        io.out(
          v.json
            ? JSON.stringify(c, null, 2)
            : `${c.exceptions} exception(s); load ${c.loadMs} ms, compute ${c.computeMs} ms`,
        );
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--as NAME] [--cycle N] [--db FILE] [--json]',
});

/** The page of exceptions as a table: value at risk, type, review, periods and subject. */
function printExceptions(io: Io, page: ApiOutput<'exception.list'>, style: NumberStyle): void {
  io.out(`${'value at risk'.padStart(14)}  ${'type'.padEnd(24)} ${'review'.padEnd(9)} ${'periods'.padEnd(19)} subject`);
  for (const e of page.rows) {
    const subject = [e.sku && `${e.sku}@${e.location}`, e.orderId, e.resource, e.lane, e.kpiId, e.family]
      .filter(Boolean)
      .join(' ');
    const periods = e.periodFrom ? `${e.periodFrom}..${e.periodTo}` : '';
    const since = e.resolvedAt
      ? ' (resolved)'
      : e.firstSeen.cycleId !== page.cycleId
        ? ` (open since ${e.firstSeen.name})`
        : '';
    io.out(
      `${money(e.valueAtRisk, style).padStart(14)}  ${e.type.padEnd(24)} ${e.reviewStatus.padEnd(9)} ${periods.padEnd(19)} ${subject}${since}`,
    );
  }
  const shown = page.rows.length;
  io.out(
    `${shown} of ${page.total} exception(s), ${money(page.totalValue, style)} at risk in all; computed ${page.computation.computedAt}`,
  );
}

/**
 * An exception's detail as people read it: one "label: value" line per fact (units, money,
 * shares), a KPI breach's figures and the triggers it breaches in words, and one line per
 * breach interval or order line.
 */
function detailLines(d: Record<string, unknown>, style: NumberStyle): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(d)) {
    if (typeof v !== 'object' || v === null) out.push(`${factLabel(k)}: ${factValue(k, v, style)}`);
  }
  if (d.metrics && typeof d.metrics === 'object') {
    for (const [m, x] of Object.entries(d.metrics as Record<string, number | null>))
      out.push(`${metricFace(m).label}: ${formatMetric(m, x, undefined, style)}`);
  }
  if (Array.isArray(d.triggers))
    out.push(`breaches: ${(d.triggers as string[]).map((t) => breachWords(t, style)).join(', ')}`);
  for (const [k, v] of Object.entries(d)) {
    if (!Array.isArray(v) || k === 'triggers') continue;
    for (const row of v as Record<string, unknown>[])
      out.push(
        `${k}: ${Object.entries(row)
          .map(
            ([f, x]) =>
              `${factLabel(f)} ${x === null ? 'none' : typeof x === 'number' ? formatDecimal(x, style) : String(x)}`,
          )
          .join(', ')}`,
      );
  }
  return out;
}
