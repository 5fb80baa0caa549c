// One number format for the whole app: the renderer, the exports and the CLI's text all read
// figures through here, so a ratio never shows as 2.239 on one page and 223.9% on another.
// Locale and currency come in explicitly (the renderer's navigator.language and the cycle's
// currency; the CLI 'en'), never from the machine, so a test can pin them.

/** What a number measures, which decides how it reads. Shares are fractions: 0.95 is 95%. */
export type NumberUnit = 'pct' | 'money' | 'units' | 'count' | 'hours' | 'days' | 'turns' | 'ratio';

export interface NumberStyle {
  /** A BCP 47 tag for the separators ('en', 'de-DE'). */
  locale: string;
  /** The cycle's ISO 4217 code ('EUR'); null where it is not known: money then reads as a plain sum. */
  currency: string | null;
}

/** The CLI's style and the default where no locale is given. */
export const PLAIN_STYLE: NumberStyle = { locale: 'en', currency: null };

/** What a missing figure reads: never 0, never a dash. */
export const NO_DATA = 'no data';

/** Sums from this size on are shown without cents: nobody reads €1,234,567.89 in a meeting. */
const LARGE_SUM = 1000;

// Intl.NumberFormat is slow to build and a table formats thousands of cells: one per shape.
const formats = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

const digits = (min: number, max: number): Intl.NumberFormatOptions => ({
  minimumFractionDigits: min,
  maximumFractionDigits: max,
});

/** A sum of money in the cycle's currency: cents below 1,000 where it has any, none above. */
export function formatMoney(x: number, style: NumberStyle = PLAIN_STYLE): string {
  const whole = Math.abs(x) >= LARGE_SUM || Number.isInteger(x);
  if (!style.currency) return nf(style.locale, digits(0, whole ? 0 : 2)).format(x);
  return nf(style.locale, {
    style: 'currency',
    currency: style.currency,
    ...(whole ? digits(0, 0) : {}),
  }).format(x);
}

/**
 * A share as a percentage with one decimal: 2.239 reads 223.9%. A threshold someone typed
 * (`minDigits` 0) keeps its round figure: 0.1 reads 10%.
 */
export function formatPercent(x: number, style: NumberStyle = PLAIN_STYLE, minDigits = 1): string {
  return nf(style.locale, { style: 'percent', ...digits(minDigits, 1) }).format(x);
}

/** A whole count with thousands separators: 15400 reads 15,400. */
export function formatCount(x: number, style: NumberStyle = PLAIN_STYLE): string {
  return nf(style.locale, digits(0, 0)).format(x);
}

/** A number as it came, up to three decimals, with separators (for values of no known unit). */
export function formatDecimal(x: number, style: NumberStyle = PLAIN_STYLE): string {
  return nf(style.locale, digits(0, 3)).format(x);
}

/** A number of the given unit; null or undefined read "no data". */
export function formatNumber(unit: NumberUnit, x: number | null | undefined, style: NumberStyle = PLAIN_STYLE): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_DATA;
  return magnitude(unit, x, style);
}

function magnitude(unit: NumberUnit, x: number, style: NumberStyle): string {
  switch (unit) {
    case 'pct':
      return formatPercent(x, style);
    case 'money':
      return formatMoney(x, style);
    case 'units':
      return `${formatCount(x, style)} ${Math.abs(Math.round(x)) === 1 ? 'unit' : 'units'}`;
    case 'count':
      return formatCount(x, style);
    case 'hours':
      return `${formatCount(x, style)} h`;
    case 'days':
      return `${nf(style.locale, digits(1, 1)).format(x)} days`;
    case 'turns':
      return nf(style.locale, digits(1, 1)).format(x);
    case 'ratio':
      return nf(style.locale, digits(2, 2)).format(x);
  }
}

/** Below what the format shows, a change is no change. */
export function isNoChange(unit: NumberUnit, d: number): boolean {
  const shown = unit === 'pct' ? 0.0005 : unit === 'days' || unit === 'turns' ? 0.05 : unit === 'ratio' ? 0.005 : 0.5;
  return Math.abs(d) < shown;
}

/**
 * A change: "+1.2 pt" for shares (percentage points), "−€3,400", "+12 units", "±0"; '' when
 * unknown, as a change beside "no data" has nothing to say.
 */
export function formatChange(unit: NumberUnit, d: number | null | undefined, style: NumberStyle = PLAIN_STYLE): string {
  if (d === null || d === undefined || !Number.isFinite(d)) return '';
  if (isNoChange(unit, d)) return '±0';
  const sign = d > 0 ? '+' : '−';
  if (unit === 'pct') return `${sign}${nf(style.locale, digits(1, 1)).format(Math.abs(d) * 100)} pt`;
  return `${sign}${magnitude(unit, Math.abs(d), style)}`;
}
