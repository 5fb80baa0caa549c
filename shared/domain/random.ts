// Deterministic randomness for the demo company. A counter-based hash (no hidden state) lets
// every file be generated in any order, streamed, and still come out identical for a seed.

/** Mixes integers into a uniform number in [0, 1). */
export function hashUnit(...parts: number[]): number {
  let h = 0x811c9dc5 ^ parts.length;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x5bd1e995);
    h ^= h >>> 15;
    h = Math.imul(h ^ Math.floor(p / 0x100000000), 0x27d4eb2d);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

/** A small seeded sequence (mulberry32) for streams of draws. */
export class Rng {
  private state: number;
  constructor(...seed: number[]) {
    this.state = Math.floor(hashUnit(...seed) * 0x100000000);
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}
