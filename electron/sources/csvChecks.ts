// The checks on a CSV file's shape that PapaParse does not make with rows as arrays: every row has
// as many fields as the header, the file ends its lines one way, and no value holds a control
// character. They run inside the one streaming pass: a row's field count is one comparison, and
// the bytes are tested a whole chunk at a time (Buffer.indexOf per suspect byte); only a file
// whose chunks hold a suspect byte (or a quote, which may hide a line break) has its cells scanned
// one by one, to name the row and column.
import { AppError, cutInput, type ErrorWhere } from '../../shared/domain/errors';
import { isBlank } from './rowChecks';

export type Newline = '\n' | '\r\n' | '\r';

const NEWLINE_NAMES: Record<Newline, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };

/** The line ending of the file: the one that ends its first line (LF when it has a single line). */
export function detectNewline(head: string): Newline {
  const lf = head.indexOf('\n');
  const cr = head.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return '\n';
  return head[cr + 1] === '\n' ? '\r\n' : '\r';
}

/**
 * A test of a chunk of the file's bytes: true when its cells must be scanned because it holds a
 * control character other than tab and the file's own line ending, a line-ending byte of another
 * kind, or a quote (a quoted value may hold a line break or a tab). Each byte is looked for with
 * Buffer.indexOf (memchr), several times cheaper than a regular expression over the decoded text;
 * below 0x80 the bytes are ASCII in UTF-8 and Windows-1252 alike. State carries a CR that ends one
 * chunk of a CRLF file over to the LF that starts the next.
 */
export function suspectBytes(newline: Newline): (chunk: Buffer) => boolean {
  const bytes: number[] = [0x22, 0x7f];
  for (let b = 0; b < 0x20; b++) if (b !== 0x09 && b !== 0x0a && b !== 0x0d) bytes.push(b);
  if (newline === '\n') bytes.push(0x0d);
  if (newline === '\r') bytes.push(0x0a);
  let endsInCr = false;
  return (chunk) => {
    for (const b of bytes) if (chunk.indexOf(b) !== -1) return true;
    if (newline !== '\r\n' || chunk.length === 0) return false;
    const lone = loneLineEnd(chunk, endsInCr);
    endsInCr = chunk[chunk.length - 1] === 0x0d;
    return lone;
  };
}

/** A CR not followed by LF, or an LF not preceded by CR, in a chunk of a CRLF file. */
function loneLineEnd(chunk: Buffer, afterCr: boolean): boolean {
  if (afterCr && chunk[0] !== 0x0a) return true;
  for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
    if (i === 0 ? !afterCr : chunk[i - 1] !== 0x0d) return true;
  }
  for (let i = chunk.indexOf(0x0d); i !== -1; i = chunk.indexOf(0x0d, i + 1)) {
    // A CR last in the chunk is judged by the next chunk's first byte.
    if (i + 1 < chunk.length && chunk[i + 1] !== 0x0a) return true;
  }
  return false;
}

/**
 * Where the first control character of a value is (0-based), or -1: C0 (tabs and line breaks
 * included) and DEL.
 */
export function controlCharAt(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return i;
  }
  return -1;
}

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 9: 'TAB', 10: 'LF', 13: 'CR', 0x7f: 'DEL' };

/** "U+0000 (NUL)" */
export function controlName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[code];
  return name ? `${hex} (${name})` : hex;
}

export interface CsvShape {
  file: string;
  /** The worksheet, for a workbook's rows. */
  sheet?: string;
  /** The header's cells, to name a column. */
  header: readonly string[];
  /** The file's line ending; none for a workbook, where any line break is a control character. */
  newline?: Newline;
  delimiter: string;
}

/** The error for a header cell or row cell holding a control character; undefined when clean. */
export function controlError(shape: CsvShape, cells: readonly string[], row: number): AppError | undefined {
  for (let c = 0; c < cells.length; c++) {
    const value = cells[c]!;
    const at = controlCharAt(value);
    if (at === -1) continue;
    const code = value.charCodeAt(at);
    const where: ErrorWhere = {
      file: shape.file,
      sheet: shape.sheet,
      row,
      column: shape.header[c] || `#${c + 1}`,
      value: cutInput(value),
    };
    // In a CRLF file a lone CR or LF is another line ending; in an LF (CR) file only a CR (LF) is:
    // its own line break inside a value came from a quoted value, a control character like others.
    const lineEnd = code === 10 || code === 13;
    const nl = shape.newline;
    if (nl && lineEnd && (nl === '\r\n' || nl !== String.fromCharCode(code))) {
      return new AppError(
        'import_failed',
        `The file mixes line endings: its first line ends with ${NEWLINE_NAMES[nl]}, but row ${row} holds a ${NEWLINE_NAMES[code === 10 ? '\n' : '\r']} at character ${at + 1} of column ${where.column}.`,
        {
          where,
          hint: 'Lines were joined or copied from another system. Save the export again with one kind of line ending (all LF or all CRLF).',
        },
      );
    }
    return new AppError(
      'import_failed',
      `A control character ${controlName(code)} at character ${at + 1} of the value.`,
      {
        where,
        hint: 'Control characters are invisible and make equal-looking keys differ (a NUL after C00002). Remove them in the source system or the export; a value must be one line of text.',
      },
    );
  }
  return undefined;
}

/** The error for a row whose field count is not the header's; undefined when it fits or is blank. */
export function shapeError(shape: CsvShape, cells: string[], row: number): AppError | undefined {
  const expected = shape.header.length;
  if (cells.length === expected || isBlank(cells)) return undefined;
  const line = rawLine(cells, shape.delimiter);
  const more = cells.length > expected;
  return new AppError(
    'import_failed',
    `The row has ${cells.length} fields where the header has ${expected}: ${JSON.stringify(cutInput(line))}.`,
    {
      where: { file: shape.file, row },
      hint: more
        ? `A "${printable(shape.delimiter)}" inside an unquoted value (a name like "Smith, John", a number like 1,291) shifts the columns: quote such values in the export, or export with another delimiter.`
        : 'The line is cut short (a truncated export, or a value with a line break): export the file again.',
    },
  );
}

const printable = (delimiter: string): string => (delimiter === '\t' ? 'tab' : delimiter);

/**
 * The row as the file wrote it: its cells joined by the delimiter, a cell quoted only where it
 * must have been (it holds the delimiter, a quote or a line break). For the unquoted lines that
 * cause a wrong field count this is the line itself.
 */
function rawLine(cells: readonly string[], delimiter: string): string {
  return cells
    .map((c) =>
      c.includes(delimiter) || c.includes('"') || c.includes('\n') || c.includes('\r')
        ? `"${c.replaceAll('"', '""')}"`
        : c,
    )
    .join(delimiter);
}
