// Which focused view an agenda item opens in the meeting (issue 16 item 2): its KPIs on top, the
// breakdown by family, resource or lane, and the exceptions of its type. One function decides it
// for the Agenda page, the live run and the view itself, so they never disagree.
//
// Every stored item has a function (agenda_items.function, one of AGENDA_FUNCTIONS): that is the
// machine-readable kind, and it decides. Only a function this code does not know (cycle.overview
// types it as a string, so a newer database could hold one) falls back to the owner role and the
// title; an item that matches nothing opens no view, and says why.
import type { ExceptionType } from './exceptions';
import type { KpiDimension } from './kpis';
import type { KpiId } from './settings';

export const AGENDA_VIEW_IDS = ['demand', 'supply', 'logistics', 'warehouse', 'finance', 'decisions'] as const;
export type AgendaViewId = (typeof AGENDA_VIEW_IDS)[number];

/** One column of the breakdown table: a figure of a KPI, per group. */
export interface ViewColumn {
  kpiId: KpiId;
  metric: string;
}

export interface AgendaView {
  id: AgendaViewId;
  /** The view's name under the item's title. */
  label: string;
  /** The KPIs in the strip on top (their totals). */
  kpis: readonly KpiId[];
  /** The breakdown's groups; null: no KPI breakdown (finance, the decision log). */
  dimension: Exclude<KpiDimension, 'total'> | null;
  columns: readonly ViewColumn[];
  /** The exception types the view lists, the first shown first; empty: no exception list. */
  exceptionTypes: readonly ExceptionType[];
}

export const AGENDA_VIEWS: Record<AgendaViewId, AgendaView> = {
  demand: {
    id: 'demand',
    label: 'Demand shifts and forecast accuracy by family',
    kpis: ['forecast_accuracy'],
    dimension: 'family',
    columns: [
      { kpiId: 'forecast_accuracy', metric: 'accuracy' },
      { kpiId: 'forecast_accuracy', metric: 'bias' },
    ],
    exceptionTypes: ['demand_shift'],
  },
  supply: {
    id: 'supply',
    label: 'Capacity shortfalls and plan adherence by resource',
    kpis: ['plan_adherence'],
    dimension: 'resource',
    columns: [{ kpiId: 'plan_adherence', metric: 'adherence' }],
    exceptionTypes: ['capacity_shortfall'],
  },
  logistics: {
    id: 'logistics',
    label: 'OTIF risk and freight by lane',
    kpis: ['service_level', 'logistics_deviations'],
    dimension: 'lane',
    columns: [
      { kpiId: 'service_level', metric: 'otif' },
      { kpiId: 'service_level', metric: 'projected_otif' },
      { kpiId: 'logistics_deviations', metric: 'deviation_rate' },
      { kpiId: 'logistics_deviations', metric: 'freight_cost' },
    ],
    exceptionTypes: ['otif_risk', 'logistics_cost_guardrail'],
  },
  warehouse: {
    id: 'warehouse',
    label: 'Stock below safety and inventory turns by family',
    kpis: ['inventory_turnover'],
    dimension: 'family',
    columns: [{ kpiId: 'inventory_turnover', metric: 'turns' }],
    exceptionTypes: ['below_safety_stock'],
  },
  finance: {
    id: 'finance',
    label: 'The scenario comparison in money',
    kpis: [],
    dimension: null,
    columns: [],
    exceptionTypes: [],
  },
  decisions: {
    id: 'decisions',
    label: 'The decision priority log',
    kpis: [],
    dimension: null,
    columns: [],
    exceptionTypes: [],
  },
};

/** What an agenda item opens: a view, last cycle's follow-up (in place on the agenda), or nothing. */
export type AgendaTarget =
  { kind: 'view'; view: AgendaView } | { kind: 'follow-up' } | { kind: 'none'; reason: string };

/** The fields of an agenda item the choice reads (cycle.overview's and meeting.state's items both have them). */
export interface AgendaItemLike {
  function: string;
  title: string;
  ownerRole: string;
}

const BY_FUNCTION: Record<string, AgendaViewId | 'follow-up'> = {
  review: 'follow-up',
  demand: 'demand',
  supply: 'supply',
  logistics: 'logistics',
  warehouse: 'warehouse',
  finance: 'finance',
  executive: 'decisions',
};

// The fallback for a function not known here: words of the owner role, then of the title.
// Whole words only, so "Operations" matches but "cooperation" does not.
const BY_WORDS: readonly [RegExp, AgendaViewId][] = [
  [/\b(sales|demand|forecast\w*)\b/i, 'demand'],
  [/\b(operations|supply|production|capacity|plant)\b/i, 'supply'],
  [/\b(logistics|transport|freight|otif|lanes?)\b/i, 'logistics'],
  [/\b(warehouse|inventory|stock|safety)\b/i, 'warehouse'],
  [/\b(finance|cfo|money|revenue|margin)\b/i, 'finance'],
  [/\b(executive|ceo|coo|decisions?)\b/i, 'decisions'],
];

function target(id: AgendaViewId | 'follow-up'): AgendaTarget {
  return id === 'follow-up' ? { kind: 'follow-up' } : { kind: 'view', view: AGENDA_VIEWS[id] };
}

export function agendaTarget(item: AgendaItemLike): AgendaTarget {
  const known = BY_FUNCTION[item.function];
  if (known) return target(known);
  for (const text of [item.ownerRole, item.title]) {
    const hit = BY_WORDS.find(([words]) => words.test(text));
    if (hit) return target(hit[1]);
  }
  return {
    kind: 'none',
    reason:
      'This item opens no view: neither its function nor its owner role or title names demand, supply, logistics, ' +
      'warehouse, finance or the executive decisions.',
  };
}

/** The item's view, or null for the follow-up and an item that matches nothing. */
export function agendaView(item: AgendaItemLike): AgendaView | null {
  const t = agendaTarget(item);
  return t.kind === 'view' ? t.view : null;
}

/** The hash route of an item's view. */
export const agendaItemHash = (itemId: number): string => `#/agenda/item/${itemId}`;
