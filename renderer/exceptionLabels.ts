// How exception types, review statuses and KPI figures read on screen.
import type { ExceptionInfoT } from '../shared/api';
import type { ExceptionType } from '../shared/planning/exceptions';

export const TYPE_LABEL: Record<ExceptionType, string> = {
  below_safety_stock: 'Below safety stock',
  capacity_shortfall: 'Capacity shortfall',
  otif_risk: 'OTIF risk',
  demand_shift: 'Demand shift',
  logistics_cost_guardrail: 'Freight over guardrail',
  kpi_breach: 'KPI breach',
};

export const REVIEW_LABEL: Record<ExceptionInfoT['reviewStatus'], string> = {
  new: 'New',
  reviewed: 'Reviewed',
  actioned: 'Actioned',
  dismissed: 'Dismissed',
};

/** What an exception is about, in one line: item at site, order, resource, lane or KPI. */
export function subjectOf(e: ExceptionInfoT): string {
  if (e.type === 'kpi_breach') {
    const group = e.family ?? e.resource ?? e.lane;
    return `${String(e.detail.kpi ?? e.kpiId)}${group ? ` · ${group}` : ' · total'}`;
  }
  if (e.orderId) return `Order ${e.orderId}${e.lane ? ` · ${e.lane}` : ''}`;
  if (e.type === 'capacity_shortfall') return `${e.resource} (${e.location})`;
  return `${e.sku} @ ${e.location}`;
}

/** The change against the previous cycle: points for shares, turns as a number. */
export function fmtDelta(metric: string, x: number | null, before: number | null | undefined): string | null {
  if (x === null || before === null || before === undefined) return null;
  const d = x - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (metric === 'freight_cost') return `${sign}${Math.round(Math.abs(d)).toLocaleString('en')}`;
  return metric === 'turns' ? `${sign}${Math.abs(d).toFixed(1)}` : `${sign}${Math.abs(d * 100).toFixed(1)} pt`;
}
