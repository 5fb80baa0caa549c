// What a decision aims at: the KPI figure it is judged on, the agenda function it belongs to, and
// the KPI an exception of each type moves. One table for the capture form (prefill), the service
// (defaults) and the follow-up (expected against actual).
import type { AGENDA_FUNCTIONS } from '../calls/decisions';
import type { ExceptionType } from './exceptions';
import type { KpiId } from './settings';

type AgendaFunction = (typeof AGENDA_FUNCTIONS)[number];

/** Per KPI: the figure (FIGURES, and the KPI's total metric of the same name) and the function. */
export const KPI_AIM: Record<KpiId, { figure: string; fn: AgendaFunction }> = {
  service_level: { figure: 'projected_otif', fn: 'executive' },
  forecast_accuracy: { figure: 'forecast_accuracy', fn: 'demand' },
  inventory_turnover: { figure: 'turns', fn: 'warehouse' },
  plan_adherence: { figure: 'plan_adherence', fn: 'supply' },
  logistics_deviations: { figure: 'deviation_rate', fn: 'logistics' },
};

/** The KPI metric (kpi_values.metrics) that holds a KPI's aimed figure. */
export const KPI_AIM_METRIC: Record<KpiId, string> = {
  service_level: 'projected_otif',
  forecast_accuracy: 'accuracy',
  inventory_turnover: 'turns',
  plan_adherence: 'adherence',
  logistics_deviations: 'deviation_rate',
};

/** The KPI an exception of each type puts at risk (a kpi_breach names its own). */
export const EXCEPTION_KPI: Record<ExceptionType, KpiId | null> = {
  below_safety_stock: 'service_level',
  otif_risk: 'service_level',
  capacity_shortfall: 'plan_adherence',
  demand_shift: 'forecast_accuracy',
  logistics_cost_guardrail: 'logistics_deviations',
  kpi_breach: null,
};
