// What a cycle holds, read the same way by the tests that compare a pull with a file import:
// the snapshot pinned per source, how many snapshots there are, and every exception as one line.
import type { DemoApi } from './demoApi';

/** Source -> the snapshot the current cycle pins. */
export const pinnedOf = (api: DemoApi): Record<string, number> =>
  Object.fromEntries(
    (
      api.db.prepare('SELECT source_id AS s, snapshot_id AS id FROM cycle_snapshots').all() as {
        s: string;
        id: number;
      }[]
    ).map((r) => [r.s, r.id]),
  );

export const snapshotCount = (api: DemoApi): number =>
  (api.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n;

/** Every exception of the current cycle as "type key value-at-risk", sorted. */
export async function exceptionKeys(api: DemoApi): Promise<string[]> {
  const keys: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.call('exception.list', { offset, limit: 1000 });
    keys.push(...page.rows.map((e) => `${e.type} ${e.key} ${e.valueAtRisk ?? ''}`));
    if (offset + 1000 >= page.total) return keys.sort();
  }
}
