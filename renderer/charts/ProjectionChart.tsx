import { useMemo } from 'react';
import type { ApiOutput, ScenarioSubjectT } from '../../shared/api';
import { EChart } from './EChart';
import { BASELINE_COLOR, scenarioColor, type ChartOption, type LineSeriesOption } from './echarts';

type Projection = ApiOutput<'scenario.projection'>;
type Series = Projection['series'][number];

/** Per subject: the main line per column (solid) and the limits beside it (dashed). */
const LINES: Record<
  ScenarioSubjectT['kind'],
  { main: string; mainLabel: string; limits: [string, string][]; unit: string }
> = {
  item: {
    main: 'constrained_pab',
    mainLabel: 'available (constrained)',
    limits: [
      ['safety_stock', 'safety stock'],
      ['demand', 'demand'],
    ],
    unit: 'units',
  },
  resource: { main: 'load', mainLabel: 'load', limits: [['capacity', 'capacity']], unit: 'hours' },
  lane: { main: 'booked', mainLabel: 'booked', limits: [['capacity', 'capacity']], unit: 'loads' },
};

const same = (a: number[] | undefined, b: number[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

function option(kind: ScenarioSubjectT['kind'], p: Projection): ChartOption {
  const spec = LINES[kind];
  const color = (s: Series) => (s.scenarioId === null ? BASELINE_COLOR : scenarioColor(scenarioIndex(p, s)));
  const out: LineSeriesOption[] = [];
  for (const s of p.series) {
    const main = s.values[spec.main];
    if (main) {
      out.push({
        type: 'line',
        name: `${s.name}: ${spec.mainLabel}`,
        data: main,
        showSymbol: false,
        lineStyle: { width: 2, color: color(s) },
        itemStyle: { color: color(s) },
      });
    }
  }
  // A limit a scenario leaves as the baseline's is drawn once.
  for (const [key, label] of spec.limits) {
    const drawn: number[][] = [];
    for (const s of p.series) {
      const values = s.values[key];
      if (!values || drawn.some((d) => same(d, values))) continue;
      drawn.push(values);
      out.push({
        type: 'line',
        name: `${s.name}: ${label}`,
        data: values,
        showSymbol: false,
        step: key === 'demand' ? undefined : 'middle',
        lineStyle: { width: key === 'demand' ? 1 : 1.5, type: key === 'demand' ? 'dotted' : 'dashed', color: color(s) },
        itemStyle: { color: color(s) },
      });
    }
  }
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 36 + 22 * legendRows(out), bottom: 36 },
    legend: { top: 4, type: 'plain', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: p.periods, axisLabel: { fontSize: 10 } },
    yAxis: {
      type: 'value',
      name: spec.unit,
      nameTextStyle: { color: 'var(--chart-axis-name)' },
      axisLabel: { fontSize: 10 },
    },
    series: out,
  };
}

/** About how many lines the legend wraps to on a chart some 900 px wide: the plot starts below it. */
function legendRows(series: LineSeriesOption[]): number {
  const px = series.reduce((n, x) => n + 40 + 6.5 * String(x.name ?? '').length, 0);
  return Math.max(1, Math.ceil(px / 900));
}

/** The scenario's column: its place among the scenarios of the projection (baseline aside). */
function scenarioIndex(p: Projection, s: Series): number {
  return p.series.filter((x) => x.scenarioId !== null).indexOf(s);
}

/** One subject's projection under the baseline and each compared scenario. */
export function ProjectionChart({ kind, projection }: { kind: ScenarioSubjectT['kind']; projection: Projection }) {
  const opt = useMemo(() => option(kind, projection), [kind, projection]);
  return <EChart option={opt} label="Projection chart" height={360} />;
}
