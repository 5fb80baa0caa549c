// What each KPI figure is computed over, as of which source's data (DOMAIN.md "As of"), and why a
// figure has no data. The window travels with the value through the API, so the Exceptions page
// and `planroom kpis` say the same thing.
import type { PlanningModel, PlanningSource } from './model';
import type { KpiId, PlanningSettingsT } from './settings';

export interface KpiWindow {
  /** As the card and the CLI show it: "13 weeks 2026-W36..W48, ERP as of 2026-11-30". */
  label: string;
  /** First and last period of a history or horizon window; null for a window of lines. */
  from: string | null;
  to: string | null;
  periods: number | null;
  /** The source whose extraction the window ends at, and that extraction's date (cycle's zone). */
  source: PlanningSource | null;
  asOf: string | null;
}

/** "2026-W36..W48", or "2026-W49..2027-W22" across a year. */
export function periodSpan(from: string, to: string): string {
  return from.slice(0, 4) === to.slice(0, 4) ? `${from}..${to.slice(5)}` : `${from}..${to}`;
}

const weeks = (n: number): string => `${n} week${n === 1 ? '' : 's'}`;
const noSource = (source: PlanningSource): string => `no ${source} source pinned`;

/** The last `n` history periods, ending at the last complete week before the ERP extraction. */
function historyWindow(m: PlanningModel, n: number, what: string): KpiWindow {
  const periods = Math.min(n, m.historyPeriods);
  const asOf = m.asOf.extracted.ERP;
  const from = m.history[periods - 1]!;
  const to = m.history[0]!;
  const label =
    asOf === null ? `${what}: ${noSource('ERP')}` : `${weeks(periods)} ${periodSpan(from, to)}, ERP as of ${asOf}`;
  return { label, from, to, periods, source: 'ERP', asOf };
}

/** Each KPI's window for a model and settings (the same for every group of a KPI). */
export function kpiWindows(m: PlanningModel, s: PlanningSettingsT): Record<KpiId, KpiWindow> {
  const { TMS: tms, WMS: wms } = m.asOf.extracted;
  const first = m.horizon[0]!;
  const last = m.horizon[m.periods - 1]!;
  const horizon = `${weeks(m.periods)} ${periodSpan(first, last)}`;
  return {
    forecast_accuracy: historyWindow(m, s.accuracyPeriods, 'actual sales'),
    plan_adherence: historyWindow(m, s.adherencePeriods, 'production actuals'),
    service_level: {
      label:
        (tms === null
          ? `delivered: ${noSource('TMS')}`
          : `delivered: lines committed before ${tms}, TMS as of ${tms}`) + `; projected: open lines due by ${last}`,
      from: null,
      to: null,
      periods: null,
      source: 'TMS',
      asOf: tms,
    },
    inventory_turnover: {
      label: `${horizon} projected from ${wms === null ? 'no WMS stock' : `WMS stock as of ${wms}`}`,
      from: first,
      to: last,
      periods: m.periods,
      source: 'WMS',
      asOf: wms,
    },
    logistics_deviations: {
      label: tms === null ? `shipments: ${noSource('TMS')}` : `shipments in TMS as of ${tms}`,
      from: null,
      to: null,
      periods: null,
      source: 'TMS',
      asOf: tms,
    },
  };
}

/** Why a KPI's figure has no data (said for each figure that is null). */
export function noDataReasons(
  m: PlanningModel,
  windows: Record<KpiId, KpiWindow>,
): Record<KpiId, Record<string, string>> {
  const { ERP: erp, CRM: crm, TMS: tms } = m.asOf.extracted;
  const span = (w: KpiWindow) => periodSpan(w.from!, w.to!);
  const sales =
    erp === null
      ? noSource('ERP')
      : crm === null
        ? noSource('CRM')
        : `no actual sales against a CRM forecast in ${span(windows.forecast_accuracy)}`;
  const delivered =
    tms === null
      ? `${noSource('TMS')}: no deliveries to judge`
      : `no order line committed before the TMS extraction (${tms})`;
  const shipments = tms === null ? noSource('TMS') : 'no shipment in the TMS data';
  return {
    forecast_accuracy: { accuracy: sales, bias: sales, abs_bias: sales },
    service_level: {
      otif: delivered,
      fill_rate: delivered,
      projected_otif: 'no open committed line due in the horizon',
    },
    inventory_turnover: { turns: 'no inventory value: no stock or supply of an item and site the ERP masters know' },
    plan_adherence: {
      adherence: erp === null ? noSource('ERP') : `no production planned in ${span(windows.plan_adherence)}`,
    },
    logistics_deviations: { deviation_rate: shipments, freight_cost: shipments },
  };
}
