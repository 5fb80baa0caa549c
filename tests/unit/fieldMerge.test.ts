// The field merge and the order merge are order-free: any permutation of the same writes gives
// the same value, heads and conflicts, and the same order; a write that saw another never
// conflicts with it; ties go by the laptop id inside the clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeField, SAW_ALL_BEFORE, type FieldWrite } from '../../shared/sync/fieldMerge';
import { formatHlc } from '../../shared/sync/hlc';
import { mergeOrder } from '../../shared/sync/orderMerge';

const w = (hlc: string, value: unknown, bases: string[] = []): FieldWrite => ({
  hlc,
  value: JSON.stringify(value),
  bases,
  laptopId: hlc.split('-')[2]!,
  actor: 'x',
  at: '2026-01-01T00:00:00.000Z',
});
const h = (wall: number, laptop: string, counter = 0) => formatHlc({ wall, counter, laptop });

/** A random history of writes to one field: each sees a random subset of the earlier ones. */
const writeSets = fc
  .array(
    fc.record({
      wall: fc.integer({ min: 1, max: 50 }),
      laptop: fc.constantFrom('a', 'b', 'c'),
      value: fc.constantFrom('x', 'y', 'z'),
      sees: fc.array(fc.nat(), { maxLength: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((specs) => {
    const out: FieldWrite[] = [];
    specs.forEach((s, i) => {
      const hlc = h(s.wall * 100 + i, s.laptop);
      const bases = out.length ? [...new Set(s.sees.map((n) => out[n % out.length]!.hlc))] : [];
      out.push(w(hlc, s.value, bases));
    });
    return out;
  });

describe('mergeField', () => {
  it('gives the same value, heads and conflicts for any permutation of the writes', () => {
    fc.assert(
      fc.property(
        writeSets.chain((ws) =>
          fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length })),
        ),
        ([ws, shuffled]) => {
          const a = mergeField(ws);
          const b = mergeField([...shuffled, ...shuffled.slice(0, 2)]);
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('never shows a conflict between a write and one it saw', () => {
    fc.assert(
      fc.property(writeSets, (ws) => {
        const { heads, candidates } = mergeField(ws);
        for (const x of heads) for (const y of heads) expect(x.bases).not.toContain(y.hlc);
        expect(candidates.length === 0 || new Set(candidates.map((c) => c.value)).size === candidates.length).toBe(
          true,
        );
      }),
    );
  });

  it('takes the latest head, with a conflict only between different values', () => {
    const base = w(h(1, 'a'), 'old');
    const onA = w(h(5, 'a'), 'from A', [base.hlc]);
    const onB = w(h(5, 'b'), 'from B', [base.hlc]);
    const state = mergeField([onA, base, onB]);
    expect(state.winner).toBe(onB); // same wall: laptop b sorts after a
    expect(state.candidates.map((c) => JSON.parse(c.value))).toEqual(['from B', 'from A']);
    // The same value on both heads is no conflict.
    expect(mergeField([base, onA, { ...onB, value: onA.value }]).candidates).toEqual([]);
    // A write that saw both heads resolves it.
    const resolved = w(h(6, 'a'), 'from A', [onA.hlc, onB.hlc]);
    expect(mergeField([onA, onB, base, resolved])).toMatchObject({ winner: resolved, candidates: [] });
    // A write from before bases saw every earlier one.
    const legacy = w(h(9, 'c'), 'legacy', [SAW_ALL_BEFORE]);
    expect(mergeField([onA, onB, legacy]).heads).toEqual([legacy]);
    expect(mergeField([])).toEqual({ winner: undefined, heads: [], candidates: [] });
  });
});

describe('mergeOrder', () => {
  const items = fc.uniqueArray(
    fc.record({
      uid: fc.stringMatching(/^[a-f0-9]{1,6}$/),
      rank: fc.option(
        fc.record({ value: fc.integer({ min: 1, max: 6 }), hlc: fc.constantFrom(h(1, 'a'), h(2, 'b'), h(2, 'c')) }),
        { nil: null },
      ),
    }),
    { selector: (d) => d.uid, maxLength: 10 },
  );

  it('gives a permutation of 1..n, the same for any input order', () => {
    fc.assert(
      fc.property(
        items.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
        ),
        ([xs, shuffled]) => {
          const order = mergeOrder(xs);
          expect(order.map((o) => o.rank)).toEqual(xs.map((_, i) => i + 1));
          expect(new Set(order.map((o) => o.uid))).toEqual(new Set(xs.map((x) => x.uid)));
          expect(mergeOrder(shuffled)).toEqual(order);
        },
      ),
    );
  });

  it('puts the later move first on a tied rank, and decisions without a rank last', () => {
    expect(
      mergeOrder([
        { uid: 'p', rank: { value: 1, hlc: h(1, 'a') } },
        { uid: 'q', rank: { value: 1, hlc: h(2, 'b') } },
        { uid: 'r', rank: null },
        { uid: 's', rank: { value: 2, hlc: h(1, 'a') } },
      ]).map((o) => o.uid),
    ).toEqual(['q', 'p', 's', 'r']);
  });
});
