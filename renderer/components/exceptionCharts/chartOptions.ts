// One ECharts option per exception type. Only colours, lines and data here: type sizes come from
// the shared chart base (renderer/charts), so presenter mode scales these charts with the rest.
// Missing weeks are null, which ECharts draws as a gap, never as 0.
import type { ExceptionSeriesT } from '../../../shared/api';
import { formatNumber, type NumberStyle, type NumberUnit } from '../../../shared/domain/numberFormat';
import type { ChartOption, LineSeriesOption, ScatterSeriesOption } from '../../charts/echarts';

type Of<T extends ExceptionSeriesT['type']> = Extract<ExceptionSeriesT, { type: T }>;

/** CSS variables of styles.css (at least 4.5:1 on the chart's card in both themes: tests/unit/contrast.test.ts). */
const C = {
  main: 'var(--chart-main)',
  limit: 'var(--chart-limit)',
  alert: 'var(--chart-alert)',
  other: 'var(--chart-other)',
  soft: 'var(--chart-soft)',
};
const ALERT_AREA = 'var(--chart-alert-area)';

function frame(unit: NumberUnit, style: NumberStyle, unitName: string): ChartOption {
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(unit, v, style) : 'no data');
  return {
    animation: false,
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    yAxis: {
      type: 'value',
      name: unitName,
      nameTextStyle: { color: C.limit },
      axisLabel: {
        color: C.limit,
        formatter: (v: number) => formatNumber(unit === 'money' ? 'money' : 'count', v, style),
      },
    },
  };
}

/** Shaded bands over the flagged weeks of a category axis (one band per run). */
function bands(periods: string[], flagged: boolean[]): NonNullable<LineSeriesOption['markArea']> {
  const data: [{ xAxis: string }, { xAxis: string }][] = [];
  for (let t = 0; t < periods.length; t++) {
    if (!flagged[t]) continue;
    let end = t;
    while (end + 1 < periods.length && flagged[end + 1]) end++;
    data.push([{ xAxis: periods[t]! }, { xAxis: periods[end]! }]);
    t = end;
  }
  return { silent: true, itemStyle: { color: ALERT_AREA }, data };
}

const line = (
  name: string,
  data: (number | null)[],
  color: string,
  extra: Partial<LineSeriesOption> = {},
): LineSeriesOption => ({
  type: 'line',
  name,
  data,
  showSymbol: false,
  connectNulls: false,
  lineStyle: { width: 2, color },
  itemStyle: { color },
  ...extra,
});

/** A limit drawn dashed in the limit colour (safety stock, capacity, guardrail); `stepped` per week. */
const limitLine = (name: string, data: (number | null)[], stepped = false): LineSeriesOption =>
  line(name, data, C.limit, {
    ...(stepped ? { step: 'middle' as const } : {}),
    lineStyle: { width: 2, type: 'dashed', color: C.limit },
  });
const marks = (name: string, data: (number | null)[], color: string, symbol = 'circle'): ScatterSeriesOption => ({
  type: 'scatter',
  name,
  data,
  symbol,
  symbolSize: 9,
  itemStyle: { color },
});

function stock(s: Of<'below_safety_stock'>, style: NumberStyle): ChartOption {
  const periods = s.weeks.map((w) => w.period);
  return {
    ...frame('units', style, 'units'),
    xAxis: { type: 'category', data: periods },
    series: [
      line(
        'Projected available',
        s.weeks.map((w) => w.available),
        C.main,
        {
          markArea: bands(
            periods,
            s.weeks.map((w) => w.below),
          ),
        },
      ),
      limitLine(
        'Safety stock',
        s.weeks.map((w) => w.safetyStock),
        true,
      ),
      marks(
        'Below safety stock',
        s.weeks.map((w) => (w.below ? w.available : null)),
        C.alert,
      ),
    ],
  };
}

function load(s: Of<'capacity_shortfall'>, style: NumberStyle): ChartOption {
  const periods = s.weeks.map((w) => w.period);
  return {
    ...frame('hours', style, 'hours'),
    xAxis: { type: 'category', data: periods },
    series: [
      line(
        'Load',
        s.weeks.map((w) => w.load),
        C.main,
        {
          markArea: bands(
            periods,
            s.weeks.map((w) => w.over),
          ),
        },
      ),
      limitLine(
        'Capacity',
        s.weeks.map((w) => w.capacity),
        true,
      ),
      marks(
        'Over capacity',
        s.weeks.map((w) => (w.over ? w.load : null)),
        C.alert,
      ),
    ],
  };
}

/** Each line a row on a time axis: its dates as marks, committed → ETA drawn red when late. */
function timeline(s: Of<'otif_risk'>): ChartOption {
  const rows = s.lines.map((l) => `Line ${l.line}`);
  const points = (pick: (l: Of<'otif_risk'>['lines'][number]) => string | null) =>
    s.lines.flatMap((l, i) => {
      const d = pick(l);
      return d === null ? [] : [[d, i] as [string, number]];
    });
  const late: LineSeriesOption[] = s.lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.eta !== null && l.daysLate !== null && l.daysLate > 0)
    .map(({ l, i }) => ({
      type: 'line',
      name: 'Late (committed → ETA)',
      data: [
        [l.committed, i],
        [l.eta!, i],
      ],
      showSymbol: false,
      lineStyle: { width: 4, color: C.alert },
      itemStyle: { color: C.alert },
    }));
  return {
    animation: false,
    grid: { left: 16, right: 32, top: 48, bottom: 8, containLabel: true },
    legend: { top: 4 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'time', axisLabel: { color: C.limit, formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true } },
    yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { color: C.limit } },
    series: [
      ...late,
      // One marker per date of a line, each its own shape and colour (a legend entry each).
      ...(
        [
          ['Requested', (l) => l.requested, 'triangle', 10, C.soft],
          ['Committed', (l) => l.committed, 'rect', 12, C.limit],
          ['Planned ship', (l) => l.plannedShip, 'diamond', 11, C.other],
          ['ETA', (l) => l.eta, 'circle', 11, C.main],
          ['Delivered', (l) => l.delivered, 'pin', 14, C.soft],
        ] as const satisfies readonly (readonly [string, Parameters<typeof points>[0], string, number, string])[]
      ).map(([name, date, symbol, symbolSize, color]) => ({
        type: 'scatter' as const,
        name,
        data: points(date),
        symbol,
        symbolSize,
        itemStyle: { color },
      })),
    ],
  };
}

function freight(s: Of<'logistics_cost_guardrail'>, style: NumberStyle): ChartOption {
  const ids = s.shipments.map((x) => x.shipmentId);
  return {
    ...frame('money', style, 'freight'),
    xAxis: { type: 'category', data: ids },
    series: [
      line(
        'Freight so far',
        s.shipments.map((x) => x.cumulative),
        C.main,
        { step: 'end', showSymbol: true },
      ),
      marks(
        'Freight of the shipment',
        s.shipments.map((x) => x.freight),
        C.other,
        'diamond',
      ),
      limitLine(
        'Guardrail',
        s.shipments.map(() => s.guardrail),
      ),
      marks(
        'Over the guardrail',
        s.shipments.map((x) => (x.overGuardrail ? x.cumulative : null)),
        C.alert,
      ),
    ],
  };
}

function demand(s: Of<'demand_shift'>, style: NumberStyle): ChartOption {
  const periods = s.weeks.map((w) => w.period);
  return {
    ...frame('units', style, 'units'),
    xAxis: { type: 'category', data: periods },
    series: [
      line(
        'Current forecast',
        s.weeks.map((w) => w.current),
        C.main,
        {
          markArea: bands(
            periods,
            s.weeks.map((w) => w.inWindow),
          ),
        },
      ),
      limitLine(
        'Prior forecast',
        s.weeks.map((w) => w.prior),
      ),
      line(
        'Actual sales',
        s.weeks.map((w) => w.actual),
        C.other,
        { showSymbol: true },
      ),
    ],
  };
}

/** The chart of a series; null for a type with no chart. */
export function seriesOption(s: ExceptionSeriesT, style: NumberStyle): ChartOption | null {
  switch (s.type) {
    case 'below_safety_stock':
      return stock(s, style);
    case 'capacity_shortfall':
      return load(s, style);
    case 'otif_risk':
      return timeline(s);
    case 'logistics_cost_guardrail':
      return freight(s, style);
    case 'demand_shift':
      return demand(s, style);
    case 'kpi_breach':
      return null;
  }
}
