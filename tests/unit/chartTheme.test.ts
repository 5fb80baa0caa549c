// Chart colours from the CSS variables: themedOption resolves every 'var(--chart-…)' of an
// option with the reader it is given and fills the axes, legend, title and tooltip colours
// ECharts would otherwise pick (its light defaults, unreadable on a dark card), never over what
// the option set. Every chart variable the charts name is defined in both palettes of styles.css.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { themedOption } from '../../renderer/charts/chartTheme';
import { withLabelSize } from '../../renderer/charts/labelSize';
import { readStoredChoice, resolveTheme, THEME_STORAGE_KEY } from '../../renderer/themeChoice';
import { ROOT } from '../helpers/cli';

const css = readFileSync(join(ROOT, 'renderer', 'styles.css'), 'utf8');
/** The custom properties a block of styles.css sets. */
function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}
const LIGHT = block(':root');
const DARK = new Map([...LIGHT, ...block(":root[data-theme='dark']")]);
const reader = (p: Map<string, string>) => (name: string) => p.get(name) ?? '';

describe('chart colours from the theme', () => {
  const option = {
    title: { text: 'T', textStyle: { fontSize: 13 } },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', formatter: (v: unknown) => String(v) },
    xAxis: { type: 'category', data: ['a', 'b'] },
    yAxis: [{ type: 'value', axisLabel: { color: 'var(--chart-limit)', fontSize: 10 } }],
    series: [{ type: 'line', data: [1, null], lineStyle: { color: 'var(--chart-main)', width: 2 } }],
  };

  it('resolves the variables of an option for the palette, keeping data, functions and sizes', () => {
    const dark = themedOption(option, reader(DARK));
    expect(dark.series[0]!.lineStyle).toEqual({ color: DARK.get('--chart-main'), width: 2 });
    expect(dark.series[0]!.data).toEqual([1, null]);
    expect(dark.yAxis[0]!.axisLabel).toEqual({ color: DARK.get('--chart-limit'), fontSize: 10 });
    expect(dark.tooltip.formatter).toBe(option.tooltip.formatter);
    expect(themedOption(option, reader(LIGHT)).series[0]!.lineStyle.color).toBe('#1d4ed8');
    // The input is not changed: the same option is drawn again when the theme changes.
    expect(option.series[0]!.lineStyle.color).toBe('var(--chart-main)');
  });

  it("gives the axes, legend, title and tooltip the theme's colours where the option set none", () => {
    const dark = themedOption(option, reader(DARK)) as unknown as Record<string, Record<string, unknown>>;
    const x = dark.xAxis as Record<string, Record<string, unknown>>;
    expect(x.axisLabel).toEqual({ color: DARK.get('--chart-axis') });
    expect(x.splitLine).toEqual({ lineStyle: { color: DARK.get('--chart-grid') } });
    expect(dark.legend).toEqual({ top: 4, textStyle: { color: DARK.get('--chart-legend') } });
    expect(dark.title!.textStyle).toEqual({ fontSize: 13, color: DARK.get('--chart-title') });
    expect(dark.tooltip!.backgroundColor).toBe(DARK.get('--chart-tooltip-bg'));
    // In light the defaults are ECharts 6's own (its tokens: axis #54555a, split line #dbdee4).
    const light = themedOption(option, reader(LIGHT)) as unknown as Record<string, Record<string, unknown>>;
    expect((light.xAxis as Record<string, unknown>).axisLabel).toEqual({ color: '#54555a' });
  });

  it("presenter mode's larger labels take the theme's ink", () => {
    const big = themedOption(withLabelSize(option, 20), reader(DARK));
    expect(big.yAxis[0]!.axisLabel).toMatchObject({ fontSize: 20, color: DARK.get('--chart-ink') });
    expect(DARK.get('--chart-ink')).not.toBe(LIGHT.get('--chart-ink'));
  });

  it('names only chart variables that both palettes define', () => {
    const dirs = [join(ROOT, 'renderer', 'charts'), join(ROOT, 'renderer', 'components', 'exceptionCharts')];
    const named = new Set(
      dirs.flatMap((d) =>
        readdirSync(d)
          .filter((f) => /\.tsx?$/.test(f))
          .flatMap((f) => [...readFileSync(join(d, f), 'utf8').matchAll(/var\((--chart-[\w-]+)\)/g)].map((m) => m[1]!)),
      ),
    );
    expect(named.size).toBeGreaterThan(15);
    const dark = block(":root[data-theme='dark']");
    expect([...named].filter((n) => !LIGHT.has(n) || !dark.has(n))).toEqual([]);
  });
});

describe('the theme choice', () => {
  it('reads a stored choice, and "system" for none, an unknown value or refused storage', () => {
    const store = (v: string | null) => ({ getItem: (k: string) => (k === THEME_STORAGE_KEY ? v : null) });
    expect(readStoredChoice(store('dark'))).toBe('dark');
    expect(readStoredChoice(store('light'))).toBe('light');
    expect(readStoredChoice(store(null))).toBe('system');
    expect(readStoredChoice(store('purple'))).toBe('system');
    const refused = {
      getItem: (): string => {
        throw new Error('SecurityError');
      },
    };
    expect(readStoredChoice(refused)).toBe('system');
  });

  it("resolves System to the OS's theme and keeps an explicit choice", () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
