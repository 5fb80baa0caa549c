// Two laptops holding the same cycle (the second made from a copy of the first's database, as a
// cycle bundle does) edit offline and sync through a real PostgreSQL hub: different fields merge,
// the same field is a conflict on both until resolved on one, moves give one order, a decision
// recorded on one appears on the other, history interleaves by clock on both, an event for a
// cycle a laptop does not hold waits and is counted, and data issues merge too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planroom } from '../helpers/cli';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres';
import { copyLaptop, firstLaptop, type Laptop } from '../helpers/laptops';
import { tempDir } from '../helpers/tmp';

describe.skipIf(!postgresBin())('merging two laptops through the hub', () => {
  const dir = tempDir('planroom-merge-', 'all');
  let pgServer: TestPostgres;
  let a: Laptop;
  let b: Laptop;
  let ids: number[];

  /** Both laptops sync, in the given order, until neither has anything new (twice each). */
  const syncAll = async (...order: Laptop[]) => {
    for (let round = 0; round < 2; round++) {
      for (const l of order) {
        const [run] = await l.call('sync.run', {});
        expect(run!.error, run!.hint ?? '').toBeNull();
      }
    }
  };
  const decision = (l: Laptop, id: number) => l.call('decision.get', { id });
  const order = async (l: Laptop) => (await l.call('decision.list', {})).decisions.map((d) => d.uid);
  const history = async (l: Laptop, id: number) =>
    (await decision(l, id)).history.map((h) => ({ kind: h.kind, actor: h.actor, at: h.at, changes: h.changes }));

  beforeAll(async () => {
    pgServer = await startPostgres();
    const owner = pgServer.createDatabase('hub');
    const u = new URL(owner);
    u.username = pgServer.passwordUser.name;
    process.env.PLANROOM_HUB_PASSWORD = pgServer.passwordUser.password;
    mkdirSync(join(dir, 'a'));
    a = await firstLaptop(join(dir, 'a'));
    await a.call('sync.setHub', { url: u.toString(), tls: 'disable' });
    ids = [];
    for (const [title, owner] of [
      ['Add a second shift at P1', 'COO'],
      ['Expedite lane D2-EAST', 'Logistics'],
      ['Hold price on Outdoor', 'CFO'],
    ]) {
      ids.push((await a.call('decision.add', { title: title!, owner: owner!, by: 'Facilitator' })).id);
    }
    await a.call('sync.run', {});
    b = await copyLaptop(a, join(dir, 'b.db'));
  }, 120_000);
  afterAll(async () => {
    delete process.env.PLANROOM_HUB_PASSWORD;
    await a?.close();
    await b?.close();
    pgServer?.stop();
  });

  it('merges edits of different fields of one decision made offline on each laptop', async () => {
    await a.call('decision.set', { id: ids[0]!, title: 'Add a second shift at P1 from March', by: 'Ana' });
    await b.call('decision.set', { id: ids[0]!, owner: 'Plant manager', by: 'Ben' });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(await decision(l, ids[0]!)).toMatchObject({
        title: 'Add a second shift at P1 from March',
        owner: 'Plant manager',
      });
    }
    expect((await a.call('sync.status', {})).conflicts).toBe(0);
    expect(await history(a, ids[0]!)).toEqual(await history(b, ids[0]!));
  });

  it('keeps concurrent edits of the same field as a conflict on both, until one laptop resolves it', async () => {
    await a.call('decision.set', { id: ids[1]!, status: 'agreed', by: 'Ana' });
    await b.call('decision.set', { id: ids[1]!, status: 'in_progress', by: 'Ben' });
    await syncAll(b, a);
    const onA = await a.call('sync.conflicts', {});
    const onB = await b.call('sync.conflicts', {});
    expect(onA).toEqual(onB.map((c) => ({ ...c, id: c.id })));
    expect(onA).toHaveLength(1);
    expect(onA[0]).toMatchObject({ entity: 'decision', field: 'status', label: 'Expedite lane D2-EAST' });
    expect(onA[0]!.candidates.map((c) => [c.value, c.actor]).sort()).toEqual([
      ['agreed', 'Ana'],
      ['in_progress', 'Ben'],
    ]);
    // Both show the same value meanwhile: the latest edit's.
    expect((await decision(a, ids[1]!)).status).toBe((await decision(b, ids[1]!)).status);
    expect((await a.call('sync.status', {})).conflicts).toBe(1);
    // The CLI lists it with each value's who and when, and refuses a value not in conflict.
    const listed = planroom(['sync', 'conflicts', '--db', b.path]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/"Expedite lane D2-EAST" status/);
    expect(listed.stdout).toMatch(/"agreed"\s+by Ana at/);
    expect(listed.stdout).toMatch(/"in_progress"\s+by Ben at/);
    const wrong = planroom([
      'sync',
      'resolve',
      '--decision',
      onA[0]!.uid,
      '--field',
      'status',
      '--value',
      'done',
      '--by',
      'Ben',
      '--db',
      b.path,
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/not one of the values in conflict/);

    const left = await b.call('sync.resolveConflict', {
      entity: 'decision',
      uid: onA[0]!.uid,
      field: 'status',
      value: 'agreed',
      by: 'Ben',
    });
    expect(left).toEqual([]);
    await syncAll(b, a);
    for (const l of [a, b]) {
      expect(await l.call('sync.conflicts', {})).toEqual([]);
      expect((await decision(l, ids[1]!)).status).toBe('agreed');
    }
    const h = await history(a, ids[1]!);
    expect(h).toEqual(await history(b, ids[1]!));
    expect(h.filter((x) => x.kind === 'changed').length).toBe(3);
    expect((await decision(a, ids[1]!)).history.at(-1)).toMatchObject({ comment: 'resolved a conflict', actor: 'Ben' });
  });

  it('settles a conflict when a person sets the field to the value shown, as "Keep this" does', async () => {
    await a.call('decision.set', { id: ids[2]!, owner: 'Finance', by: 'Ana' });
    await b.call('decision.set', { id: ids[2]!, owner: 'Commercial', by: 'Ben' });
    await syncAll(a, b);
    expect(await a.call('sync.conflicts', {})).toHaveLength(1);
    const shown = (await decision(a, ids[2]!)).owner;
    await a.call('decision.set', { id: ids[2]!, owner: shown, by: 'Ana' });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(await l.call('sync.conflicts', {})).toEqual([]);
      expect((await decision(l, ids[2]!)).owner).toBe(shown);
    }
    expect((await decision(b, ids[2]!)).history.at(-1)).toMatchObject({ comment: 'resolved a conflict', actor: 'Ana' });
  });

  it('gives the same priority order on both after a move on each', async () => {
    await a.call('decision.move', { id: ids[2]!, to: 'top', by: 'Ana' });
    await b.call('decision.move', { id: ids[1]!, to: 'bottom', by: 'Ben' });
    await syncAll(a, b);
    const onA = await order(a);
    expect(onA).toEqual(await order(b));
    expect((await a.call('decision.list', {})).decisions.map((d) => d.priorityRank)).toEqual(onA.map((_, i) => i + 1));
  });

  it('shows a decision recorded on one laptop on the other, in the same place', async () => {
    const added = await a.call('decision.add', {
      title: 'Review the Q3 safety stock',
      owner: 'Planner',
      by: 'Ana',
      priority: 2,
    });
    await syncAll(a, b);
    const onB = (await b.call('decision.list', {})).decisions.find((d) => d.uid === added.uid);
    expect(onB).toMatchObject({ title: 'Review the Q3 safety stock', owner: 'Planner', status: 'proposed' });
    expect(await order(b)).toEqual(await order(a));
    expect((await decision(b, onB!.id)).history.map((h) => h.kind)).toEqual(['recorded']);
  });

  it('merges a data issue assigned on one laptop and commented on the other', async () => {
    const [issue] = await a.call('dataIssue.list', { status: 'open' });
    expect(issue, 'the demo has an open data issue').toBeDefined();
    await a.call('dataIssue.assign', { id: issue!.id, assignee: 'Dana', by: 'Ana' });
    await b.call('dataIssue.comment', { id: issue!.id, author: 'Ben', body: 'The ERP export was late' });
    await syncAll(b, a);
    const both = await Promise.all(
      [a, b].map(async (l) => (await l.call('dataIssue.list', {})).find((i) => i.id === issue!.id)!),
    );
    for (const i of both) {
      expect(i.assignee).toBe('Dana');
      expect(i.comments.map((c) => c.body)).toEqual(
        expect.arrayContaining(['Assigned to Dana.', 'The ERP export was late']),
      );
    }
    expect(both[0]!.comments).toEqual(both[1]!.comments);
    expect((await a.call('sync.status', {})).conflicts).toBe(0);
  });

  it('leaves an event for a cycle this laptop does not hold waiting, and counts it', async () => {
    await a.call('cycle.create', { name: 'Only on A', meetingAt: '2027-01-04T09:00:00.000Z', by: 'Ana' } as never);
    const d = await a.call('decision.add', { title: 'Only in the new cycle', owner: 'COO', by: 'Ana' });
    await syncAll(a, b);
    const status = await b.call('sync.status', {});
    expect(status.waiting).toBeGreaterThanOrEqual(1);
    expect((await b.call('decision.list', {})).decisions.some((x) => x.uid === d.uid)).toBe(false);
  });
});
