// The series an exception's chart draws, built from plain rows (the projection's arrays and the
// pinned snapshot's rows) so the figures can be checked by hand: which weeks are below safety
// stock or over capacity, how late each order line runs, the freight so far against the
// guardrail, and demand against forecast. A week without a row is null ("no data"), never 0.
import type { ExceptionSeriesT } from '../api';
import { addPeriods, periodsBetween } from '../domain/period';

type Variant<T extends ExceptionSeriesT['type']> = Extract<ExceptionSeriesT, { type: T }>;
export type StockWeek = Variant<'below_safety_stock'>['weeks'][number];
export type LoadWeek = Variant<'capacity_shortfall'>['weeks'][number];
export type TimelineLine = Variant<'otif_risk'>['lines'][number];
export type FreightShipment = Variant<'logistics_cost_guardrail'>['shipments'][number];
export type DemandWeek = Variant<'demand_shift'>['weeks'][number];

/** An order line as the ERP gives it. */
export interface OrderLineRow {
  line: number;
  sku: string;
  requested_date: string | null;
  committed_date: string;
  status: string;
}
/** A shipment as the TMS gives it. */
export interface ShipmentRow {
  shipment_id: string;
  line: number;
  lane: string;
  planned_ship_date: string | null;
  eta: string | null;
  delivered_date: string | null;
  status: string;
  freight_cost: number;
}

/** Lines the engine judges (delivered and cancelled ones are no longer at risk, and carry no cost). */
const OPEN_LINE = new Set(['open', 'shipped']);
const finite = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

/** Projected available balance per week against safety stock; below where available < safety stock. */
export function stockWeeks(periods: string[], pab: number[], safetyStock: number[], demand: number[]): StockWeek[] {
  return periods.map((period, t) => {
    const available = finite(pab[t]);
    const ss = finite(safetyStock[t]);
    return {
      period,
      available,
      safetyStock: ss,
      demand: finite(demand[t]),
      below: available !== null && ss !== null && available < ss,
    };
  });
}

/** Load per week against the capacity the ERP lists for that week (null where it lists none). */
export function loadWeeks(periods: string[], load: number[], capacity: ReadonlyMap<string, number>): LoadWeek[] {
  return periods.map((period, t) => {
    const l = finite(load[t]);
    const cap = capacity.get(period) ?? null;
    return { period, load: l, capacity: cap, over: l !== null && cap !== null && l > cap };
  });
}

const DAY = 86_400_000;
/** Whole days from a to b (ISO dates), b later is positive. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / DAY);
const day = (d: string | null): string | null => (d ? d.slice(0, 10) : null);
const latest = (ds: (string | null)[]): string | null =>
  ds.reduce<string | null>((a, b) => (b === null ? a : a === null || b > a ? b : a), null);
const earliest = (ds: (string | null)[]): string | null =>
  ds.reduce<string | null>((a, b) => (b === null ? a : a === null || b < a ? b : a), null);

/**
 * The order's open lines on one timeline: requested, committed, the first planned ship, the
 * latest ETA and delivery of the shipments not cancelled (as the engine reads them). `atRisk`
 * gives the lines the exception names, with their reason.
 */
export function orderTimeline(
  lines: OrderLineRow[],
  shipments: ShipmentRow[],
  atRisk: ReadonlyMap<number, string>,
): TimelineLine[] {
  const live = shipments.filter((s) => s.status !== 'cancelled');
  return lines
    .filter((l) => OPEN_LINE.has(l.status))
    .sort((a, b) => a.line - b.line)
    .map((l) => {
      const own = live.filter((s) => s.line === l.line);
      const eta = latest(own.map((s) => day(s.eta)));
      const delivered =
        own.length > 0 && own.every((s) => s.delivered_date) ? latest(own.map((s) => day(s.delivered_date))) : null;
      const committed = day(l.committed_date)!;
      return {
        line: l.line,
        sku: l.sku,
        requested: day(l.requested_date),
        committed,
        plannedShip: earliest(own.map((s) => day(s.planned_ship_date))),
        eta,
        delivered,
        daysLate: eta === null ? null : daysBetween(committed, eta),
        atRisk: atRisk.has(l.line),
        reason: atRisk.get(l.line) ?? null,
      };
    });
}

/**
 * The freight of the order's open lines shipment by shipment (planned ship date, then id), with
 * the sum so far and whether it has passed the guardrail. The total is the exception's freight.
 */
export function freightShipments(
  lines: OrderLineRow[],
  shipments: ShipmentRow[],
  guardrail: number,
): FreightShipment[] {
  const open = new Set(lines.filter((l) => OPEN_LINE.has(l.status)).map((l) => l.line));
  let sum = 0;
  return shipments
    .filter((s) => s.status !== 'cancelled' && open.has(s.line))
    .sort(
      (a, b) =>
        (a.planned_ship_date ?? '').localeCompare(b.planned_ship_date ?? '') ||
        a.shipment_id.localeCompare(b.shipment_id),
    )
    .map((s) => {
      sum += s.freight_cost;
      const cumulative = Math.round(sum * 100) / 100;
      return {
        shipmentId: s.shipment_id,
        line: s.line,
        lane: s.lane,
        plannedShip: day(s.planned_ship_date),
        freight: s.freight_cost,
        cumulative,
        overGuardrail: cumulative > guardrail,
      };
    });
}

/**
 * Demand per week from `first` for `count` weeks: the current and prior forecast versions and
 * actual sales, each summed over the rows of the week (null without one); inWindow marks the
 * weeks the shift was measured over.
 */
export function demandWeeks(
  first: string,
  count: number,
  forecasts: { period: string; version: string; qty: number }[],
  actuals: { period: string; qty: number }[],
  window: { from: string; to: string },
): DemandWeek[] {
  const sum = (map: Map<string, number>, period: string, qty: number) => map.set(period, (map.get(period) ?? 0) + qty);
  const current = new Map<string, number>();
  const prior = new Map<string, number>();
  const actual = new Map<string, number>();
  for (const f of forecasts) {
    if (f.version === 'current') sum(current, f.period, f.qty);
    else if (f.version === 'prior') sum(prior, f.period, f.qty);
  }
  for (const a of actuals) sum(actual, a.period, a.qty);
  const out: DemandWeek[] = [];
  for (let i = 0; i < count; i++) {
    const period = addPeriods(first, i);
    out.push({
      period,
      current: current.get(period) ?? null,
      prior: prior.get(period) ?? null,
      actual: actual.get(period) ?? null,
      inWindow: period >= window.from && period <= window.to,
    });
  }
  return out;
}

/** The weeks a demand chart shows: the shift's window and the horizon, whichever starts first. */
export function demandRange(start: string, horizon: number, window: { from: string; to: string }) {
  const first = window.from < start ? window.from : start;
  const last = addPeriods(start, horizon - 1);
  const end = window.to > last ? window.to : last;
  return { first, count: periodsBetween(first, end) + 1 };
}

/** A run of flagged weeks: how many, the first and the last. */
export function flaggedSpan<T extends { period: string }>(weeks: T[], flagged: (w: T) => boolean) {
  const hit = weeks.filter(flagged);
  return { count: hit.length, first: hit[0]?.period ?? null, last: hit[hit.length - 1]?.period ?? null };
}

/** The week with the largest value of `gap` among those where it is known, or null. */
export function peakWeek<T extends { period: string }>(weeks: T[], gap: (w: T) => number | null) {
  let best: { period: string; gap: number } | null = null;
  for (const w of weeks) {
    const g = gap(w);
    if (g !== null && (best === null || g > best.gap)) best = { period: w.period, gap: g };
  }
  return best;
}
