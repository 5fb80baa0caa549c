// Text contrast of at least 4.5:1 (WCAG 2.x AA, normal text) for the colours of renderer/styles.css,
// read from the file itself so a new or changed colour is checked too:
// - a rule that sets both a text colour and a solid background: that pair;
// - a rule that sets only a text colour: against every surface text of its kind sits on (dark
//   text on the light surfaces, light text on the navigation's dark ones);
// - a rule that fades its text with opacity: the faded colour, blended over its surface;
// - the pairs that come from inheritance (the navigation's key hints, the disabled button).
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

/** A solid colour, or null for what is not one here (none, inherit, currentColor, translucent). */
function parseColour(value: string): Rgb | null {
  const v = value.trim().toLowerCase();
  if (v === 'white' || v === '#fff' || v === '#ffffff') return [255, 255, 255];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[/,]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return alpha < 1 ? null : [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  return null;
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

const rules = parseCss(readFileSync(join(ROOT, 'renderer', 'styles.css'), 'utf8'));
const vars = new Map<string, string>();
for (const r of rules.filter((x) => x.selector === ':root'))
  for (const [k, v] of r.decls) if (k.startsWith('--')) vars.set(k, v);

/** A declaration's value with var(--x, fallback) resolved from :root. */
function resolve(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.replace(
    /var\((--[\w-]+)(?:,\s*([^)]+))?\)/g,
    (_, name: string, fb?: string) => vars.get(name) ?? fb ?? '',
  );
}
const colourOf = (value: string | undefined): Rgb | null => {
  const v = resolve(value);
  return v === undefined ? null : parseColour(v);
};
const hex = (c: Rgb): string => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
const need = (name: string): Rgb => colourOf(`var(${name})`) ?? parseColour(name)!;

/** Where text is drawn: the body, cards and inputs, the zebra and selected rows; the navigation. */
const LIGHT_SURFACES: Rgb[] = ['#ffffff', '#f1f5f9', '#f8fafc', '#eff6ff'].map((c) => parseColour(c)!);
const DARK_SURFACES: Rgb[] = [need('--bg'), need('--panel'), parseColour('#1e293b')!];
const AA = 4.5;

interface Pair {
  what: string;
  fg: Rgb;
  bg: Rgb;
}

function rulePairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const r of rules) {
    const fg = colourOf(r.decls.get('color'));
    if (!fg) continue;
    const bg = colourOf(r.decls.get('background-color') ?? r.decls.get('background'));
    const opacity = Number(r.decls.get('opacity') ?? 1);
    // The navigation is dark at every width; elsewhere light text sits on dark chips and bars.
    const onDark = /^\.(nav|brand)\b/.test(r.selector) || luminance(fg) > 0.4;
    const surfaces = bg ? [bg] : onDark ? DARK_SURFACES : LIGHT_SURFACES;
    for (const s of surfaces) pairs.push({ what: r.selector, fg: blend(fg, s, opacity), bg: s });
  }
  return pairs;
}

/** Rules that fade inherited text with opacity only: the ink and the muted text, faded. */
function fadedPairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const r of rules) {
    const opacity = r.decls.get('opacity');
    if (opacity === undefined || r.decls.has('color') || r.selector.startsWith('.nav') || /kbd/.test(r.selector))
      continue;
    // A row being dragged is faded for the moment of the drag only.
    if (r.selector === '.dec-row.dragging') continue;
    for (const text of [need('--ink'), need('--muted')])
      pairs.push({
        what: `${r.selector} (opacity ${opacity})`,
        fg: blend(text, parseColour('#ffffff')!, Number(opacity)),
        bg: parseColour('#ffffff')!,
      });
  }
  return pairs;
}

/** The key hints: inherited text colours faded by their rule's opacity. */
function hintPairs(): Pair[] {
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
  const navText = colourOf(rules.find((r) => r.selector === '.nav')!.decls.get('color'))!;
  const white = parseColour('#ffffff')!;
  const navKbd = opacityOf('.nav kbd');
  const captureKbd = opacityOf('.capture-open kbd');
  return [
    { what: '.nav kbd', fg: blend(navText, need('--bg'), navKbd), bg: need('--bg') },
    {
      what: '.nav kbd (current page)',
      fg: blend(white, need('--accent'), opacityOf(".nav a[aria-current='page'] kbd")),
      bg: need('--accent'),
    },
    { what: '.capture-open kbd', fg: blend(white, DARK_SURFACES[2]!, captureKbd), bg: DARK_SURFACES[2]! },
    { what: '.detail-head kbd', fg: blend(need('--ink'), white, captureKbd), bg: white },
  ];
}

describe('text contrast of styles.css (WCAG AA, 4.5:1)', () => {
  it('computes ratios as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes.
    expect(contrast(parseColour('#767676')!, [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('finds the colours it checks', () => {
    expect(vars.get('--muted')).toBeDefined();
    expect(rulePairs().length).toBeGreaterThan(50);
  });

  it.each([
    ['rules with a text colour', rulePairs],
    ['text faded by opacity', fadedPairs],
    ['key hints', hintPairs],
  ])('%s reach 4.5:1', (_, pairs) => {
    const failing = pairs()
      .map((p) => ({ ...p, ratio: contrast(p.fg, p.bg) }))
      .filter((p) => p.ratio < AA)
      .map((p) => `${p.what}: ${hex(p.fg)} on ${hex(p.bg)} is ${p.ratio.toFixed(2)}:1`);
    expect([...new Set(failing)]).toEqual([]);
  });
});
