// Contrast of the colours of renderer/styles.css and renderer/presenter.css in BOTH themes, read
// from the files themselves so a new or changed colour is checked too. Every colour is a custom
// property: the light set in :root, the dark set in :root[data-theme='dark'] (and the same values
// under prefers-color-scheme: dark), presenter mode's in html.presenting. For each palette:
// - a rule that sets both a text colour and a solid background: that pair, 4.5:1 (WCAG 2.x AA);
// - a rule that sets only a text colour: against every surface text of its kind sits on (the
//   page, cards, zebra and selected rows; the navigation's dark surfaces for its own text);
// - a rule that fades its text with opacity: the faded colour, blended over its surface;
// - the pairs that come from inheritance or from a component (key hints, status text on its soft
//   background, links, muted text on a selected row) and the non-text ones at 3:1 (WCAG 1.4.11:
//   the focus ring and edges against the surfaces, chart lines against the chart's card);
// - presenter mode and the room view: body text 4.5:1, figures and chart lines 3:1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

type Rgb = [number, number, number];

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio, 1 to 21. */
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` drawn at `alpha` over `bg`. */
function blend(fg: Rgb, bg: Rgb, alpha: number): Rgb {
  return fg.map((c, i) => Math.round(c * alpha + bg[i]! * (1 - alpha))) as Rgb;
}

/** A colour and its alpha, or null for what is not one here (none, inherit, currentColor). */
function parseRgba(value: string): { rgb: Rgb; alpha: number } | null {
  const v = value.trim().toLowerCase();
  // The system colours the light fields keep (the browser's own: white fields, black text).
  if (v === 'white' || v === 'field') return { rgb: [255, 255, 255], alpha: 1 };
  if (v === 'fieldtext') return { rgb: [0, 0, 0], alpha: 1 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return { rgb: [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb, alpha: 1 };
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[/,]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return { rgb: [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])], alpha };
  }
  return null;
}
/** A solid colour, or null (translucent ones are not a background text can be measured on). */
function parseColour(value: string): Rgb | null {
  const c = parseRgba(value);
  return c && c.alpha >= 1 ? c.rgb : null;
}

interface Rule {
  selector: string;
  decls: Map<string, string>;
}

/** The innermost `selector { declarations }` blocks (media queries' rules included), comments removed. */
function parseCss(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of m[2]!.split(';')) {
      const i = d.indexOf(':');
      if (i > 0)
        decls.set(
          d.slice(0, i).trim(),
          d
            .slice(i + 1)
            .replace('!important', '')
            .trim(),
        );
    }
    rules.push({ selector: m[1]!.trim().replace(/\s+/g, ' '), decls });
  }
  return rules;
}

const stylesCss = readFileSync(join(ROOT, 'renderer', 'styles.css'), 'utf8');
const presenterCss = readFileSync(join(ROOT, 'renderer', 'presenter.css'), 'utf8');
const rules = parseCss(stylesCss);
const presenterRules = parseCss(presenterCss);

type Palette = Map<string, string>;
/** The custom properties the rules of `selector` set, later ones winning. */
function varsOf(from: Rule[], selector: string): Palette {
  const out: Palette = new Map();
  for (const r of from.filter((x) => x.selector === selector))
    for (const [k, v] of r.decls) if (k.startsWith('--')) out.set(k, v);
  return out;
}
const over = (...sets: Palette[]): Palette => new Map(sets.flatMap((s) => [...s]));

const LIGHT = varsOf(rules, ':root');
const DARK_SET = varsOf(rules, ":root[data-theme='dark']");
const DARK = over(LIGHT, DARK_SET);
const PRESENT_SET = varsOf(presenterRules, 'html.presenting');
const PRESENT_DARK_SET = varsOf(presenterRules, "html.presenting[data-theme='dark']");
// The cascade's order by specificity: :root, html.presenting, :root[data-theme], html.presenting[data-theme].
const PRESENT_LIGHT = over(LIGHT, PRESENT_SET);
const PRESENT_DARK = over(LIGHT, PRESENT_SET, DARK_SET, PRESENT_DARK_SET);
const PALETTES: [string, Palette][] = [
  ['light', LIGHT],
  ['dark', DARK],
];

/** A declaration's value with var(--x, fallback) resolved from `p` (nested var() too). */
function resolve(p: Palette, value: string | undefined, depth = 0): string | undefined {
  if (value === undefined || depth > 8) return value;
  const out = value.replace(/var\((--[\w-]+)(?:,\s*([^)]+))?\)/g, (_, name: string, fb?: string) => {
    const v = p.get(name) ?? fb ?? '';
    return resolve(p, v, depth + 1) ?? '';
  });
  return out;
}
const colourIn = (p: Palette, value: string | undefined): Rgb | null => {
  const v = resolve(p, value);
  return v === undefined ? null : parseColour(v);
};
const hex = (c: Rgb): string => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
const need = (p: Palette, name: string): Rgb => {
  const c = colourIn(p, `var(${name})`);
  if (!c) throw new Error(`${name} is not a solid colour in the palette`);
  return c;
};

/** Where body text is drawn: cards and inputs, the page, zebra, hover and selected rows. */
const PAGE_SURFACES = ['--surface', '--page', '--surface-alt', '--surface-dim', '--selected', '--selected-row'];
/** The meeting run's current item: its title and notes (ink and the greys) sit on it too. */
const TEXT_SURFACES = [...PAGE_SURFACES, '--current'];
/** The navigation's surfaces: dark in both themes. */
const NAV_SURFACES = ['--bg', '--panel', '--nav-hover'];
const AA = 4.5;
const NON_TEXT = 3;
/** The exception charts' lines (chartOptions.ts), then the scenario charts' (echarts.ts). */
const EXCEPTION_LINES = ['main', 'limit', 'alert', 'other', 'soft'].map((n) => `--chart-${n}`);
const CHART_LINES = [...EXCEPTION_LINES, ...['baseline', 's1', 's2', 's3', 's4'].map((n) => `--chart-${n}`)];

interface Pair {
  what: string;
  fg: Rgb;
  bg: Rgb;
  min: number;
}
const pair = (p: Palette, what: string, fg: string, bg: string, min = AA): Pair => ({
  what: `${what}: ${fg} on ${bg}`,
  fg: need(p, fg),
  bg: need(p, bg),
  min,
});

function rulePairs(p: Palette): Pair[] {
  const pairs: Pair[] = [];
  for (const r of rules) {
    const fg = colourIn(p, r.decls.get('color'));
    if (!fg) continue;
    const bg = colourIn(p, r.decls.get('background-color') ?? r.decls.get('background'));
    const opacity = Number(r.decls.get('opacity') ?? 1);
    // The navigation is dark in both themes; light text of the light theme (on accent fills, the
    // dark chips) has its own background in its rule or sits on the navigation.
    const lightFg = colourIn(LIGHT, r.decls.get('color'));
    const onNav = /^\.(nav|brand|theme-choice)\b/.test(r.selector) || (lightFg !== null && luminance(lightFg) > 0.4);
    const surfaces = bg ? [bg] : (onNav ? NAV_SURFACES : PAGE_SURFACES).map((s) => need(p, s));
    for (const s of surfaces) pairs.push({ what: r.selector, fg: blend(fg, s, opacity), bg: s, min: AA });
  }
  return pairs;
}

/** Rules that fade inherited text with opacity only: the ink and the muted text, faded. */
function fadedPairs(p: Palette): Pair[] {
  const pairs: Pair[] = [];
  for (const r of rules) {
    const opacity = r.decls.get('opacity');
    if (opacity === undefined || r.decls.has('color') || r.selector.startsWith('.nav') || /kbd/.test(r.selector))
      continue;
    // A row being dragged is faded for the moment of the drag only.
    if (r.selector === '.dec-row.dragging') continue;
    const surface = need(p, '--surface');
    for (const text of ['--ink', '--muted'])
      pairs.push({
        what: `${r.selector} (opacity ${opacity}, ${text})`,
        fg: blend(need(p, text), surface, Number(opacity)),
        bg: surface,
        min: AA,
      });
  }
  return pairs;
}

/** The key hints: inherited text colours faded by their rule's opacity. */
function hintPairs(p: Palette): Pair[] {
  const opacityOf = (selector: string): number =>
    Number(
      rules
        .find((r) =>
          r.selector
            .split(',')
            .map((s) => s.trim())
            .includes(selector),
        )
        ?.decls.get('opacity') ?? 1,
    );
  const navText = colourIn(p, rules.find((r) => r.selector === '.nav')!.decls.get('color'))!;
  const onAccent = need(p, '--on-accent');
  const captureKbd = opacityOf('.capture-open kbd');
  const [bg, accent, hover, surface] = ['--bg', '--accent', '--nav-hover', '--surface'].map((n) => need(p, n)) as Rgb[];
  return [
    { what: '.nav kbd', fg: blend(navText, bg!, opacityOf('.nav kbd')), bg: bg!, min: AA },
    {
      what: '.nav kbd (current page)',
      fg: blend(onAccent, accent!, opacityOf(".nav a[aria-current='page'] kbd")),
      bg: accent!,
      min: AA,
    },
    { what: '.capture-open kbd', fg: blend(need(p, '--nav-strong'), hover!, captureKbd), bg: hover!, min: AA },
    { what: '.detail-head kbd', fg: blend(need(p, '--ink'), surface!, captureKbd), bg: surface!, min: AA },
  ];
}

/** Status text on its soft backgrounds, links, muted text on selected rows, fills' text. */
function componentPairs(p: Palette): Pair[] {
  const out: Pair[] = [];
  for (const s of ['ok', 'warn', 'err'])
    for (const bg of [`--${s}-soft`, `--${s}-softer`]) out.push(pair(p, 'status', `--${s}`, bg));
  for (const bg of ['--ok-soft', '--ok-softer']) out.push(pair(p, 'status', '--ok-ink', bg));
  for (const bg of ['--warn-soft', '--warn-softer']) out.push(pair(p, 'status', '--warn-ink', bg));
  out.push(pair(p, 'badge', '--accent-ink', '--accent-soft'), pair(p, 'badge', '--neutral-ink', '--neutral-soft'));
  out.push(pair(p, 'chip', '--chip-ink', '--selected'), pair(p, 'field', '--field-ink', '--field-bg'));
  for (const fill of ['--accent', '--danger-fill']) out.push(pair(p, 'button', '--on-accent', fill));
  for (const text of ['--ink', '--muted', '--ink-soft', '--ink-label', '--ink-term', '--link'])
    for (const bg of TEXT_SURFACES) out.push(pair(p, 'text', text, bg));
  for (const text of ['--warn-text', '--over-ink', '--ok', '--warn', '--err'])
    out.push(pair(p, 'text', text, '--surface'));
  // Rings and edges that say where the focus or the current item is (WCAG 1.4.11, 3:1).
  for (const ring of ['--focus', '--accent-line', '--current-line'])
    for (const bg of TEXT_SURFACES) out.push(pair(p, 'ring', ring, bg, NON_TEXT));
  return out;
}

/** Chart text and lines against the card the chart is drawn on, and over the shaded weeks. */
function chartPairs(p: Palette): Pair[] {
  const out: Pair[] = [];
  for (const text of ['--chart-ink', '--chart-title', '--chart-axis', '--chart-axis-name', '--chart-legend'])
    out.push(pair(p, 'chart text', text, '--surface'));
  out.push(pair(p, 'tooltip', '--chart-tooltip-ink', '--chart-tooltip-bg'));
  const area = parseRgba(resolve(p, 'var(--chart-alert-area)')!)!;
  const shaded = blend(area.rgb, need(p, '--surface'), area.alpha);
  for (const line of CHART_LINES) out.push(pair(p, 'chart line', line, '--surface', NON_TEXT));
  // The exception charts shade the flagged weeks under their lines (the scenario charts do not).
  for (const line of EXCEPTION_LINES)
    out.push({ what: `chart line: ${line} over the shaded weeks`, fg: need(p, line), bg: shaded, min: NON_TEXT });
  return out;
}

/** Presenter mode and the room view: text and figures on its page and cards, the facilitator bar. */
function presenterPairs(p: Palette): Pair[] {
  const out: Pair[] = [];
  for (const bg of ['--present-page', '--surface']) {
    for (const text of ['--ink', '--muted', '--ok', '--warn', '--err', '--link'])
      out.push(pair(p, 'presenter', text, bg));
    for (const ring of ['--focus', '--accent-line']) out.push(pair(p, 'presenter', ring, bg, NON_TEXT));
    for (const line of CHART_LINES) out.push(pair(p, 'presenter chart', line, bg, NON_TEXT));
  }
  for (const bg of ['--fb-bg', '--fb-button'])
    for (const text of ['--fb-ink', '--fb-label', '--fb-owner', '--fb-warn', '--fb-note'])
      out.push(pair(p, 'facilitator bar', text, bg));
  out.push(pair(p, 'facilitator bar', '--fb-button-line', '--fb-bg', NON_TEXT));
  out.push(pair(p, 'shortcut key', '--ink', '--surface-alt'));
  return out;
}

const failing = (pairs: Pair[]): string[] => [
  ...new Set(
    pairs
      .map((p) => ({ ...p, ratio: contrast(p.fg, p.bg) }))
      .filter((p) => p.ratio < p.min)
      .map((p) => `${p.what}: ${hex(p.fg)} on ${hex(p.bg)} is ${p.ratio.toFixed(2)}:1 (needs ${p.min}:1)`),
  ),
];

describe('contrast of styles.css and presenter.css, light and dark (WCAG AA)', () => {
  it('computes ratios as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes.
    expect(contrast(parseColour('#767676')!, [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('finds the colours it checks: both palettes, the same custom properties', () => {
    expect(LIGHT.get('--muted')).toBeDefined();
    expect(DARK_SET.size).toBeGreaterThan(60);
    expect([...DARK_SET.keys()].filter((k) => !LIGHT.has(k))).toEqual([]);
    expect([...PRESENT_DARK_SET.keys()].filter((k) => !PRESENT_SET.has(k) && !LIGHT.has(k))).toEqual([]);
    expect(rulePairs(LIGHT).length).toBeGreaterThan(50);
  });

  it('holds the dark set once: the prefers-color-scheme block and the chosen-Dark block agree', () => {
    expect(varsOf(rules, ":root:not([data-theme='light'])")).toEqual(DARK_SET);
    expect(varsOf(presenterRules, "html.presenting:not([data-theme='light'])")).toEqual(PRESENT_DARK_SET);
  });

  it('has no colour outside a custom property (every colour follows the theme)', () => {
    const literal = /#[0-9a-f]{3,8}\b|\brgba?\(|\b(white|black)\b(?!-)/i;
    const stray = [...rules, ...presenterRules].flatMap((r) =>
      [...r.decls]
        .filter(([k, v]) => !k.startsWith('--') && literal.test(v))
        .map(([k, v]) => `${r.selector} { ${k}: ${v} }`),
    );
    expect(stray).toEqual([]);
  });

  describe.each(PALETTES)('%s theme', (_, p) => {
    it.each([
      ['rules with a text colour', rulePairs],
      ['text faded by opacity', fadedPairs],
      ['key hints', hintPairs],
      ['status, links, selected rows, fills and focus rings', componentPairs],
      ['chart text and lines', chartPairs],
    ])('%s reach their ratio', (_name, pairs) => {
      expect(failing(pairs(p))).toEqual([]);
    });
  });

  it.each([
    ['light', PRESENT_LIGHT],
    ['dark', PRESENT_DARK],
  ])('presenter mode and the room view in %s: text 4.5:1, figures, rings and chart lines 3:1', (_, p) => {
    expect(failing(presenterPairs(p))).toEqual([]);
  });
});
