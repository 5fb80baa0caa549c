import { useEffect, useMemo, useRef } from 'react';
import { useResolvedTheme } from '../theme';
import { themedOption } from './chartTheme';
import { echarts, type ChartOption } from './echarts';
import { smallestLabelPx, withLabelSize } from './labelSize';
import { useChartTextPx } from './useChartTextPx';

/**
 * One ECharts chart on a canvas: created on mount, given each new option whole (notMerge, so
 * removed series go), resized with its box, disposed on unmount. In presenter mode its text is
 * set to the presenter scale and the box grows with it; `data-label-px` says the smallest label
 * size drawn (canvas text cannot be measured from the page). Its colours are the page's CSS
 * variables, read again when the theme changes (the OS's, or the user's choice).
 */
/** A custom property of <html> as the page has it now (presenter mode's and the theme's included). */
const readPageVar = (name: string): string => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export function EChart({ option, height = 280, label }: { option: ChartOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const textPx = useChartTextPx();
  const theme = useResolvedTheme();
  const shown = useMemo(() => {
    const sized = textPx === null ? option : withLabelSize(option, textPx);
    return themedOption(sized, readPageVar);
    // `theme` is a dependency though not read: the variables themedOption reads change with it.
  }, [option, textPx, theme]);
  // The plot keeps its share of the box when the labels grow (12 px is ECharts' own size).
  const boxHeight = textPx === null ? height : Math.round((height * textPx) / 12);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(shown, { notMerge: true });
    // What ECharts holds after the merge with its defaults, not what was asked for.
    const px = smallestLabelPx(instance.getOption());
    box.current?.setAttribute('data-label-px', px === null ? '' : String(px));
  }, [shown]);

  return (
    <div
      ref={box}
      className="echart"
      role="img"
      aria-label={label}
      data-theme-drawn={theme}
      style={{ height: boxHeight }}
    />
  );
}
