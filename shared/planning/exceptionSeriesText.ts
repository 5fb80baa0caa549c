// The text alternative of an exception's chart: one sentence with the figures a person reads off
// it (how many weeks, from when to when, the worst week and by how much), in the one number
// format with units: the detail's chart names itself by it, and `planroom exceptions series`
// prints it. The data table behind "Show as table" holds every point.
import type { ExceptionSeriesT } from '../api';
import { formatNumber, formatPercent, type NumberStyle } from '../domain/numberFormat';
import { flaggedSpan, peakWeek } from './exceptionSeries';

type Of<T extends ExceptionSeriesT['type']> = Extract<ExceptionSeriesT, { type: T }>;

/** "3 of 13 weeks, 2026-W49 to 2026-W51" (or "in 2026-W50" for one week). */
function weeksText(span: { count: number; first: string | null; last: string | null }, total: number): string {
  const n = `${span.count} of ${total} ${total === 1 ? 'week' : 'weeks'}`;
  return span.count === 1 ? `${n}, in ${span.first}` : `${n}, ${span.first} to ${span.last}`;
}

/** Lists at most `max` phrases, then says how many more. */
function some(phrases: string[], max = 3): string {
  const shown = phrases.slice(0, max).join('; ');
  return phrases.length > max ? `${shown}; and ${phrases.length - max} more` : shown;
}

export function stockSummary(s: Of<'below_safety_stock'>, style: NumberStyle): string {
  const ss = s.weeks.find((w) => w.safetyStock !== null)?.safetyStock ?? null;
  const units = (x: number | null) => formatNumber('units', x, style);
  const span = flaggedSpan(s.weeks, (w) => w.below);
  if (span.count === 0)
    return `Projected available stock stays at or above the safety stock of ${units(ss)} in every week.`;
  const peak = peakWeek(s.weeks, (w) =>
    w.available === null || w.safetyStock === null ? null : w.safetyStock - w.available,
  )!;
  const lowest = s.weeks.find((w) => w.period === peak.period)!.available;
  return (
    `Projected available stock is below the safety stock of ${units(ss)} in ${weeksText(span, s.weeks.length)}; ` +
    `lowest ${units(lowest)} in ${peak.period}, ${units(peak.gap)} short.`
  );
}

export function loadSummary(s: Of<'capacity_shortfall'>, style: NumberStyle): string {
  const hours = (x: number | null) => formatNumber('hours', x, style);
  const span = flaggedSpan(s.weeks, (w) => w.over);
  const missing = s.weeks.filter((w) => w.capacity === null).length;
  const noData =
    missing === 0 ? '' : ` ${missing} ${missing === 1 ? 'week has' : 'weeks have'} no capacity in the ERP (no data).`;
  if (span.count === 0) return `Load stays within capacity in every week with a capacity.${noData}`;
  const peak = peakWeek(s.weeks, (w) => (w.load === null || w.capacity === null ? null : w.load - w.capacity))!;
  const week = s.weeks.find((w) => w.period === peak.period)!;
  const utilization = week.capacity ? ` (${formatPercent(week.load! / week.capacity, style)} of capacity)` : '';
  return (
    `Load exceeds capacity in ${weeksText(span, s.weeks.length)}; ` +
    `peak ${hours(week.load)} against ${hours(week.capacity)} in ${peak.period}${utilization}, ${hours(peak.gap)} over.${noData}`
  );
}

/** The engine's own reason codes in words; a source system's code reads as it came. */
const REASON_WORDS: Record<string, string> = {
  LATE_ETA: 'ETA after the committed date',
  LANE_OVER_CAPACITY: 'lane booked over capacity',
  STOCK_SHORT: 'stock short',
  CAPACITY: 'capacity short',
};
export const reasonWords = (code: string): string =>
  REASON_WORDS[code] ?? (code.startsWith('OVERLOAD ') ? `${code.slice(9)} overloaded` : code);

export function timelineSummary(s: Of<'otif_risk'>): string {
  const risky = s.lines.filter((l) => l.atRisk);
  const days = (n: number) => `${Math.abs(n)} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
  const committed = risky.reduce<string | null>((a, l) => (a === null || l.committed < a ? l.committed : a), null);
  // One committed date for all: said once, not per line.
  const shared = risky.every((l) => l.committed === committed);
  const phrases = risky.map((l) => {
    const eta =
      l.eta === null
        ? 'no shipment planned'
        : l.daysLate !== null && l.daysLate > 0
          ? `ETA ${l.eta}, ${days(l.daysLate)} late`
          : `ETA ${l.eta}, not late by the date`;
    return `line ${l.line}${shared ? '' : ` committed ${l.committed}`} ${eta}${l.reason ? ` (${reasonWords(l.reason)})` : ''}`;
  });
  const against = committed ? ` against the committed date ${committed}${shared ? '' : ' (the earliest)'}` : '';
  return `${risky.length} of ${s.lines.length} open ${s.lines.length === 1 ? 'line' : 'lines'} at risk${against}: ${some(phrases)}.`;
}

export function freightSummary(s: Of<'logistics_cost_guardrail'>, style: NumberStyle): string {
  const money = (x: number) => formatNumber('money', x, style);
  const total = s.shipments.at(-1)?.cumulative ?? null;
  if (total === null) return `No shipment of the order's open lines is in the TMS (no data).`;
  const crossing = s.shipments.find((x) => x.overGuardrail);
  const over = total - s.guardrail;
  return (
    `Freight ${money(total)} over ${s.shipments.length} ${s.shipments.length === 1 ? 'shipment' : 'shipments'} against a guardrail of ` +
    `${money(s.guardrail)} (${formatPercent(s.guardrailShare, style, 0)} of the ${money(s.orderMargin)} order margin)` +
    (over > 0 ? `: ${money(over)} over, passed at shipment ${crossing?.shipmentId}.` : ': within it.')
  );
}

export function demandSummary(s: Of<'demand_shift'>, style: NumberStyle): string {
  const units = (x: number) => formatNumber('units', x, style);
  const inside = s.weeks.filter((w) => w.inWindow);
  const revision = s.basis === 'forecast_revision';
  // Only weeks that have the base figure count, as the engine measures them.
  const counted = inside.filter((w) => (revision ? w.prior !== null : w.current !== null));
  const base = counted.reduce((n, w) => n + ((revision ? w.prior : w.current) ?? 0), 0);
  const now = counted.reduce((n, w) => n + ((revision ? w.current : w.actual) ?? 0), 0);
  const range = s.window.from === s.window.to ? s.window.from : `${s.window.from} to ${s.window.to}`;
  const what = revision ? 'prior forecast' : 'forecast';
  if (counted.length === 0) return `No week of ${range} has a ${what} to measure against (no data).`;
  const change = base > 0 ? ` (${now >= base ? '+' : '−'}${formatPercent(Math.abs(now - base) / base, style)})` : '';
  const noData = inside.length - counted.length;
  const missing = noData > 0 ? ` ${noData} ${noData === 1 ? 'week has' : 'weeks have'} no ${what} (no data).` : '';
  return revision
    ? `The current forecast is ${units(now)} against the prior ${units(base)} over ${range}${change}.${missing}`
    : `Actual sales were ${units(now)} against a forecast of ${units(base)} over ${range}${change}.${missing}`;
}

/** The summary sentence of any exception's chart. */
export function seriesSummary(s: ExceptionSeriesT, style: NumberStyle): string {
  switch (s.type) {
    case 'below_safety_stock':
      return stockSummary(s, style);
    case 'capacity_shortfall':
      return loadSummary(s, style);
    case 'otif_risk':
      return timelineSummary(s);
    case 'logistics_cost_guardrail':
      return freightSummary(s, style);
    case 'demand_shift':
      return demandSummary(s, style);
    case 'kpi_breach':
      return s.noChart;
  }
}
