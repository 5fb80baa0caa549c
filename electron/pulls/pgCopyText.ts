// The rows of `COPY (...) TO STDOUT` in PostgreSQL's text format, as the server's text of each
// value (what pgCells.ts reads; the same text the row protocol carries): one row per line, the
// values separated by a tab, NULL written \N, and a backslash, tab, newline, carriage return,
// backspace, form feed or vertical tab in a value escaped with a backslash (\\ \t \n \r \b \f \v:
// COPY TO writes no other escapes, such as octal). A raw newline therefore only
// ends a row and a raw tab only ends a value, so a chunk is cut at its last newline and the rest
// kept for the next (the stream's chunks do not follow rows, nor UTF-8 characters). Pure.

const NL = 0x0a;
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const ESCAPE = /\\(.)/gs;

/** One value as written: null for \N, the text with its escapes undone otherwise. */
export function copyValue(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(ESCAPE, (_, c: string) => ESCAPES[c] ?? c);
}

/** One line (without its newline) as its values. */
export function copyLine(line: string): (string | null)[] {
  // Most rows have neither NULLs nor escaped characters: no backslash at all.
  if (line.indexOf('\\') < 0) return line.split('\t');
  return line.split('\t').map(copyValue);
}

/** Cuts COPY's chunks into rows; `push` gives the rows the chunk completes. */
export class CopyTextRows {
  private rest: Buffer | null = null;

  push(chunk: Buffer): (string | null)[][] {
    const data = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const end = data.lastIndexOf(NL);
    if (end < 0) {
      this.rest = data;
      return [];
    }
    this.rest = end + 1 < data.length ? data.subarray(end + 1) : null;
    // Copied out of `data` when kept, so the rest does not hold the whole chunk's memory.
    if (this.rest) this.rest = Buffer.from(this.rest);
    const lines = data.toString('utf8', 0, end).split('\n');
    const rows = new Array<(string | null)[]>(lines.length);
    for (let i = 0; i < lines.length; i++) rows[i] = copyLine(lines[i]!);
    return rows;
  }

  /** Bytes after the last newline: none when the stream ended where a row does. */
  get pending(): number {
    return this.rest?.length ?? 0;
  }
}
