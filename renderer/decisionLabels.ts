// How a decision reads on the Decisions page: status and function names, the KPI figure its
// expected value is in, the words of a move, and the values a history change holds. No DOM, so
// a unit test reads it in Node.
import type { AGENDA_FUNCTIONS, DecisionInfoT, DecisionStatus } from '../shared/api';
import { KPI_AIM } from '../shared/planning/decisionAim';
import { figureById, formatFigure, type FigureUnit } from '../shared/planning/figures';
import type { KpiId } from '../shared/planning/settings';
import { shownName } from '../shared/domain/displayName';
import type { NumberStyle } from '../shared/domain/numberFormat';

export const STATUS_LABEL: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const FUNCTION_LABEL: Record<(typeof AGENDA_FUNCTIONS)[number], string> = {
  review: 'Review',
  demand: 'Demand',
  supply: 'Supply',
  logistics: 'Logistics',
  warehouse: 'Warehouse',
  finance: 'Finance',
  executive: 'Executive',
};

/** The figure a KPI's expected value is given in (projected OTIF for service level...), or null. */
export function aimedFigure(kpiId: string | null | undefined): { id: string; label: string; unit: FigureUnit } | null {
  if (!kpiId || !(kpiId in KPI_AIM)) return null;
  const f = figureById(KPI_AIM[kpiId as KpiId].figure);
  return f ? { id: f.id, label: f.label, unit: f.unit } : null;
}

/** "Projected OTIF 95.0%", or "no expected value" (never 0 for a value nobody gave). */
export function expectedText(d: Pick<DecisionInfoT, 'kpi' | 'expectedValue'>, style?: NumberStyle): string {
  const figure = aimedFigure(d.kpi?.id);
  if (d.expectedValue === null) return 'no expected value';
  if (!figure) return String(d.expectedValue);
  return `${figure.label} ${formatFigure(figure.unit, d.expectedValue, style)}`;
}

/** A percentage share is typed in percent (95) and stored as a fraction (0.95), like the KPIs. */
export const typedToValue = (unit: FigureUnit | undefined, typed: number): number =>
  unit === 'pct' ? typed / 100 : typed;
export const valueToTyped = (unit: FigureUnit | undefined, value: number): number =>
  unit === 'pct' ? Math.round(value * 100 * 1000) / 1000 : value;

/** What a screen reader hears after a move: "Moved Expedite Lyon to 2 of 5". */
export function moveAnnouncement(title: string, rank: number, total: number): string {
  return `Moved ${shownName(title, 80)} to ${rank} of ${total}`;
}

/** What is heard when a move leaves it where it was: at the top or bottom already. */
export function stayAnnouncement(title: string, rank: number, total: number): string {
  return `${shownName(title, 80)} stays at ${rank} of ${total}`;
}

/**
 * One value of a history change as read: a status by its label, an expected value in its KPI's
 * figure (`unit`), nothing as "none".
 */
export function changeValue(field: string, v: unknown, unit?: FigureUnit): string {
  if (v === null || v === undefined || v === '') return 'none';
  if (field === 'expected_value' && typeof v === 'number' && unit) return formatFigure(unit, v);
  if (field === 'status' && typeof v === 'string' && v in STATUS_LABEL) return STATUS_LABEL[v as DecisionStatus];
  return shownName(typeof v === 'string' ? v : JSON.stringify(v), 120);
}

/** Field names of the history as read. */
export const FIELD_LABEL: Record<string, string> = {
  status: 'status',
  owner: 'owner',
  due_date: 'due',
  expected_value: 'expected value',
  title: 'title',
  rationale: 'rationale',
  priority_rank: 'rank',
  cycle: 'cycle',
};
