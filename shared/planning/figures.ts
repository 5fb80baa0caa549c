// The figures a scenario outcome is compared on, in the order the comparison table shows them:
// the five KPIs, money, capacity and lead time, and the exceptions. One list for the engine (which
// fills them), the app's table and charts, the CLI and the decision log's expected values.

import {
  formatChange,
  formatNumber,
  isNoChange,
  PLAIN_STYLE,
  type NumberStyle,
  type NumberUnit,
} from '../domain/numberFormat';

export type FigureUnit = NumberUnit;
export type FigureGroup = 'kpi' | 'money' | 'capacity' | 'exceptions';

export interface Figure {
  id: string;
  label: string;
  unit: FigureUnit;
  group: FigureGroup;
  /** Which way is better, for the colour of a delta; null when neither is. */
  better: 'higher' | 'lower' | null;
  /** The KPI it belongs to (the decision log records expected values per KPI). */
  kpiId?: string;
  hint: string;
}

export const FIGURES = [
  {
    id: 'projected_otif',
    label: 'Projected OTIF',
    unit: 'pct',
    group: 'kpi',
    better: 'higher',
    kpiId: 'service_level',
    hint: 'Open committed lines in the horizon the projection ships complete and on time',
  },
  {
    id: 'otif',
    label: 'OTIF (delivered)',
    unit: 'pct',
    group: 'kpi',
    better: 'higher',
    kpiId: 'service_level',
    hint: 'Lines due before the meeting delivered complete and on time (history: the same in every scenario)',
  },
  {
    id: 'fill_rate',
    label: 'Fill rate',
    unit: 'pct',
    group: 'kpi',
    better: 'higher',
    kpiId: 'service_level',
    hint: 'Quantity delivered over quantity due (history)',
  },
  {
    id: 'forecast_accuracy',
    label: 'Forecast accuracy',
    unit: 'pct',
    group: 'kpi',
    better: 'higher',
    kpiId: 'forecast_accuracy',
    hint: '1 - WMAPE over the accuracy window (history)',
  },
  {
    id: 'turns',
    label: 'Inventory turns',
    unit: 'turns',
    group: 'kpi',
    better: 'higher',
    kpiId: 'inventory_turnover',
    hint: 'Projected cost of goods sold per year over average inventory value',
  },
  {
    id: 'plan_adherence',
    label: 'Plan adherence',
    unit: 'pct',
    group: 'kpi',
    better: 'higher',
    kpiId: 'plan_adherence',
    hint: 'Production made over production planned (history)',
  },
  {
    id: 'deviation_rate',
    label: 'Logistics deviations',
    unit: 'pct',
    group: 'kpi',
    better: 'lower',
    kpiId: 'logistics_deviations',
    hint: 'Shipments late, re-routed or over the freight guardrail',
  },
  {
    id: 'revenue',
    label: 'Revenue',
    unit: 'money',
    group: 'money',
    better: 'higher',
    hint: 'Demand the capacity-constrained plan serves within the horizon, at list price',
  },
  {
    id: 'margin',
    label: 'Margin',
    unit: 'money',
    group: 'money',
    better: 'higher',
    hint: 'Revenue - cost of goods - expedite cost - capacity cost',
  },
  {
    id: 'inventory_value',
    label: 'Inventory value (cash)',
    unit: 'money',
    group: 'money',
    better: 'lower',
    hint: 'Average projected inventory at unit cost: the cash tied up',
  },
  {
    id: 'freight_cost',
    label: 'Freight cost',
    unit: 'money',
    group: 'money',
    better: 'lower',
    hint: 'Freight of the shipments in the snapshot set',
  },
  {
    id: 'expedite_cost',
    label: 'Expedite cost',
    unit: 'money',
    group: 'money',
    better: 'lower',
    hint: 'Units moved to a faster mode x cost per unit',
  },
  {
    id: 'capacity_cost',
    label: 'Overtime and shift cost',
    unit: 'money',
    group: 'money',
    better: 'lower',
    hint: 'Overtime hours used and extra shifts, at their hourly cost',
  },
  {
    id: 'utilization',
    label: 'Capacity utilization',
    unit: 'pct',
    group: 'capacity',
    better: null,
    hint: 'Hours loaded over hours available, all resources, whole horizon',
  },
  {
    id: 'peak_utilization',
    label: 'Peak utilization',
    unit: 'pct',
    group: 'capacity',
    better: 'lower',
    hint: 'The most loaded resource-period',
  },
  {
    id: 'overload_hours',
    label: 'Overload hours',
    unit: 'hours',
    group: 'capacity',
    better: 'lower',
    hint: 'Hours loaded beyond capacity',
  },
  {
    id: 'lead_time_days',
    label: 'Lead time: average delay',
    unit: 'days',
    group: 'capacity',
    better: 'lower',
    hint: 'Average days open committed lines are projected to arrive after their committed date',
  },
  {
    id: 'late_lines',
    label: 'Lines at risk',
    unit: 'count',
    group: 'capacity',
    better: 'lower',
    hint: 'Open committed lines the projection does not ship on time',
  },
  {
    id: 'exceptions',
    label: 'Exceptions',
    unit: 'count',
    group: 'exceptions',
    better: 'lower',
    hint: 'Exceptions raised in the scenario',
  },
  {
    id: 'value_at_risk',
    label: 'Value at risk',
    unit: 'money',
    group: 'exceptions',
    better: 'lower',
    hint: 'Sum of the exceptions’ value at risk',
  },
  {
    id: 'resolved',
    label: 'Baseline exceptions resolved',
    unit: 'count',
    group: 'exceptions',
    better: 'higher',
    hint: 'Raised in the baseline, no longer raised here',
  },
  {
    id: 'resolved_value',
    label: 'Value at risk resolved',
    unit: 'money',
    group: 'exceptions',
    better: 'higher',
    hint: 'Baseline value at risk of the exceptions resolved',
  },
  {
    id: 'remaining',
    label: 'Baseline exceptions remaining',
    unit: 'count',
    group: 'exceptions',
    better: 'lower',
    hint: 'Raised in the baseline and still raised',
  },
  {
    id: 'new',
    label: 'New exceptions',
    unit: 'count',
    group: 'exceptions',
    better: 'lower',
    hint: 'Raised here, not in the baseline',
  },
] as const satisfies readonly Figure[];

export type FigureId = (typeof FIGURES)[number]['id'];
export const FIGURE_IDS = FIGURES.map((f) => f.id) as FigureId[];
export type Figures = Record<FigureId, number | null>;

/** scenario - baseline for every figure (null where either is unknown). */
export function figureDeltas(scenario: Figures, baseline: Figures): Figures {
  const out = {} as Figures;
  for (const id of FIGURE_IDS) {
    const a = scenario[id];
    const b = baseline[id];
    out[id] = a === null || b === null ? null : a - b;
  }
  return out;
}

// How a figure reads in the comparison table and the CLI: by its unit (the one number format),
// with the delta against the baseline told good or bad by which way is better.

/** A figure by its unit; a missing one reads "no data". */
export function formatFigure(unit: FigureUnit, x: number | null | undefined, style: NumberStyle = PLAIN_STYLE): string {
  return formatNumber(unit, x, style);
}

/** "+1.2 pt", "−€3,400", "±0"; pct deltas are percentage points; '' when unknown. */
export function formatDelta(unit: FigureUnit, d: number | null | undefined, style: NumberStyle = PLAIN_STYLE): string {
  return formatChange(unit, d, style);
}

export type Tone = 'good' | 'bad' | 'neutral';

export function deltaTone(figure: Pick<Figure, 'unit' | 'better'>, d: number | null | undefined): Tone {
  if (d === null || d === undefined || figure.better === null || isNoChange(figure.unit, d)) return 'neutral';
  return d > 0 === (figure.better === 'higher') ? 'good' : 'bad';
}

export const GROUP_LABEL: Record<Figure['group'], string> = {
  kpi: 'KPIs',
  money: 'Money',
  capacity: 'Capacity & lead time',
  exceptions: 'Exceptions',
};

export const figureById = (id: string): Figure | undefined => FIGURES.find((f) => f.id === id);
