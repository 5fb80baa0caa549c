// How each exception type reads to people: one wording for the screens, the CLI and what a
// parked exception's data issue says.
import type { ExceptionType } from './exceptions';

export const EXCEPTION_TYPE_LABEL: Record<ExceptionType, string> = {
  below_safety_stock: 'Below safety stock',
  capacity_shortfall: 'Capacity shortfall',
  otif_risk: 'OTIF risk',
  demand_shift: 'Demand shift',
  logistics_cost_guardrail: 'Freight over guardrail',
  kpi_breach: 'KPI breach',
};
