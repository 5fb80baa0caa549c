// Chart colours from the CSS variables of styles.css. Options name their colours as
// 'var(--chart-…)' strings (so one option serves both themes); themedOption turns each into the
// value read from the page when the chart is drawn, and gives the axes, grid lines, legend,
// title and tooltip the theme's colours where an option leaves ECharts' defaults (in light the
// variables hold those very defaults). Pure: the reader is passed in, so it is tested without a DOM.

type Obj = Record<string, unknown>;
/** Reads a custom property (`--chart-axis`) as the page has it now. */
export type ReadVar = (name: string) => string;

const VAR = /^var\((--[\w-]+)\)$/;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` with every 'var(--x)' string inside replaced by read('--x'); functions and numbers kept. */
function resolveVars(value: unknown, read: ReadVar): unknown {
  if (typeof value === 'string') {
    const m = VAR.exec(value.trim());
    return m ? read(m[1]!) || undefined : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveVars(v, read));
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveVars(v, read);
    return out;
  }
  return value;
}

/** `defaults` under `value`: what the option sets wins, nested objects merged. */
function under(defaults: Obj, value: unknown): Obj {
  const v = isObj(value) ? value : {};
  const out: Obj = { ...defaults, ...v };
  for (const [k, d] of Object.entries(defaults)) if (isObj(d) && isObj(v[k])) out[k] = under(d, v[k]);
  return out;
}

const onEach = (v: unknown, f: (o: Obj) => Obj): unknown =>
  Array.isArray(v) ? v.map((x) => (isObj(x) ? f(x) : x)) : isObj(v) ? f(v) : v;

const AXIS: Obj = {
  axisLabel: { color: 'var(--chart-axis)' },
  nameTextStyle: { color: 'var(--chart-axis)' },
  axisLine: { lineStyle: { color: 'var(--chart-axis)' } },
  axisTick: { lineStyle: { color: 'var(--chart-axis)' } },
  splitLine: { lineStyle: { color: 'var(--chart-grid)' } },
};

/** A copy of `option` in the page's current theme; the input is not changed. */
export function themedOption<T extends object>(option: T, read: ReadVar): T {
  const o: Obj = { ...(option as Obj) };
  for (const key of ['xAxis', 'yAxis'] as const)
    if (o[key] !== undefined) o[key] = onEach(o[key], (a) => under(AXIS, a));
  if (o.legend !== undefined)
    o.legend = onEach(o.legend, (l) => under({ textStyle: { color: 'var(--chart-legend)' } }, l));
  if (o.title !== undefined) o.title = onEach(o.title, (t) => under({ textStyle: { color: 'var(--chart-title)' } }, t));
  if (o.tooltip !== undefined)
    o.tooltip = onEach(o.tooltip, (t) =>
      under({ backgroundColor: 'var(--chart-tooltip-bg)', textStyle: { color: 'var(--chart-tooltip-ink)' } }, t),
    );
  return resolveVars(o, read) as T;
}
