// The parts of ECharts the app uses, registered once: scatter and line charts on the canvas
// renderer, with grid, title, tooltip and legend. Importing the modules (not 'echarts') keeps
// the bundle to what is drawn.
import { LineChart, ScatterChart, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export { echarts };
export type { LineSeriesOption, ScatterSeriesOption };

/** One colour per comparison column: the baseline in slate, then the scenarios in order. */
// CSS variables of styles.css, resolved for the theme when a chart is drawn (chartTheme.ts).
export const BASELINE_COLOR = 'var(--chart-baseline)';
const SCENARIO_COLORS = ['var(--chart-s1)', 'var(--chart-s2)', 'var(--chart-s3)', 'var(--chart-s4)'];
export const scenarioColor = (i: number): string => SCENARIO_COLORS[i % SCENARIO_COLORS.length]!;
