// How the facts of an exception's detail (exceptions.ts, kpis.ts) read: each field's label and
// unit, so "unitMargin 42.27" shows as "unit margin €42.27" and "peakUtilization 2.239" as
// "peak utilization 223.9%", in the app and the CLI alike.
import { formatDecimal, formatNumber, PLAIN_STYLE, type NumberStyle, type NumberUnit } from '../domain/numberFormat';

interface FactFace {
  label: string;
  /** How a number reads; absent for text facts. */
  unit?: NumberUnit;
  /** Words for coded text values. */
  words?: Record<string, string>;
}

const FACT_FACE: Record<string, FactFace> = {
  safetyStock: { label: 'safety stock', unit: 'units' },
  shortageQty: { label: 'shortage', unit: 'units' },
  unitMargin: { label: 'unit margin', unit: 'money' },
  overloadHours: { label: 'overload', unit: 'hours' },
  peakUtilization: { label: 'peak utilization', unit: 'pct' },
  ordersBroken: { label: 'order lines broken', unit: 'count' },
  freight: { label: 'freight', unit: 'money' },
  orderMargin: { label: 'order margin', unit: 'money' },
  guardrail: { label: 'guardrail', unit: 'money' },
  guardrailShare: { label: 'guardrail share of margin', unit: 'pct' },
  basis: {
    label: 'basis',
    words: { forecast_revision: 'forecast revision', actuals_vs_forecast: 'actual sales against forecast' },
  },
  leadPeriods: { label: 'lead time (periods)', unit: 'count' },
  before: { label: 'before', unit: 'units' },
  after: { label: 'after', unit: 'units' },
  relative: { label: 'relative move', unit: 'pct' },
  kpi: { label: 'KPI' },
  dimension: { label: 'by', words: { total: 'total', family: 'family', resource: 'resource', lane: 'lane' } },
  group: { label: 'group' },
  ownerRole: { label: 'owner role' },
  playbook: { label: 'playbook' },
};

/** A camelCase field of no known face, as words: "someField" reads "some field". */
const words = (key: string): string => key.replace(/([A-Z])/g, ' $1').toLowerCase();

/** A fact's label. */
export const factLabel = (key: string): string => FACT_FACE[key]?.label ?? words(key);

/** A fact's value as text: numbers by the field's unit, coded values in words, missing "no data". */
export function factValue(key: string, value: unknown, style: NumberStyle = PLAIN_STYLE): string {
  const face = FACT_FACE[key];
  if (value === null || value === undefined) return formatNumber('count', null, style);
  if (typeof value === 'number')
    return face?.unit ? formatNumber(face.unit, value, style) : formatDecimal(value, style);
  const text = String(value);
  return face?.words?.[text] ?? text;
}
