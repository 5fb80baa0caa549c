// Convergence of the merge (issue 17 item 8): three laptops (separate SQLite files holding the
// same cycle) make random edits offline (title, owner, status, due date, moves, comments),
// interleaved with syncs of random laptops in random orders through one real PostgreSQL hub;
// once every laptop has synced until quiet, all three hold the same decisions (every field), the
// same order, the same conflicts and the same history, in the same order.
import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { copyFileLaptop, firstLaptop, type Laptop } from '../helpers/laptops';
import { tempDir } from '../helpers/tmp';

type Step =
  | { laptop: number; op: 'set'; decision: number; field: 'title' | 'owner' | 'status' | 'due'; value: string }
  | { laptop: number; op: 'move'; decision: number; to: 'top' | 'bottom' | 'up' | 'down' }
  | { laptop: number; op: 'comment'; decision: number; text: string }
  | { laptop: number; op: 'sync' };

const laptop = fc.integer({ min: 0, max: 2 });
const decision = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    laptop,
    op: fc.constant('set' as const),
    decision,
    field: fc.constant('title' as const),
    value: fc.constantFrom('Add a shift', 'Expedite', 'Hold price'),
  }),
  fc.record({
    laptop,
    op: fc.constant('set' as const),
    decision,
    field: fc.constant('owner' as const),
    value: fc.constantFrom('COO', 'CFO'),
  }),
  fc.record({
    laptop,
    op: fc.constant('set' as const),
    decision,
    field: fc.constant('status' as const),
    value: fc.constantFrom('agreed', 'in_progress', 'done'),
  }),
  fc.record({
    laptop,
    op: fc.constant('set' as const),
    decision,
    field: fc.constant('due' as const),
    value: fc.constantFrom('2027-01-15', '2027-02-01'),
  }),
  fc.record({ laptop, op: fc.constant('move' as const), decision, to: fc.constantFrom('top', 'bottom', 'up', 'down') }),
  fc.record({ laptop, op: fc.constant('comment' as const), decision, text: fc.constantFrom('ok', 'checked') }),
  fc.record({ laptop, op: fc.constant('sync' as const) }),
);

describe.skipIf(!postgresBin())('three laptops converge whatever they edit and whatever order they sync in', () => {
  const dir = tempDir('planroom-merge-prop-', 'all');
  let pgServer: TestPostgres;
  let template: string;
  let ids: number[];
  let run = 0;
  let withConflicts = 0;

  beforeAll(async () => {
    pgServer = await startPostgres();
    process.env.PLANROOM_HUB_PASSWORD = pgServer.passwordUser.password;
    mkdirSync(join(dir, 'template'));
    const first = await firstLaptop(join(dir, 'template'));
    ids = [];
    for (const title of ['Add a second shift at P1', 'Expedite lane D2-EAST', 'Hold price on Outdoor']) {
      ids.push((await first.call('decision.add', { title, owner: 'COO', by: 'Facilitator' })).id);
    }
    // Delivered before the copies are made, as after a sync: each laptop sends only its own edits.
    first.db.prepare("UPDATE outbox SET delivered_at = '2026-01-01T00:00:00.000Z'").run();
    template = first.path;
    await first.close();
  }, 120_000);
  afterAll(() => {
    delete process.env.PLANROOM_HUB_PASSWORD;
    pgServer?.stop();
  });

  /** Everything that must be the same on every laptop (local ids left out where they differ). */
  async function state(l: Laptop) {
    const list = (await l.call('decision.list', {})).decisions;
    const decisions = await Promise.all(
      list.map(async (d) => {
        const full = await l.call('decision.get', { id: d.id });
        return {
          uid: d.uid,
          rank: d.priorityRank,
          title: d.title,
          owner: d.owner,
          status: d.status,
          dueDate: d.dueDate,
          rationale: d.rationale,
          history: full.history.map((h) => ({
            kind: h.kind,
            actor: h.actor,
            at: h.at,
            changes: h.changes,
            comment: h.comment,
          })),
        };
      }),
    );
    const conflicts = (await l.call('sync.conflicts', {})).map(({ id: _id, cycleId: _c, ...c }) => c);
    return { decisions, conflicts };
  }

  it('gives every laptop the same state', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.array(laptop, { minLength: 3, maxLength: 3 }),
        async (steps, finalOrder) => {
          run++;
          const hub = new URL(pgServer.createDatabase(`hub${run}`));
          hub.username = pgServer.passwordUser.name;
          const laptops = [0, 1, 2].map((i) => copyFileLaptop(template, join(dir, `run${run}-${i}.db`)));
          try {
            for (const l of laptops) await l.call('sync.setHub', { url: hub.toString(), tls: 'disable' });
            for (const s of steps) {
              const l = laptops[s.laptop]!;
              const by = `person ${s.laptop}`;
              if (s.op === 'sync') {
                await l.call('sync.run', {});
                continue;
              }
              const id = ids[s.decision]!;
              if (s.op === 'move') await l.call('decision.move', { id, to: s.to, by });
              else if (s.op === 'comment') await l.call('decision.set', { id, comment: s.text, by });
              else await l.call('decision.set', { id, [s.field]: s.value, by } as never);
            }
            // Until quiet: every laptop twice, first in a random order, then in turn.
            for (const i of [...finalOrder, 0, 1, 2, 0, 1, 2]) {
              const [r] = await laptops[i]!.call('sync.run', {});
              expect(r!.error, r!.hint ?? '').toBeNull();
            }
            const [s0, s1, s2] = await Promise.all(laptops.map(state));
            expect(s1).toEqual(s0);
            expect(s2).toEqual(s0);
            if (s0!.conflicts.length > 0) withConflicts++;
            expect(s0!.decisions.map((d) => d.rank)).toEqual([1, 2, 3]);
            for (const l of laptops) expect((await l.call('sync.status', {})).waiting).toBe(0);
          } finally {
            for (const l of laptops) await l.close();
          }
        },
      ),
      { numRuns: 15 },
    );
    // The property saw conflicts, not only edits that never met (a seed without any says so here).
    console.info(`merge property: ${withConflicts} of ${run} runs ended with a conflict`);
  }, 300_000);
});
