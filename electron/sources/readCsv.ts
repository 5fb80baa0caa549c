// Streams a CSV export through PapaParse. The encoding is UTF-8 unless the file's first 64 KB
// are not valid UTF-8 (then Windows-1252, what Excel on Windows writes); the delimiter is the one
// that splits the header into the names the mapping expects. Undecodable bytes and broken quoting
// are refused with their row, never read as something else. The line ending is the first line's,
// given to PapaParse rather than guessed; rows of another width than the header, other line
// endings and control characters are refused (csvChecks.ts) in the same single pass.
import Papa from 'papaparse';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/domain/errors';
import type { CsvOptions } from '../../shared/domain/profile';
import type { ReadOptions, RowSink } from './readRows';
import { controlError, detectNewline, shapeError, suspectBytes, type CsvShape } from './csvChecks';
import { isBlank } from './rowChecks';

const HEAD_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];
type Encoding = 'utf-8' | 'windows-1252';

export function readCsv(path: string, sink: RowSink, opts: ReadOptions, size: number): Promise<void> {
  const file = basename(path);
  const head = readBytes(path, 0, HEAD_BYTES);
  const encoding = chooseEncoding(head, opts.csv.encoding);
  const headText = new TextDecoder(encoding).decode(head, { stream: true });
  const delimiter =
    opts.csv.delimiter === 'auto' ? detectDelimiter(headText, opts.expectedHeaders) : opts.csv.delimiter;
  const newline = detectNewline(headText);
  // Set by the decoder when a chunk holds a byte worth a cell-by-cell look (csvChecks.ts); the
  // decoder sees the bytes before PapaParse parses their text, so no suspect row is parsed before.
  const suspect = suspectBytes(newline);
  let scanCells = false;
  const onBytes = (chunk: Buffer) => {
    if (!scanCells && suspect(chunk)) scanCells = true;
  };
  return new Promise((resolve, reject) => {
    let rowNo = 1;
    let sawHeader = false;
    let shape: CsvShape | undefined;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    const bytes = createReadStream(path, { highWaterMark: 1 << 20 });
    // A file removed or unreadable after its first bytes were read: this import's error, not an
    // uncaught one (pipe() does not pass the source's errors on).
    bytes.on('error', (e) =>
      fail(new AppError('import_failed', `Cannot read the file: ${e.message}`, { where: { file } })),
    );
    const text = bytes.pipe(decoder(path, encoding, size, sink, onBytes));
    text.on('error', fail);
    Papa.parse<string[]>(text, {
      // '' lets PapaParse guess when no delimiter gave the expected header names.
      delimiter,
      newline,
      // Blank lines are kept (and skipped by the caller) so reported row numbers stay true.
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (failed) return;
        try {
          // An unclosed or stray quote swallows the rest of the file into one field: refuse it.
          const quote = results.errors.find((e) => e.type === 'Quotes');
          if (quote) {
            throw new AppError('import_failed', `Broken quoting: ${quote.message.toLowerCase()}.`, {
              where: { file, row: rowNo + (quote.row ?? 0) },
              hint: 'A field opens a double quote that never closes (or a quote sits inside an unquoted field). Fix the export.',
            });
          }
          let data = results.data;
          while (!sawHeader && data.length > 0 && isBlank(data[0]!)) {
            data = data.slice(1);
            rowNo += 1;
          }
          if (!sawHeader && data.length > 0) {
            const header = data[0]!.map((h) => h.trim());
            shape = { file, header, newline, delimiter: results.meta.delimiter };
            if (scanCells) {
              const bad = controlError(shape, data[0]!, rowNo);
              if (bad) throw bad;
            }
            sink.header(header, rowNo, {});
            sawHeader = true;
            data = data.slice(1);
            rowNo += 1;
          }
          if (shape) checkRows(shape, data, rowNo, scanCells);
          if (data.length > 0) sink.rows(data, rowNo);
          rowNo += data.length;
        } catch (e) {
          fail(e);
          parser.abort();
        }
      },
      complete: () => {
        if (failed) return;
        if (!sawHeader) {
          fail(
            new AppError('import_failed', 'The file is empty.', {
              where: { file },
              hint: 'Export the file again with its header row.',
            }),
          );
        } else resolve();
      },
      error: (err: Error) =>
        fail(
          err instanceof AppError
            ? err
            : new AppError('import_failed', `Cannot read the file: ${err.message}`, { where: { file } }),
        ),
    });
  });
}

/** Refuses the first row of the batch with a control character or another width than the header. */
function checkRows(shape: CsvShape, rows: string[][], firstRow: number, scanCells: boolean): void {
  const width = shape.header.length;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    // Control characters before the field count: a line with another kind of line ending is one
    // long row, and the line-ending message names that better than its count.
    if (scanCells) {
      const bad = controlError(shape, cells, firstRow + r);
      if (bad) throw bad;
    }
    if (cells.length !== width) {
      const bad = shapeError(shape, cells, firstRow + r);
      if (bad) throw bad;
    }
  }
}

function readBytes(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, position);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function chooseEncoding(head: Buffer, wanted: CsvOptions['encoding']): Encoding {
  if (wanted !== 'auto') return wanted;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The delimiter that turns the first non-blank line into the most expected header names. */
export function detectDelimiter(text: string, expected: readonly string[]): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const wanted = new Set(expected);
  let best = '';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const cells = Papa.parse<string[]>(firstLine, { delimiter: d }).data[0] ?? [];
    const score = cells.filter((c) => wanted.has(c.trim())).length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Bytes to text, reporting progress; invalid UTF-8 is an error naming its row and byte. */
function decoder(
  path: string,
  encoding: Encoding,
  size: number,
  sink: RowSink,
  onBytes: (chunk: Buffer) => void,
): Transform {
  const text = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk);
      let out: string;
      try {
        out = text.decode(chunk, { stream: true });
      } catch {
        done(badBytes(path, offset + firstBadByte(chunk)));
        return;
      }
      offset += chunk.length;
      sink.bytes?.(offset, size);
      done(null, out === '' ? undefined : out);
    },
    flush(done) {
      try {
        const rest = text.decode();
        done(null, rest === '' ? undefined : rest);
      } catch {
        done(badBytes(path, size - 1));
      }
    },
  });
}

/** Where in a chunk UTF-8 decoding breaks: past the longest prefix that decodes (as a stream). */
function firstBadByte(chunk: Buffer): number {
  let start = 0;
  // A character cut by the previous chunk leaves continuation bytes at the start: skip them.
  while (start < 3 && start < chunk.length && isContinuation(chunk[start]!)) start += 1;
  let lo = start;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(start, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The prefix may end in the first bytes of the broken character: point at its first byte.
  let lead = lo;
  while (lead > start && lo - lead < 3 && isContinuation(chunk[lead - 1]!)) lead -= 1;
  if (lead > start && chunk[lead - 1]! >= 0xc0 && lo - (lead - 1) < sequenceLength(chunk[lead - 1]!)) return lead - 1;
  return lo;
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;
const sequenceLength = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

function badBytes(path: string, offset: number): AppError {
  const byte = readBytes(path, offset, 1)[0] ?? 0;
  return new AppError(
    'import_failed',
    `The file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase()} at offset ${offset}.`,
    {
      where: { file: basename(path), row: lineAt(path, offset) },
      hint: "Save the export as UTF-8, or set the profile's CSV encoding to windows-1252 (or auto).",
    },
  );
}

/** The 1-based line holding a byte offset (error path only: reads the file up to it). */
function lineAt(path: string, offset: number): number {
  let line = 1;
  for (let pos = 0; pos < offset; pos += 1 << 20) {
    const block = readBytes(path, pos, Math.min(1 << 20, offset - pos));
    for (let i = block.indexOf(10); i !== -1; i = block.indexOf(10, i + 1)) line += 1;
  }
  return line;
}
