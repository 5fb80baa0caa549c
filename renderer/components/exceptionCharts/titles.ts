// What each exception type's chart shows: its heading, and the start of its accessible name.
import type { ExceptionType } from '../../../shared/planning/exceptions';

export const CHART_TITLE: Record<ExceptionType, string> = {
  below_safety_stock: 'Projected inventory against safety stock',
  capacity_shortfall: 'Load against capacity',
  otif_risk: "The order's timeline against its committed date",
  logistics_cost_guardrail: 'Freight against the guardrail',
  demand_shift: 'Demand against forecast',
  kpi_breach: 'Why no chart',
};
