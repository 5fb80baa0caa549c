// The chart itself, in its own chunk: ExceptionCharts loads it lazily so the Exceptions page does
// not load ECharts until a detail is opened.
import { useMemo } from 'react';
import { MarkAreaComponent } from 'echarts/components';
import type { ExceptionSeriesT } from '../../../shared/api';
import type { NumberStyle } from '../../../shared/domain/numberFormat';
import { EChart } from '../../charts/EChart';
import { echarts } from '../../charts/echarts';
import { seriesOption } from './chartOptions';

// The shaded weeks (below safety stock, over capacity, the demand window) are mark areas.
echarts.use([MarkAreaComponent]);

export default function SeriesChart({
  series,
  style,
  label,
  height,
}: {
  series: ExceptionSeriesT;
  style: NumberStyle;
  label: string;
  height: number;
}) {
  const option = useMemo(() => seriesOption(series, style), [series, style]);
  if (!option) return null;
  return <EChart option={option} label={label} height={height} />;
}
