// Compiles one file mapping against the header actually found: for every canonical column, how
// to get its value from a row (a header's cell, a constant, or a derived value), coerced with the
// file's value format. Header problems (duplicate, missing) are errors here, before any row.
import type { CanonicalColumn, CanonicalTable } from '../../shared/domain/canonical';
import { AppError, cutInput, QUOTE_LIMIT, type ErrorWhere } from '../../shared/domain/errors';
import { periodOfDate } from '../../shared/domain/period';
import { derivedHeaders } from '../../shared/domain/mappingHeaders';
import type { FileMapping } from '../../shared/domain/profile';
import { coerce, compileCoercer, INVALID, type Cell, type CellFormat } from './coerce';
import type { ColumnKind } from './rowBatch';

/** What is wrong with one cell of a row. */
export interface CellProblem {
  column: string;
  value: string;
  expected: string;
  /** The column's closed set of values, when the value is not one of them. */
  allowed?: readonly string[];
}

type Getter = (cells: readonly string[]) => Cell | CellProblem;

export class RowMapper {
  /** The canonical columns written, in insert order. */
  readonly names: string[];
  /** What each column's values are, numbers or text, for the batches to the main thread. */
  readonly kinds: ColumnKind[];
  /** Headers of the file that no column reads. */
  readonly ignoredHeaders: string[];
  private readonly getters: Getter[];

  constructor(table: CanonicalTable, mapping: FileMapping, fmt: CellFormat, header: string[], where: ErrorWhere) {
    checkDuplicates(header, where);
    const index = headerIndex(header);
    const col = (name: string) => table.columns.find((c) => c.name === name)!;
    const mapped = table.columns.filter(
      (c) => c.name in mapping.columns || c.name in (mapping.constants ?? {}) || c.name in (mapping.derived ?? {}),
    );
    const needed = new Set<string>();
    const find = (h: string) => {
      needed.add(h);
      return index(h);
    };
    // Every header a column needs, checked before any getter exists so all missing ones are named.
    const missing = mapped.flatMap((c) => {
      const h = mapping.columns[c.name];
      if (h !== undefined) return find(h) === -1 && !c.optional ? [h] : [];
      const d = mapping.derived?.[c.name];
      return d ? derivedHeaders(d).filter((x) => find(x) === -1) : [];
    });
    if (missing.length > 0) {
      throw new AppError('import_failed', `Missing column(s): ${missing.map((m) => `"${m}"`).join(', ')}.`, {
        where: { ...where, column: missing[0] },
        hint: `Expected the header to contain ${[...needed].map((h) => `"${h}"`).join(', ')}; found ${cutInput(
          header
            .filter(Boolean)
            .map((h) => `"${h}"`)
            .join(', '),
          QUOTE_LIMIT * 2,
        )}. Fix the export or the mapping profile.`,
      });
    }
    this.names = mapped.map((c) => c.name);
    this.getters = mapped.map((c) => getter(col(c.name), mapping, fmt, index, where));
    this.kinds = mapped.map((c) => kindOf(col(c.name), mapping));
    this.ignoredHeaders = header.filter((h) => h !== '' && ![...needed].some((n) => sameHeader(n, h)));
  }

  /** Fills values[offset + i] for each column; returns the first problem of the row, if any. */
  map(cells: readonly string[], values: Cell[], offset: number): CellProblem | undefined {
    for (let i = 0; i < this.getters.length; i++) {
      const v = this.getters[i]!(cells);
      if (v !== null && typeof v === 'object') return v;
      values[offset + i] = v;
    }
    return undefined;
  }
}

const sameHeader = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Finds a header: exact first, then ignoring case (exports change case between versions). */
function headerIndex(header: string[]): (h: string) => number {
  return (h) => {
    const exact = header.indexOf(h);
    return exact !== -1 ? exact : header.findIndex((x) => sameHeader(x, h));
  };
}

function checkDuplicates(header: string[], where: ErrorWhere): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (h !== '' && seen.has(h.toLowerCase())) {
      throw new AppError('import_failed', `Column "${cutInput(h)}" appears twice in the header.`, {
        where: { ...where, column: cutInput(h) },
        hint: 'Remove or rename the duplicate column.',
      });
    }
    seen.add(h.toLowerCase());
  }
}

const NUMBER_TYPES = new Set(['int', 'real', 'bool']);

/** The kind of value getter() gives: a derived product is a number, a week text, else by type. */
function kindOf(col: CanonicalColumn, mapping: FileMapping): ColumnKind {
  const derived = mapping.columns[col.name] === undefined && mapping.constants?.[col.name] === undefined;
  const d = derived ? mapping.derived?.[col.name] : undefined;
  if (d && 'product' in d) return 'number';
  if (d && 'weekOf' in d) return 'text';
  return NUMBER_TYPES.has(col.type) ? 'number' : 'text';
}

function getter(
  col: CanonicalColumn,
  mapping: FileMapping,
  fmt: CellFormat,
  index: (h: string) => number,
  where: ErrorWhere,
): Getter {
  const coerceFast = compileCoercer(col, fmt);
  const checked =
    (label: string) =>
    (raw: string): Cell | CellProblem => {
      const v = coerceFast(raw);
      if (v !== INVALID) return v;
      const why = coerce(col, raw, fmt);
      const expected = why.ok ? `a valid ${col.type}` : why.expected;
      return col.oneOf && raw.trim() !== ''
        ? { column: label, value: raw, expected, allowed: col.oneOf }
        : { column: label, value: raw, expected };
    };

  const header = mapping.columns[col.name];
  if (header !== undefined) {
    const i = index(header);
    const read = valueMapped(checked(header), mapping.values?.[col.name]);
    const factor = mapping.units?.[col.name];
    if (i === -1) return () => null; // an optional column the file does not carry
    if (factor === undefined) return (cells) => read(cells[i] ?? '');
    return (cells) => {
      const v = read(cells[i] ?? '');
      return typeof v === 'number' ? v * factor : v;
    };
  }

  const constant = mapping.constants?.[col.name];
  if (constant !== undefined) {
    const v = coerce(col, String(constant), fmt);
    if (!v.ok) {
      throw new AppError('import_failed', `The profile's constant for ${col.name} is not ${v.expected}.`, {
        where: { ...where, field: `constants.${col.name}`, value: cutInput(String(constant)) },
        hint: 'Correct the constant in the mapping profile.',
      });
    }
    return () => v.value;
  }

  const d = mapping.derived![col.name]!;
  if ('template' in d) {
    const parts = d.template.split(/\{([^}]+)\}/g).map((p, k) => (k % 2 === 1 ? index(p) : p));
    const read = checked(`${col.name} (${d.template})`);
    return (cells) => read(parts.map((p) => (typeof p === 'number' ? (cells[p] ?? '').trim() : p)).join(''));
  }
  if ('product' in d) {
    const num = compileCoercer({ name: col.name, type: 'real' }, fmt);
    const [a, b] = d.product;
    const ia = index(a);
    const ib = typeof b === 'string' ? index(b) : -1;
    return (cells) => {
      const x = num(cells[ia] ?? '');
      if (typeof x !== 'number') return { column: a, value: cells[ia] ?? '', expected: 'a number' };
      const y = typeof b === 'number' ? b : num(cells[ib] ?? '');
      if (typeof y !== 'number') return { column: String(b), value: cells[ib] ?? '', expected: 'a number' };
      const n = x * y;
      if (col.min !== undefined && n < col.min) {
        return { column: `${a} × ${String(b)}`, value: String(n), expected: `a number >= ${col.min}` };
      }
      return n;
    };
  }
  const date = compileCoercer({ name: col.name, type: 'date', optional: col.optional }, fmt);
  const i = index(d.weekOf);
  const weeks = new Map<string, string>();
  const weekOf = (iso: string) => {
    let w = weeks.get(iso);
    if (w === undefined) weeks.set(iso, (w = periodOfDate(iso)));
    return w;
  };
  return (cells) => {
    const raw = cells[i] ?? '';
    const v = date(raw);
    if (v === INVALID) {
      const why = coerce({ name: col.name, type: 'date' }, raw, fmt);
      return { column: d.weekOf, value: raw, expected: why.ok ? 'a date' : why.expected };
    }
    return v === null ? null : weekOf(v as string);
  };
}

/**
 * The profile's value map of a column (export value -> canonical value) put before its check:
 * the export's own codes ("SHOP") become the canonical ones ("dc"), matched exactly after trimming.
 * A value the map does not name is checked as it is; a problem names the value the file holds.
 */
function valueMapped(
  read: (raw: string) => Cell | CellProblem,
  values: Record<string, string> | undefined,
): (raw: string) => Cell | CellProblem {
  if (values === undefined || Object.keys(values).length === 0) return read;
  const map = new Map(Object.entries(values).map(([from, to]) => [from.trim(), to]));
  return (raw) => {
    const to = map.get(raw.trim());
    if (to === undefined) return read(raw);
    const v = read(to);
    return v !== null && typeof v === 'object' ? { ...v, value: raw } : v;
  };
}
