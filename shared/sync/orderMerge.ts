// The merged priority order of a cycle (issue 17 item 5). Each decision's rank in the cycle is a
// field merged like any other (last writer wins, never shown as a conflict); the order sorts the
// decisions by that winning rank, then the later write first (the move made last takes the
// place), then uid, and renumbers them 1..n: the same writes give the same order on every laptop.

export interface RankInput {
  uid: string;
  /** The winning rank write; null when the decision has none in this cycle (it goes last). */
  rank: { value: number; hlc: string } | null;
}

export function mergeOrder(items: readonly RankInput[]): { uid: string; rank: number }[] {
  const sorted = [...items].sort((a, b) => {
    const ra = a.rank?.value ?? Number.POSITIVE_INFINITY;
    const rb = b.rank?.value ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra < rb ? -1 : 1;
    const ha = a.rank?.hlc ?? '';
    const hb = b.rank?.hlc ?? '';
    if (ha !== hb) return ha > hb ? -1 : 1;
    return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
  });
  return sorted.map((d, i) => ({ uid: d.uid, rank: i + 1 }));
}
