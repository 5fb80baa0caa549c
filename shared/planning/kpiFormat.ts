// How a KPI figure and a KPI trigger read, the same in the app and the CLI: each figure's label
// and unit in one table, formatted by the one number format (shared/domain/numberFormat.ts).
import {
  formatChange,
  formatNumber,
  formatPercent,
  NO_DATA,
  PLAIN_STYLE,
  type NumberStyle,
  type NumberUnit,
} from '../domain/numberFormat';
import type { KpiId, TriggerT } from './settings';

/** A KPI's name where its definition is not at hand (the default names of migrations/0001). */
export const KPI_LABEL: Record<KpiId, string> = {
  forecast_accuracy: 'Forecast accuracy',
  service_level: 'Service level (OTIF)',
  inventory_turnover: 'Inventory turnover',
  plan_adherence: 'Production plan adherence',
  logistics_deviations: 'Logistics deviations',
};

/** A KPI id as people read it; an unknown one with its underscores as spaces. */
export const kpiLabel = (id: string): string => KPI_LABEL[id as KpiId] ?? id.replaceAll('_', ' ');

interface MetricFace {
  label: string;
  unit: NumberUnit;
}

/** Every figure a KPI computes (settings.ts KPI_METRICS), as people read it. */
export const METRIC_FACE: Record<string, MetricFace> = {
  accuracy: { label: 'forecast accuracy', unit: 'pct' },
  bias: { label: 'signed bias', unit: 'pct' },
  abs_bias: { label: 'bias', unit: 'pct' },
  otif: { label: 'OTIF', unit: 'pct' },
  fill_rate: { label: 'fill rate', unit: 'pct' },
  projected_otif: { label: 'projected OTIF', unit: 'pct' },
  turns: { label: 'inventory turns', unit: 'turns' },
  adherence: { label: 'plan adherence', unit: 'pct' },
  deviation_rate: { label: 'logistics deviations', unit: 'pct' },
  freight_cost: { label: 'freight cost', unit: 'money' },
};

/** A figure's face; an unknown id reads with its underscores as spaces, as a share. */
export function metricFace(metric: string): MetricFace {
  return METRIC_FACE[metric] ?? { label: metric.replaceAll('_', ' '), unit: 'pct' };
}

/** A KPI figure as text; `missing` stands for a figure that has nothing to be computed over. */
export function formatMetric(
  metric: string,
  x: number | null | undefined,
  missing = NO_DATA,
  style: NumberStyle = PLAIN_STYLE,
): string {
  if (x === null || x === undefined) return missing;
  return formatNumber(metricFace(metric).unit, x, style);
}

/** The change of a KPI figure against the previous cycle (points for shares); null when unknown. */
export function formatMetricChange(
  metric: string,
  x: number | null,
  before: number | null | undefined,
  style: NumberStyle = PLAIN_STYLE,
): string | null {
  if (x === null || before === null || before === undefined) return null;
  return formatChange(metricFace(metric).unit, x - before, style);
}

const OP_WORDS: Record<TriggerT['op'], string> = {
  '<': 'below',
  '<=': 'at or below',
  '>': 'above',
  '>=': 'at or above',
};

/** A trigger in words: { abs_bias > 0.1 } reads "bias above 10%" (a threshold keeps its round figure). */
export function triggerWords(t: TriggerT, style: NumberStyle = PLAIN_STYLE): string {
  const face = metricFace(t.metric);
  const value = face.unit === 'pct' ? formatPercent(t.value, style, 0) : formatNumber(face.unit, t.value, style);
  return `${face.label} ${OP_WORDS[t.op]} ${value}`;
}

/** A trigger as the engine records a breach ("otif < 0.95"), or null when it is not one. */
export function parseTrigger(text: string): TriggerT | null {
  const m = /^\s*([a-z_]+)\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i.exec(text);
  if (!m) return null;
  return { metric: m[1]!, op: m[2] as TriggerT['op'], value: Number(m[3]) };
}

/** A recorded breach ("abs_bias > 0.1") in words; text that is not a trigger is shown as it came. */
export function breachWords(text: string, style: NumberStyle = PLAIN_STYLE): string {
  const t = parseTrigger(text);
  return t ? triggerWords(t, style) : text;
}
