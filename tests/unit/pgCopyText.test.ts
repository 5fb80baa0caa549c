// COPY's text format read back: every value, NULL and escape as the server writes them, whatever
// the chunks' boundaries (inside a row, an escape or a UTF-8 character), checked against a naive
// writer of the format (PostgreSQL's CopyAttributeOutText) with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyLine, copyValue, CopyTextRows } from '../../electron/pulls/pgCopyText';

/** A value as COPY TO writes it in text format. */
const written = (v: string | null): string =>
  v === null
    ? '\\N'
    : v.replace(
        /[\\\b\f\n\r\t\v]/g,
        (c) => ({ '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' })[c]!,
      );

const copyText = (rows: (string | null)[][]): string => rows.map((r) => `${r.map(written).join('\t')}\n`).join('');

/** Reads `bytes` cut at `cuts`. */
function readInChunks(bytes: Buffer, cuts: number[]): (string | null)[][] {
  const reader = new CopyTextRows();
  const out: (string | null)[][] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
    out.push(...reader.push(bytes.subarray(at, cut)));
    at = cut;
  }
  expect(reader.pending).toBe(0);
  return out;
}

describe('COPY text rows', () => {
  it('reads values, NULL, an empty text and every escape', () => {
    expect(copyLine('A-100\t12.5\t\\N\t')).toEqual(['A-100', '12.5', null, '']);
    expect(copyValue('tab\\there\\nnew\\\\back\\rcr\\bb\\ff\\vv')).toBe('tab\there\nnew\\back\rcr\bb\ff\vv');
    // The text \N (not NULL) is written with its backslash escaped.
    expect(copyValue('\\\\N')).toBe('\\N');
    expect(copyLine('')).toEqual(['']);
  });

  it('keeps a row, an escape or a UTF-8 character cut between chunks for the next chunk', () => {
    const bytes = Buffer.from('Zürich\ta\\tb\n€uro\t\\N\n', 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(readInChunks(bytes, [cut])).toEqual([
        ['Zürich', 'a\tb'],
        ['€uro', null],
      ]);
    }
  });

  it('gives back any rows as written, however the stream is cut (property)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\\N', '', '\t', '\n', '\\'),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 20 }),
              fc.array(fc.nat(2000)),
            ),
          ),
        ([rows, cuts]) => {
          expect(readInChunks(Buffer.from(copyText(rows), 'utf8'), cuts)).toEqual(rows);
        },
      ),
    );
  });
});
