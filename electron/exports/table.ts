// The one shape every export renders: parts (a sheet of the workbook, a section of the Markdown
// and of the printed minutes), each holding tables of cells. A cell is text, a number with its
// unit, or nothing: the renderers write a number as a number (XLSX) or as the app shows it
// (Markdown, PDF), and nothing as the column's missing text ("no data"), never as 0.
import { formatDelta, formatFigure, type FigureUnit } from '../../shared/planning/figures';

export type NumUnit = FigureUnit | 'minutes';

export interface Num {
  n: number;
  unit: NumUnit;
  /** A difference against the baseline: shown signed ("+1.2 pt"). */
  delta?: boolean;
}

/** Text, a number, or nothing (shown as the column's `missing`). */
export type Cell = string | Num | null;

export interface Column {
  label: string;
  /** What an empty cell of this column reads: "no data" unless said otherwise. */
  missing?: string;
  /** Width in characters, for the workbook. */
  width?: number;
}

export interface Table {
  /** A heading above the table (none for the only table of a part). */
  title?: string;
  columns: Column[];
  rows: Cell[][];
  /** What the table reads when it has no rows ("No attendees recorded."). */
  empty: string;
  /** A line under the table (what was left out, where a figure comes from). */
  note?: string;
}

export interface Part {
  /** The sheet name and the section heading. */
  title: string;
  tables: Table[];
}

export const NO_DATA = 'no data';

/** A number cell, or nothing when the figure has no data. */
export const num = (n: number | null | undefined, unit: NumUnit, delta = false): Cell =>
  n === null || n === undefined || !Number.isFinite(n) ? null : { n, unit, delta };

export const isNum = (c: Cell): c is Num => c !== null && typeof c === 'object';

/** A cell as text, as the app shows it. */
export function cellText(c: Cell, column: Column): string {
  if (c === null) return column.missing ?? NO_DATA;
  if (typeof c === 'string') return c;
  if (c.unit === 'minutes') return `${Math.round(c.n * 10) / 10} min`;
  return c.delta ? formatDelta(c.unit, c.n) : formatFigure(c.unit, c.n);
}

/** Excel number formats by unit (shares are fractions, as in the app). */
export const NUM_FORMAT: Record<NumUnit, string> = {
  pct: '0.0%',
  money: '#,##0',
  count: '#,##0',
  units: '#,##0" units"',
  hours: '#,##0" h"',
  days: '0.0" days"',
  turns: '0.0',
  ratio: '0.00',
  minutes: '0" min"',
};

/** The name of a cycle (or anything) safe as a file name: `2026-12 S&OP` -> `2026-12-s-op`. */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
