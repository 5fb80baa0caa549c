// The merge of one field edited on several laptops (issue 17 item 5). Each write names the
// writes it saw as the field's heads (its bases); the heads are the writes no other write saw;
// the value is the head with the greatest clock (last writer wins, ties by the laptop id inside
// the clock); two heads with different values are a conflict (edits neither saw), the same value
// on two heads is not. Pure and order-free: any arrival order of the same writes gives the same
// result, which is what lets every laptop converge.

export interface FieldWrite {
  hlc: string;
  /** JSON text of the value. */
  value: string;
  /** The clocks of the heads this write saw; SAW_ALL_BEFORE: every write with a smaller clock. */
  bases: readonly string[];
  laptopId: string;
  actor: string;
  at: string;
}

/**
 * The base of a write made before writes named their bases (an outbox entry pushed by an older
 * Planroom): it saw everything earlier, which keeps such writes from ever being a conflict.
 */
export const SAW_ALL_BEFORE = '*';

export interface FieldState<W extends FieldWrite = FieldWrite> {
  /** The write in force (undefined when the field has no writes). */
  winner: W | undefined;
  /** Heads, latest first. */
  heads: W[];
  /** One head per distinct value, latest first, when there are 2+ values; else empty. */
  candidates: W[];
}

const byHlcDesc = (a: FieldWrite, b: FieldWrite) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0);

export function mergeField<W extends FieldWrite>(writes: readonly W[]): FieldState<W> {
  // The same clock is the same write (arrived twice).
  const unique = [...new Map(writes.map((w) => [w.hlc, w])).values()].sort(byHlcDesc);
  const seen = new Set<string>();
  let sawAllBefore = '';
  for (const w of unique) {
    for (const b of w.bases) {
      if (b === SAW_ALL_BEFORE) sawAllBefore = w.hlc > sawAllBefore ? w.hlc : sawAllBefore;
      else seen.add(b);
    }
  }
  const heads = unique.filter((w) => !seen.has(w.hlc) && !(w.hlc < sawAllBefore));
  const byValue = new Map<string, W>();
  for (const h of heads) if (!byValue.has(h.value)) byValue.set(h.value, h);
  return { winner: heads[0], heads, candidates: byValue.size > 1 ? [...byValue.values()] : [] };
}
