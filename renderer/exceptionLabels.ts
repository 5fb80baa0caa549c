// How exception types, review statuses and KPI figures read on screen.
import type { ExceptionInfoT } from '../shared/api';
import type { ExceptionType } from '../shared/planning/exceptions';
import { EXCEPTION_TYPE_LABEL } from '../shared/planning/exceptionTypeLabels';
import { kpiLabel } from '../shared/planning/kpiFormat';

export const TYPE_LABEL: Record<ExceptionType, string> = EXCEPTION_TYPE_LABEL;

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
    return `${typeof e.detail.kpi === 'string' ? e.detail.kpi : kpiLabel(e.kpiId ?? '')}${group ? ` · ${group}` : ' · total'}`;
  }
  if (e.orderId) return `Order ${e.orderId}${e.lane ? ` · ${e.lane}` : ''}`;
  if (e.type === 'capacity_shortfall') return `${e.resource} (${e.location})`;
  return `${e.sku} @ ${e.location}`;
}
