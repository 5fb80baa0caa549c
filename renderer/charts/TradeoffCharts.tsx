import { useMemo } from 'react';
import type { ApiOutput } from '../../shared/api';
import { formatFigure } from '../../shared/planning/figures';
import type { NumberStyle } from '../../shared/domain/numberFormat';
import { useNumberStyle } from '../useNumberStyle';
import { EChart } from './EChart';
import { BASELINE_COLOR, scenarioColor, type ChartOption } from './echarts';

type Comparison = ApiOutput<'scenario.compare'>;
type FigureMap = Comparison['baseline']['figures'];
type Unit = 'pct' | 'money' | 'days' | 'turns';

interface Axis {
  name: string;
  unit: Unit;
  value(f: FigureMap): number | null;
}

const fig =
  (id: string) =>
  (f: FigureMap): number | null =>
    f[id] ?? null;
const sum =
  (...ids: string[]) =>
  (f: FigureMap): number | null =>
    ids.every((id) => f[id] === null || f[id] === undefined) ? null : ids.reduce((n, id) => n + (f[id] ?? 0), 0);

/** DOMAIN.md's four trade-offs, each a plane with one point per column. */
const VIEWS: { title: string; x: Axis; y: Axis }[] = [
  {
    title: 'Service vs cost',
    x: {
      name: 'Expedite + freight + capacity cost',
      unit: 'money',
      value: sum('expedite_cost', 'freight_cost', 'capacity_cost'),
    },
    y: { name: 'Projected OTIF (%)', unit: 'pct', value: fig('projected_otif') },
  },
  {
    title: 'Inventory vs cash',
    x: { name: 'Inventory value (money)', unit: 'money', value: fig('inventory_value') },
    y: { name: 'Turns per year', unit: 'turns', value: fig('turns') },
  },
  {
    title: 'Capacity vs lead time',
    x: { name: 'Capacity utilization (%)', unit: 'pct', value: fig('utilization') },
    y: { name: 'Average delay (days)', unit: 'days', value: fig('lead_time_days') },
  },
  {
    title: 'Speed vs margin',
    x: { name: 'Average delay (days)', unit: 'days', value: fig('lead_time_days') },
    y: { name: 'Margin (money)', unit: 'money', value: fig('margin') },
  },
];

/** Shares are drawn in percent; everything else as it is. */
const scale = (unit: Unit, x: number): number => (unit === 'pct' ? x * 100 : x);
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 4 });
const upToOne = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const tick = (unit: Unit, v: number): string =>
  unit === 'pct' ? `${upToOne.format(v)}%` : unit === 'money' ? compact.format(v) : upToOne.format(v);

interface Point {
  name: string;
  figures: FigureMap;
  color: string;
}

function option(view: (typeof VIEWS)[number], points: Point[], style: NumberStyle): ChartOption {
  const data = points
    .map((p) => ({ p, x: view.x.value(p.figures), y: view.y.value(p.figures) }))
    .filter((d): d is { p: Point; x: number; y: number } => d.x !== null && d.y !== null);
  // Columns on the same spot (a scenario that does not move this trade-off) share one label.
  const spot = (d: { x: number; y: number }): string => `${d.x.toPrecision(6)}|${d.y.toPrecision(6)}`;
  const names = new Map<string, string[]>();
  for (const d of data) names.set(spot(d), [...(names.get(spot(d)) ?? []), d.p.name]);
  const axis = (a: Axis) => ({
    type: 'value' as const,
    name: a.name,
    scale: true,
    nameTextStyle: { color: 'var(--chart-axis-name)', fontSize: 11 },
    axisLabel: { formatter: (v: number) => tick(a.unit, v), fontSize: 10 },
    splitLine: { lineStyle: { color: 'var(--chart-split)' } },
    // Room around the points for their labels.
    boundaryGap: ['20%', '20%'] as [string, string],
  });
  return {
    animation: false,
    title: { text: view.title, left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 600 } },
    grid: { left: 64, right: 48, top: 48, bottom: 44 },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const d = data[(params as { dataIndex: number }).dataIndex];
        if (!d) return '';
        return `<b>${escape(d.p.name)}</b><br/>${view.x.name}: ${formatFigure(view.x.unit, d.x, style)}<br/>${view.y.name}: ${formatFigure(view.y.unit, d.y, style)}`;
      },
    },
    xAxis: { ...axis(view.x), nameLocation: 'middle', nameGap: 26 },
    yAxis: { ...axis(view.y), nameLocation: 'end', nameGap: 10 },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: data.map((d) => {
          const together = names.get(spot(d))!;
          return {
            name: d.p.name,
            value: [scale(view.x.unit, d.x), scale(view.y.unit, d.y)],
            itemStyle: { color: d.p.color },
            label: { show: together[0] === d.p.name, formatter: sameSpot(together) },
          };
        }),
        label: {
          position: 'top',
          distance: 6,
          fontSize: 11,
          color: 'var(--chart-ink)',
          width: 220,
          overflow: 'truncate',
        },
        labelLayout: { moveOverlap: 'shiftY' },
      },
    ],
  };
}

/** "Baseline = Promo", or "Baseline = Promo +2" when more columns share the spot. */
const sameSpot = (names: string[]): string =>
  names.length <= 2 ? names.join(' = ') : `${names[0]} = ${names[1]} +${names.length - 2}`;

const escape = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The four trade-off planes (DOMAIN.md, "Scenarios") for the baseline and the compared scenarios. */
export function TradeoffCharts({ comparison }: { comparison: Comparison }) {
  const style = useNumberStyle();
  const options = useMemo(() => {
    const points: Point[] = [
      { name: 'Baseline', figures: comparison.baseline.figures, color: BASELINE_COLOR },
      ...comparison.scenarios.map((s, i) => ({
        name: s.scenario.name,
        figures: s.outcome.figures,
        color: scenarioColor(i),
      })),
    ];
    return VIEWS.map((v) => ({ title: v.title, option: option(v, points, style) }));
  }, [comparison, style]);
  return (
    <div className="tradeoffs" data-testid="tradeoff-charts">
      {options.map((o) => (
        <EChart key={o.title} option={o.option} label={`${o.title} chart`} height={260} />
      ))}
    </div>
  );
}
