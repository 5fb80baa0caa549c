// A mapping profile turns one source system's export folder into canonical rows: which file (by
// name pattern) or workbook sheet feeds which canonical table, which source header holds each
// column, constants, simple derived columns, unit factors, and how the files write numbers and
// dates. Profiles are stored in SQLite, edited on the Data page or as JSON from the CLI; the zod
// schema below is the one definition of their shape, and checkProfile() the rules a shape alone
// cannot say (every required column mapped once, formats that cannot be confused).
import { z } from 'zod';
import { CANONICAL_TABLES, SOURCE_SYSTEMS, canonicalTable, type CanonicalTableName } from './canonical';
import { cutInput } from './errors';
import { DATE_FORMATS, ambiguousDateFormats } from './formats';

const TABLE_NAMES = CANONICAL_TABLES.map((t) => t.name) as [CanonicalTableName, ...CanonicalTableName[]];

/** How a file writes numbers and dates; a file mapping may override the profile's default. */
export const ValueFormat = z.strictObject({
  /** Decimal separator. */
  decimal: z.enum(['.', ',']),
  /** Thousands separator, '' for none; ' ' also accepts no-break and narrow spaces. */
  thousands: z.enum(['', ',', '.', ' ', "'"]),
  /** Accepted date formats, tried in order; 'excel-serial' takes Excel day numbers. */
  dateFormats: z.array(z.enum(DATE_FORMATS)).min(1).max(6),
});
export type ValueFormat = z.infer<typeof ValueFormat>;

export const CsvOptions = z.strictObject({
  /** 'auto' picks the delimiter that splits the header into the expected column names. */
  delimiter: z.enum(['auto', ',', ';', '\t', '|']),
  /** 'auto' reads UTF-8 and falls back to Windows-1252 when the file is not valid UTF-8. */
  encoding: z.enum(['auto', 'utf-8', 'windows-1252']),
});
export type CsvOptions = z.infer<typeof CsvOptions>;

const Header = z.string().trim().min(1, 'a column header').max(200);

/** A column computed from others: a text template, a product of two numbers, or the week of a date. */
export const Derived = z.union([
  z.strictObject({ template: z.string().min(1).max(200).describe('text with {Header} placeholders') }),
  z.strictObject({ product: z.tuple([Header, z.union([Header, z.number()])]) }),
  z.strictObject({ weekOf: Header.describe('a date column; gives its ISO week') }),
]);
export type Derived = z.infer<typeof Derived>;

export const FileMapping = z.strictObject({
  /** File name or pattern inside the source folder (* and ?, case-insensitive). */
  file: z
    .string()
    .trim()
    .min(1)
    .max(200)
    // Nothing outside the import folder: no folder separators, no parent-folder step.
    .refine((s) => !/[\\/]/.test(s) && !s.includes('..'), 'a file name or pattern, without folders or ".."'),
  /** Which file when several match: the newest (by time, then name), or all of them. */
  pick: z.enum(['newest', 'all']).optional(),
  /** Worksheet name or pattern, for .xlsx files; the first sheet when absent. */
  sheet: z.string().trim().min(1).max(100).optional(),
  table: z.enum(TABLE_NAMES),
  /** canonical column -> header as the source system writes it */
  columns: z.record(z.string(), Header),
  /** canonical column -> one value for every row */
  constants: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  derived: z.record(z.string(), Derived).optional(),
  /**
   * canonical column -> { export value: canonical value }, applied before the value is checked:
   * {"type": {"SHOP": "dc", "DC": "dc"}}. Matched exactly after trimming.
   */
  values: z
    .record(z.string(), z.record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(200)))
    .optional(),
  /** canonical numeric column -> factor applied after parsing (e.g. 0.001 for kg to t) */
  units: z.record(z.string(), z.number().positive().finite()).optional(),
  format: ValueFormat.partial().optional(),
  /** The folder may lack this file; the table is then empty in the snapshot. */
  optional: z.boolean().optional(),
});
export type FileMapping = z.infer<typeof FileMapping>;

export const SourceProfile = z.strictObject({
  source: z.enum(SOURCE_SYSTEMS),
  csv: CsvOptions,
  format: ValueFormat,
  files: z.array(FileMapping).min(1).max(50),
});
export type SourceProfile = z.infer<typeof SourceProfile>;

export interface ProfileProblem {
  /** JSON path of the offending field, e.g. files.2.columns.qty */
  path: string;
  message: string;
}

/** The rules beyond the shape: known columns, every required column mapped exactly once. */
export function checkProfile(profile: SourceProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const ambiguous = ambiguousDateFormats(profile.format.dateFormats);
  if (ambiguous) problems.push({ path: 'format.dateFormats', message: ambiguous });
  const sameSeparators = (path: string, f: ValueFormat) => {
    if (f.decimal === f.thousands) {
      problems.push({ path, message: `decimal and thousands separators must differ (both "${f.decimal}")` });
    }
  };
  sameSeparators('format', profile.format);
  profile.files.forEach((f, i) => {
    const at = (rest: string) => `files.${i}.${rest}`;
    const table = canonicalTable(f.table);
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const mappedBy = new Map<string, string>();
    for (const kind of ['columns', 'constants', 'derived'] as const) {
      for (const name of Object.keys(f[kind] ?? {})) {
        if (!byName.has(name)) {
          problems.push({ path: at(`${kind}.${name}`), message: `${f.table} has no column "${cutInput(name)}"` });
        } else if (mappedBy.has(name)) {
          problems.push({
            path: at(`${kind}.${name}`),
            message: `"${name}" is already given by ${mappedBy.get(name)}; give it once`,
          });
        } else mappedBy.set(name, kind);
      }
    }
    for (const c of table.columns) {
      if (!c.optional && !mappedBy.has(c.name)) {
        problems.push({
          path: at(`columns.${c.name}`),
          message: `${f.table}.${c.name} is required: map a header to it`,
        });
      }
    }
    for (const name of Object.keys(f.units ?? {})) {
      const col = byName.get(name);
      if (!col || col.type !== 'real') {
        problems.push({ path: at(`units.${name}`), message: `a unit factor needs a decimal column of ${f.table}` });
      }
    }
    for (const [name, map] of Object.entries(f.values ?? {})) {
      const col = byName.get(name);
      if (!col) {
        problems.push({ path: at(`values.${name}`), message: `${f.table} has no column "${cutInput(name)}"` });
        continue;
      }
      if (f.columns[name] === undefined) {
        problems.push({
          path: at(`values.${name}`),
          message: `a value map needs ${name} read from a header (columns)`,
        });
        continue;
      }
      for (const [from, to] of Object.entries(map)) {
        if (col.oneOf && !col.oneOf.includes(to.trim())) {
          problems.push({
            path: at(`values.${name}.${cutInput(from, 40)}`),
            message: `${f.table}.${name} takes only ${col.oneOf.join(', ')}, not "${cutInput(to, 40)}"`,
          });
        }
      }
    }
    for (const [name, d] of Object.entries(f.derived ?? {})) {
      const col = byName.get(name);
      if (!col) continue;
      if ('product' in d && col.type !== 'real') {
        problems.push({ path: at(`derived.${name}`), message: 'a product gives a decimal number' });
      }
      if ('weekOf' in d && col.type !== 'period') {
        problems.push({ path: at(`derived.${name}`), message: 'weekOf gives an ISO week: use it for a period column' });
      }
    }
    if (f.format) sameSeparators(at('format'), fileFormat(profile, f));
    const fileAmbiguous = f.format?.dateFormats && ambiguousDateFormats(f.format.dateFormats);
    if (fileAmbiguous) problems.push({ path: at('format.dateFormats'), message: fileAmbiguous });
  });
  return problems;
}

/** The value format in force for one file: its overrides over the profile's default. */
export const fileFormat = (profile: SourceProfile, f: FileMapping): ValueFormat => ({ ...profile.format, ...f.format });
