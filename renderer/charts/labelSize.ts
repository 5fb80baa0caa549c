// Chart text for the room: in presenter mode every label of an ECharts option (axis labels and
// names, legend, title, series labels, tooltip) gets the presenter scale's size, never smaller
// than the option asked for, in high-contrast ink. Pure and typed loosely (options are nested
// objects or arrays of them), so it is tested without ECharts or a DOM.

type Obj = Record<string, unknown>;

/** The presenter's chart label size from the root font size: 3/4 of the body text, at least 16 px. */
export function presenterLabelPx(rootPx: number): number {
  return Math.max(16, Math.round(rootPx * 0.75));
}

/** The theme's chart ink (chartTheme.ts reads the variable when the chart is drawn). */
const INK = 'var(--chart-ink)';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const each = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

function sized(style: unknown, px: number): Obj {
  const s = isObj(style) ? style : {};
  const asked = typeof s.fontSize === 'number' ? s.fontSize : 0;
  return { ...s, fontSize: Math.max(asked, px), color: INK };
}

/** A copy of `option` with its text at `px` (titles a fifth larger); the input is not changed. */
export function withLabelSize<T extends object>(option: T, px: number): T {
  const o = { ...(option as Obj) };
  for (const key of ['xAxis', 'yAxis'] as const) {
    if (o[key] === undefined) continue;
    const axes = each(o[key]).map((a) => ({
      ...a,
      axisLabel: sized(a.axisLabel, px),
      nameTextStyle: sized(a.nameTextStyle, px),
    }));
    o[key] = Array.isArray(o[key]) ? axes : axes[0];
  }
  if (o.legend !== undefined) {
    const legends = each(o.legend).map((l) => ({ ...l, textStyle: sized(l.textStyle, px) }));
    o.legend = Array.isArray(o.legend) ? legends : legends[0];
  }
  if (o.title !== undefined) {
    const titles = each(o.title).map((t) => ({ ...t, textStyle: sized(t.textStyle, Math.round(px * 1.2)) }));
    o.title = Array.isArray(o.title) ? titles : titles[0];
  }
  if (o.tooltip !== undefined) {
    o.tooltip = each(o.tooltip).map((t) => ({
      ...t,
      textStyle: { ...(isObj(t.textStyle) ? t.textStyle : {}), fontSize: px },
    }))[0];
  }
  if (o.series !== undefined) {
    o.series = each(o.series).map((s) => (isObj(s.label) ? { ...s, label: sized(s.label, px) } : s));
  }
  // Larger labels need room: the grid grows to hold them instead of clipping.
  if (o.grid !== undefined) o.grid = each(o.grid).map((g) => ({ ...g, containLabel: true }))[0];
  return o as T;
}

/** The smallest label size in an option as set (axis labels and legend), for the page to expose. */
export function smallestLabelPx(option: object): number | null {
  const o = option as Obj;
  const sizes: number[] = [];
  const add = (style: unknown): void => {
    if (isObj(style) && typeof style.fontSize === 'number') sizes.push(style.fontSize);
  };
  for (const a of [...each(o.xAxis), ...each(o.yAxis)]) add(a.axisLabel);
  for (const l of each(o.legend)) add(l.textStyle);
  return sizes.length > 0 ? Math.min(...sizes) : null;
}
