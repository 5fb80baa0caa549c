import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../electron/snapshots/coerce';
import {
  batchBuffers,
  RowBatchBuilder,
  RowBatchReader,
  type ColumnKind,
  type RowBatch,
} from '../../electron/snapshots/rowBatch';

function encode(kinds: ColumnKind[], rows: Cell[][], capacity?: number): RowBatch {
  const builder = new RowBatchBuilder(kinds, capacity);
  for (const row of rows) builder.add(row);
  return builder.take();
}

function decode(kinds: ColumnKind[], batch: RowBatch): Cell[][] {
  const reader = new RowBatchReader(kinds);
  return Array.from({ length: batch.length }, (_, r) => {
    const values = new Array<Cell>(kinds.length);
    reader.read(batch, r, values);
    return values;
  });
}

const number: fc.Arbitrary<Cell> = fc.double({ noNaN: true });
const text: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', 'SKU-00001', 'P1', '2026-W49'),
);

/** A table: column kinds, and rows whose values fit them (null anywhere). */
const table = fc.array(fc.constantFrom<ColumnKind>('number', 'text'), { maxLength: 8 }).chain((kinds) =>
  fc.tuple(
    fc.constant(kinds),
    fc.array(fc.tuple(...kinds.map((k) => fc.option(k === 'number' ? number : text, { nil: null }))), {
      maxLength: 300,
    }),
  ),
);

describe('row batches for the trip from the import worker', () => {
  it('decode(encode(rows)) gives the rows back: numbers, -0, infinities, text, unicode, empty strings, nulls', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 64 }), ([kinds, rows], capacity) => {
        expect(decode(kinds, encode(kinds, rows, capacity))).toEqual(rows);
      }),
    );
  });

  it('survives a transfer to another thread: the buffers move, the rows arrive whole', () => {
    const kinds: ColumnKind[] = ['text', 'number', 'text', 'number'];
    const rows: Cell[][] = [
      ['SKU-00001', 12.5, 'P1', null],
      ['SKU-00001', -0, null, 1],
      ['Prüfung läuft 🚚', Number.MAX_VALUE, '', -Infinity],
    ];
    const batch = encode(kinds, rows);
    const moved = structuredClone(batch, { transfer: batchBuffers(batch) });
    expect(batch.numbers.byteLength).toBe(0);
    expect(decode(kinds, moved)).toEqual(rows);
  });

  it('stores each distinct string of a batch once', () => {
    const batch = encode(
      ['text', 'text'],
      [
        ['a', 'x'],
        ['a', 'y'],
        ['b', 'x'],
        ['a', 'a'],
      ],
    );
    expect(batch.strings).toEqual(['a', 'x', 'y', 'b']);
  });

  it('starts a new batch after take()', () => {
    const builder = new RowBatchBuilder(['text', 'number']);
    builder.add(['a', 1]);
    const first = builder.take();
    builder.add(['b', 2]);
    const second = builder.take();
    expect(decode(['text', 'number'], first)).toEqual([['a', 1]]);
    expect(decode(['text', 'number'], second)).toEqual([['b', 2]]);
    expect(second.strings).toEqual(['b']);
  });

  it('refuses a value that would not come back as itself', () => {
    const builder = new RowBatchBuilder(['number', 'text']);
    expect(() => builder.add([NaN, 'a'])).toThrow(/no number/);
    expect(() => builder.add(['1', 'a'])).toThrow(/no number/);
    expect(() => builder.add([1, 2])).toThrow(/no text/);
  });
});
