// Mapped rows of one table on their way from the import worker to the main thread. Posting
// arrays of arrays costs the receiving thread a structured-clone deserialisation about as long as
// the insert itself; typed arrays are transferred for free. So a batch holds numbers in a
// Float64Array (NaN for null) and text as indexes into the batch's table of distinct strings
// (-1 for null), both row-major: a row is read back with a few array reads.
import type { Cell } from './coerce';

/** How a column's values travel: numbers (int, real, bool) or text (text, dates, weeks). */
export type ColumnKind = 'number' | 'text';

export interface RowBatch {
  /** Rows in the batch. */
  length: number;
  /** One slot per number column per row; NaN is null. */
  numbers: Float64Array;
  /** One slot per text column per row: an index into strings, or -1 for null. */
  texts: Int32Array;
  /** The distinct strings of the batch. */
  strings: string[];
}

/** The buffers to transfer with a batch (postMessage's transfer list). */
export const batchBuffers = (b: RowBatch): ArrayBuffer[] => [b.numbers.buffer, b.texts.buffer] as ArrayBuffer[];

/** Where each column lives in a row: its slot among the number or among the text columns. */
function slotsOf(kinds: readonly ColumnKind[]): { slots: Int32Array; numberWidth: number; textWidth: number } {
  const slots = new Int32Array(kinds.length);
  let numberWidth = 0;
  let textWidth = 0;
  kinds.forEach((k, c) => (slots[c] = k === 'number' ? numberWidth++ : textWidth++));
  return { slots, numberWidth, textWidth };
}

/** Collects rows into a batch; take() hands the batch over and starts the next. */
export class RowBatchBuilder {
  private readonly slots: Int32Array;
  private readonly numberWidth: number;
  private readonly textWidth: number;
  private capacity: number;
  private numbers!: Float64Array;
  private texts!: Int32Array;
  private strings!: string[];
  private index!: Map<string, number>;
  /** Per column, the last string added and its index in strings. */
  private lastString: (string | undefined)[] = [];
  private lastIndex!: Int32Array;
  length = 0;

  constructor(
    private readonly kinds: readonly ColumnKind[],
    private readonly initialCapacity = 1024,
  ) {
    ({ slots: this.slots, numberWidth: this.numberWidth, textWidth: this.textWidth } = slotsOf(kinds));
    this.capacity = initialCapacity;
    this.reset();
  }

  /** Adds one row, values in column order; a value must be of its column's kind, or null. */
  add(values: readonly Cell[]): void {
    if (this.length === this.capacity) this.grow();
    const n0 = this.length * this.numberWidth;
    const t0 = this.length * this.textWidth;
    for (let c = 0; c < this.kinds.length; c++) {
      const v = values[c]!;
      if (this.kinds[c] === 'number') {
        // NaN is the null mark: a NaN value would come back as null.
        if (v !== null && (typeof v !== 'number' || v !== v)) throw new Error(`column ${c}: ${String(v)} is no number`);
        this.numbers[n0 + this.slots[c]!] = v === null ? NaN : v;
      } else {
        if (v !== null && typeof v !== 'string') throw new Error(`column ${c}: ${String(v)} is no text`);
        this.texts[t0 + this.slots[c]!] = v === null ? -1 : this.stringIndex(c, v);
      }
    }
    this.length += 1;
  }

  take(): RowBatch {
    const batch: RowBatch = {
      length: this.length,
      numbers: this.numbers.subarray(0, this.length * this.numberWidth),
      texts: this.texts.subarray(0, this.length * this.textWidth),
      strings: this.strings,
    };
    this.capacity = this.initialCapacity;
    this.reset();
    return batch;
  }

  private stringIndex(c: number, s: string): number {
    // Exports are sorted: a column often repeats its value from the row before, and comparing
    // with that is cheaper than hashing a fresh string for the map.
    if (this.lastString[c] === s) return this.lastIndex[c]!;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    this.lastString[c] = s;
    this.lastIndex[c] = i;
    return i;
  }

  private reset(): void {
    this.numbers = new Float64Array(this.capacity * this.numberWidth);
    this.texts = new Int32Array(this.capacity * this.textWidth);
    this.strings = [];
    this.index = new Map();
    this.lastString = new Array<string | undefined>(this.kinds.length);
    this.lastIndex = new Int32Array(this.kinds.length);
    this.length = 0;
  }

  private grow(): void {
    this.capacity *= 2;
    const numbers = new Float64Array(this.capacity * this.numberWidth);
    numbers.set(this.numbers);
    const texts = new Int32Array(this.capacity * this.textWidth);
    texts.set(this.texts);
    this.numbers = numbers;
    this.texts = texts;
  }
}

/** Reads rows of batches built with the same column kinds. */
export class RowBatchReader {
  private readonly slots: Int32Array;
  private readonly numberWidth: number;
  private readonly textWidth: number;

  constructor(private readonly kinds: readonly ColumnKind[]) {
    ({ slots: this.slots, numberWidth: this.numberWidth, textWidth: this.textWidth } = slotsOf(kinds));
  }

  /** Writes row r of the batch to values[offset .. offset + columns). */
  read(batch: RowBatch, r: number, values: Cell[], offset = 0): void {
    const n0 = r * this.numberWidth;
    const t0 = r * this.textWidth;
    for (let c = 0; c < this.kinds.length; c++) {
      if (this.kinds[c] === 'number') {
        const n = batch.numbers[n0 + this.slots[c]!]!;
        values[offset + c] = n !== n ? null : n;
      } else {
        const t = batch.texts[t0 + this.slots[c]!]!;
        values[offset + c] = t === -1 ? null : batch.strings[t]!;
      }
    }
  }
}
