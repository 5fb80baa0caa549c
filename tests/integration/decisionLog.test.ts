// The decision log's services on a real SQLite file, through the contract as the UI and the CLI
// call them: the append-only history and its outbox rows, ranks 1..n in every cycle, the
// filters, overdue, decisions that answer exceptions, carry-over across cycles, attendance and
// the owner suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { EXCEPTION_KPI } from '../../shared/planning/decisionAim';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

type Info = ApiOutput<'decision.add'>;

/** Ranks as stored in cycle_decisions, in order: must be 1..n. */
function storedRanks(api: DemoApi, cycleId: number): { id: number; rank: number }[] {
  return api.db
    .prepare(
      'SELECT decision_id AS id, priority_rank AS rank FROM cycle_decisions WHERE cycle_id = ? ORDER BY priority_rank',
    )
    .all(cycleId) as { id: number; rank: number }[];
}

/** The cycle's order by id, checking that the stored ranks have no gap and no tie. */
function order(api: DemoApi, cycleId: number): number[] {
  const ranks = storedRanks(api, cycleId);
  expect(ranks.map((r) => r.rank)).toEqual(ranks.map((_, i) => i + 1));
  return ranks.map((r) => r.id);
}

/** A meeting `weeks` after the first cycle's. */
const later = (meetingAt: string, weeks: number) =>
  new Date(Date.parse(meetingAt) + weeks * 7 * 86_400_000).toISOString();

describe('the decision log in one cycle', () => {
  const dir = tempDir('planroom-declog-', 'all');
  let api: DemoApi;
  let cycleId: number;
  const add = (title: string, extra: Partial<ApiInput<'decision.add'>> = {}) =>
    api.call('decision.add', { cycleId, title, owner: 'COO', by: 'Facilitator', ...extra });

  beforeAll(async () => {
    api = await openDemoApi(dir);
    cycleId = (await api.call('cycle.overview', {}))!.cycle.id;
  });
  afterAll(() => api.close());

  it('keeps ranks 1..n without gaps through adds at the bottom, on top, at a rank, and every kind of move', async () => {
    const a = await add('A');
    const b = await add('B');
    const c = await add('C', { priority: 'top' });
    const d = await add('D', { priority: 2 });
    const e = await add('E', { priority: 99 });
    const f = await add('F', { priority: 'bottom' });
    expect(order(api, cycleId)).toEqual([c, d, a, b, e, f].map((x) => x.id));
    expect([c, d, e, f].map((x) => x.priorityRank)).toEqual([1, 2, 5, 6]);

    const move = async (x: Info, to: ApiInput<'decision.move'>['to']) => {
      const r = await api.call('decision.move', { cycleId, id: x.id, to, by: 'CEO' });
      expect(r.order.map((o) => o.priorityRank)).toEqual(r.order.map((_, i) => i + 1));
      expect(r.order.map((o) => o.id)).toEqual(order(api, cycleId));
    };
    await move(f, 'top');
    expect(order(api, cycleId)).toEqual([f, c, d, a, b, e].map((x) => x.id));
    await move(f, 'down');
    expect(order(api, cycleId)).toEqual([c, f, d, a, b, e].map((x) => x.id));
    await move(b, 'up');
    expect(order(api, cycleId)).toEqual([c, f, d, b, a, e].map((x) => x.id));
    await move(c, 'bottom');
    expect(order(api, cycleId)).toEqual([f, d, b, a, e, c].map((x) => x.id));
    await move(c, 3);
    expect(order(api, cycleId)).toEqual([f, d, c, b, a, e].map((x) => x.id));
    await move(a, 100);
    expect(order(api, cycleId)).toEqual([f, d, c, b, e, a].map((x) => x.id));
    // Past the ends: no change, and no event.
    const events = api.db.prepare('SELECT count(*) FROM decision_events').pluck().get();
    await move(f, 'up');
    await move(a, 'down');
    expect(api.db.prepare('SELECT count(*) FROM decision_events').pluck().get()).toBe(events);
    const listed = await api.call('decision.list', { cycleId });
    expect(listed.decisions.map((x) => x.id)).toEqual(order(api, cycleId));
    expect(listed.decisions.map((x) => x.priorityRank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('writes exactly one outbox row per event, keyed decision_event:<uid>:<hlc> (never the same on two laptops), carrying the state after it', async () => {
    const [first] = (await api.call('decision.list', { cycleId })).decisions;
    await api.call('decision.set', { cycleId, id: first!.id, status: 'agreed', owner: 'Ops', by: 'CEO' });
    await api.call('decision.set', { cycleId, id: first!.id, comment: 'Checked with finance', by: 'CFO' });
    await api.call('decision.move', { cycleId, id: first!.id, to: 3, by: 'CEO' });
    const events = api.db
      .prepare(
        'SELECT d.uid, e.seq, e.kind, e.hlc FROM decision_events e JOIN decisions d ON d.id = e.decision_id ORDER BY e.id',
      )
      .all() as { uid: string; seq: number; kind: string; hlc: string }[];
    const outbox = api.db
      .prepare("SELECT idempotency_key AS k, payload FROM outbox WHERE kind = 'decision_event'")
      .all() as { k: string; payload: string }[];
    expect(outbox.map((o) => o.k).sort()).toEqual(events.map((e) => `decision_event:${e.uid}:${e.hlc}`).sort());
    const payloads = new Map(outbox.map((o) => [o.k, JSON.parse(o.payload) as Record<string, never>]));
    const hlcOf = (seq: number) => events.find((e) => e.uid === first!.uid && e.seq === seq)!.hlc;
    const mine = (seq: number) =>
      payloads.get(`decision_event:${first!.uid}:${hlcOf(seq)}`) as unknown as {
        kind: string;
        seq: number;
        actor: string;
        changes: unknown[];
        comment: string | null;
        decision: { status: string; owner: string; ranks: { cycleId: number; priorityRank: number }[] };
      };
    const history = (await api.call('decision.get', { id: first!.id, cycleId })).history;
    expect(history.map((h) => h.kind)).toEqual(['recorded', 'moved', 'moved', 'changed', 'commented', 'moved']);
    const recorded = mine(1);
    expect(recorded.decision.status).toBe('proposed');
    const changed = mine(4);
    expect(changed).toMatchObject({ kind: 'changed', seq: 4, actor: 'CEO' });
    expect(changed.decision).toMatchObject({ status: 'agreed', owner: 'Ops' });
    expect(changed.changes).toEqual([
      { field: 'status', from: 'proposed', to: 'agreed' },
      { field: 'owner', from: 'COO', to: 'Ops' },
    ]);
    expect(mine(5)).toMatchObject({ kind: 'commented', comment: 'Checked with finance', changes: [] });
    expect(mine(6).decision.ranks).toEqual([{ cycleId, priorityRank: 3 }]);
  });

  it('refuses UPDATE and DELETE of history rows, and the deletion of a decision that has a history', async () => {
    const [first] = (await api.call('decision.list', { cycleId })).decisions;
    const count = () => api.db.prepare('SELECT count(*) FROM decision_events').pluck().get();
    const before = count();
    expect(() => api.db.prepare('UPDATE decision_events SET actor = ? WHERE seq = 1').run('Mallory')).toThrow(
      /append-only/,
    );
    expect(() => api.db.prepare('UPDATE decision_events SET payload = ? ').run('{}')).toThrow(/append-only/);
    expect(() => api.db.prepare('DELETE FROM decision_events WHERE decision_id = ?').run(first!.id)).toThrow(
      /append-only/,
    );
    // The history's rows point at their decision: SQLite refuses to delete it from under them.
    expect(api.db.pragma('foreign_keys', { simple: true })).toBe(1);
    api.db.exec('SAVEPOINT try_delete');
    try {
      api.db.prepare('DELETE FROM cycle_decisions WHERE decision_id = ?').run(first!.id);
      expect(() => api.db.prepare('DELETE FROM decisions WHERE id = ?').run(first!.id)).toThrow(/FOREIGN KEY/);
    } finally {
      api.db.exec('ROLLBACK TO try_delete; RELEASE try_delete');
    }
    expect(count()).toBe(before);
    expect((await api.call('decision.get', { id: first!.id, cycleId })).history.length).toBeGreaterThan(0);
  });

  it('filters by several statuses, owner (any case), function, due before and words', async () => {
    const all = (await api.call('decision.list', { cycleId })).decisions;
    const [x, y, z] = all;
    await api.call('decision.set', { cycleId, id: x!.id, status: 'in_progress', by: 'CEO' });
    await api.call('decision.set', { cycleId, id: y!.id, status: 'done', owner: 'Sales Lead', by: 'CEO' });
    const fa = await add('Re-baseline the snacks forecast', {
      owner: 'Demand planner',
      kpiId: 'forecast_accuracy',
      due: '2026-12-20',
      rationale: 'promo calendar',
    });
    await api.call('decision.set', { cycleId, id: z!.id, due: '2026-12-10', by: 'CEO' });
    const list = (input: Omit<ApiInput<'decision.list'>, 'cycleId'>) =>
      api.call('decision.list', { cycleId, ...input }).then((r) => r.decisions.map((d) => d.id).sort());

    expect(await list({ status: ['in_progress', 'done'] })).toEqual([x!.id, y!.id].sort());
    expect(await list({ status: ['dropped'] })).toEqual([]);
    expect(await list({ owner: 'sales lead' })).toEqual([y!.id]);
    expect(await list({ owner: '  SALES LEAD ' })).toEqual([y!.id]);
    expect(await list({ function: 'demand' })).toEqual([fa.id]);
    expect(await list({ dueBefore: '2026-12-10' })).toEqual([z!.id]);
    expect(await list({ dueBefore: '2026-12-31' })).toEqual([z!.id, fa.id].sort());
    expect(await list({ q: 'SNACKS forecast' })).toEqual([fa.id]);
    expect(await list({ q: 'promo' })).toEqual([fa.id]);
    expect(await list({ q: 'demand planner' })).toEqual([fa.id]);
    expect(await list({ q: 'accuracy' })).toEqual([fa.id]);
    expect(await list({ q: 'nothing like this' })).toEqual([]);
    const r = await api.call('decision.list', { cycleId, q: 'nothing like this' });
    expect(r.total).toBe(all.length + 1);
  });

  it('marks overdue a decision due before today that is not done or dropped; done is never overdue', async () => {
    const past = await add('Late one', { due: '2020-01-15' });
    const future = await add('Future one', { due: '2999-01-15' });
    const undated = await add('Undated one');
    expect([past.overdue, future.overdue, undated.overdue]).toEqual([true, false, false]);
    const done = await api.call('decision.set', { cycleId, id: past.id, status: 'done', by: 'CEO' });
    expect(done.overdue).toBe(false);
    const dropped = await add('Dropped one', { due: '2020-01-15' });
    expect((await api.call('decision.set', { cycleId, id: dropped.id, status: 'dropped', by: 'CEO' })).overdue).toBe(
      false,
    );
    const reopened = await api.call('decision.set', { cycleId, id: past.id, status: 'agreed', by: 'CEO' });
    expect(reopened.overdue).toBe(true);
  });

  it('refuses an unknown exception key, naming it', async () => {
    const before = api.db.prepare('SELECT count(*) FROM decisions').pluck().get();
    const e = await api.fail('decision.add', {
      cycleId,
      title: 'Answer it',
      owner: 'COO',
      exceptionKeys: ['no-such-exception'],
      by: 'CEO',
    });
    expect(e.code).toBe('not_found');
    expect(e.where).toEqual({ field: 'exceptionKeys', value: 'no-such-exception' });
    expect(e.hint).toMatch(/exceptions list/);
    expect(api.db.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(before);
  });

  it('links a decision to the exceptions it answers and takes the KPI they put at risk', async () => {
    const { rows } = await api.call('exception.list', { cycleId, limit: 500 });
    const plain = rows.find((r) => r.type !== 'kpi_breach' && EXCEPTION_KPI[r.type] !== null)!;
    expect(plain, 'the demo raises exceptions').toBeDefined();
    const d = await add('Answer the exception', { exceptionKeys: [plain.key, plain.key] });
    const kpi = EXCEPTION_KPI[plain.type]!;
    expect(d.kpi?.id).toBe(kpi);
    expect(d.exceptions).toEqual([expect.objectContaining({ key: plain.key, type: plain.type })]);
    const subject = d.exceptions[0]!.subject;
    const found = await api.call('decision.list', { cycleId, q: subject });
    expect(found.decisions.map((x) => x.id)).toContain(d.id);
    // A KPI given wins over the exception's.
    const other = await add('Answer it otherwise', { exceptionKeys: [plain.key], kpiId: 'inventory_turnover' });
    expect(other.kpi?.id).toBe('inventory_turnover');
    expect(other.function).toBe('warehouse');
    // A KPI breach names its own KPI.
    const breach = rows.find((r) => r.type === 'kpi_breach' && r.kpiId === 'forecast_accuracy')!;
    const b = await add('Answer the breach', { exceptionKeys: [breach.key] });
    expect(b.kpi?.id).toBe('forecast_accuracy');
    expect(b.function).toBe('demand');
  });

  it('finds a decision by the name of the scenario it chose', async () => {
    const s = await api.call('scenario.create', {
      cycleId,
      name: 'Weekend overtime plan',
      owner: 'COO',
      levers: [],
      by: 'COO',
    });
    const chosen = await api.call('scenario.choose', { id: s.id, title: 'Go with it', owner: 'COO', by: 'CEO' });
    const found = await api.call('decision.list', { cycleId, q: 'weekend OVERTIME' });
    expect(found.decisions.map((d) => d.id)).toEqual([chosen.decision.id]);
    expect(found.decisions[0]!.scenario).toEqual({ id: s.id, name: 'Weekend overtime plan' });
  });

  it('refuses a follow-up note on a decision when the cycle has no previous cycle', async () => {
    const [first] = (await api.call('decision.list', { cycleId })).decisions;
    const e = await api.fail('decision.note', { cycleId, id: first!.id, note: 'why', by: 'CEO' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/not one of the previous cycle's decisions/);
  });
});

describe('the decision log across cycles', () => {
  const dir = tempDir('planroom-declog2-', 'all');
  let api: DemoApi;
  let c1: number;
  let meetingAt: string;
  let open: Info;
  let agreed: Info;
  let done: Info;
  let dropped: Info;
  let c2: number;
  let c3: number;

  beforeAll(async () => {
    api = await openDemoApi(dir);
    const overview = (await api.call('cycle.overview', {}))!;
    c1 = overview.cycle.id;
    meetingAt = overview.cycle.meetingAt;
    const add = (title: string, owner = 'COO') =>
      api.call('decision.add', { cycleId: c1, title, owner, by: 'Facilitator' }) as Promise<Info>;
    open = await add('Open one');
    done = await add('Done one');
    agreed = await add('Agreed one', 'Sales');
    dropped = await add('Dropped one');
    const treasury = await add('Hedge the dollar', 'Treasury');
    await api.call('decision.set', { cycleId: c1, id: treasury.id, status: 'dropped', by: 'CEO' });
    await api.call('decision.set', { cycleId: c1, id: done.id, status: 'done', by: 'CEO' });
    await api.call('decision.set', { cycleId: c1, id: dropped.id, status: 'dropped', by: 'CEO' });
    await api.call('decision.set', { cycleId: c1, id: agreed.id, status: 'agreed', by: 'CEO' });
  });
  afterAll(() => api.close());

  it('saves, updates and removes attendees', async () => {
    await api.call('attendee.save', { cycleId: c1, name: 'Dana', role: 'CEO', present: true, by: 'F' });
    await api.call('attendee.save', { cycleId: c1, name: 'ben', role: 'Supply lead', by: 'F' });
    await api.call('attendee.save', { cycleId: c1, name: 'Carl', by: 'F' });
    const updated = await api.call('attendee.save', {
      cycleId: c1,
      name: 'ben',
      email: 'ben@example.com',
      present: true,
      by: 'F',
    });
    expect(updated).toEqual([
      { name: 'ben', role: 'Supply lead', email: 'ben@example.com', present: true },
      { name: 'Carl', role: '', email: null, present: false },
      { name: 'Dana', role: 'CEO', email: null, present: true },
    ]);
    const removed = await api.call('attendee.remove', { cycleId: c1, name: 'Carl', by: 'F' });
    expect(removed.map((a) => a.name)).toEqual(['ben', 'Dana']);
    expect((await api.fail('attendee.remove', { cycleId: c1, name: 'Carl', by: 'F' })).code).toBe('not_found');
  });

  it('suggests owners: attendees, then KPI owner roles, then past owners, each name once in any case', async () => {
    await api.call('attendee.save', { cycleId: c1, name: 'sales', role: 'Sales', by: 'F' });
    const { suggestions } = await api.call('decision.owners', { cycleId: c1 });
    const roles = (await api.call('kpi.definitions', {})).map((k) => k.ownerRole);
    expect(roles).toEqual(['Sales', 'COO', 'Warehouse', 'Operations', 'Logistics']);
    // "Sales" owns a KPI and a decision, but "sales" attends: listed once, as the attendee; COO
    // owns a KPI and decisions: once, as the KPI's owner; Treasury only owned a decision.
    expect(suggestions).toEqual([
      { name: 'ben', why: 'attendee, Supply lead' },
      { name: 'Dana', why: 'attendee, CEO' },
      { name: 'sales', why: 'attendee, Sales' },
      { name: 'COO', why: expect.stringMatching(/^owns /) },
      { name: 'Warehouse', why: expect.stringMatching(/^owns /) },
      { name: 'Operations', why: expect.stringMatching(/^owns /) },
      { name: 'Logistics', why: expect.stringMatching(/^owns /) },
      { name: 'Treasury', why: 'owned a decision before' },
    ]);
    await api.call('attendee.remove', { cycleId: c1, name: 'sales', by: 'F' });
  });

  it('carries the open decisions into the next cycle, linked and in order, with the attendance (nobody present)', async () => {
    const c1Order = order(api, c1);
    const next = await api.call('cycle.create', { name: 'Jan', meetingAt: later(meetingAt, 4) });
    c2 = next.id;
    const carried = await api.call('decision.list', { cycleId: c2 });
    expect(carried.decisions.map((d) => d.id)).toEqual([open.id, agreed.id]);
    expect(carried.decisions.map((d) => d.priorityRank)).toEqual([1, 2]);
    expect(carried.decisions.every((d) => d.cycleId === c1 && d.carriedFrom?.cycleId === c1)).toBe(true);
    // Linked, not copied: the same rows, one each.
    expect(api.db.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(5);
    const kinds = (await api.call('decision.history', { id: open.id })).map((h) => h.kind);
    expect(kinds.at(-1)).toBe('carried_over');
    expect((await api.call('decision.history', { id: done.id })).map((h) => h.kind)).not.toContain('carried_over');
    const attendees = await api.call('attendee.list', { cycleId: c2 });
    expect(attendees).toEqual([
      { name: 'ben', role: 'Supply lead', email: 'ben@example.com', present: false },
      { name: 'Dana', role: 'CEO', email: null, present: false },
    ]);
    expect(order(api, c1)).toEqual(c1Order);
  });

  it('ranks a carried-over decision separately in each cycle', async () => {
    const c1Order = order(api, c1);
    const fresh = (await api.call('decision.add', {
      cycleId: c2,
      title: 'New in January',
      owner: 'CFO',
      priority: 'top',
      by: 'F',
    })) as Info;
    expect(order(api, c2)).toEqual([fresh.id, open.id, agreed.id]);
    await api.call('decision.move', { cycleId: c2, id: agreed.id, to: 'top', by: 'CEO' });
    expect(order(api, c2)).toEqual([agreed.id, fresh.id, open.id]);
    expect(order(api, c1)).toEqual(c1Order);
    expect((await api.call('decision.get', { id: agreed.id, cycleId: c1 })).priorityRank).toBe(
      c1Order.indexOf(agreed.id) + 1,
    );
    expect((await api.call('decision.get', { id: agreed.id, cycleId: c2 })).priorityRank).toBe(1);
  });

  it("refuses a follow-up note on a decision that is not one of the previous cycle's", async () => {
    const fresh = (await api.call('decision.list', { cycleId: c2, q: 'New in January' })).decisions[0]!;
    const e = await api.fail('decision.note', { cycleId: c2, id: fresh.id, note: 'why', by: 'CEO' });
    expect(e.code).toBe('invalid_input');
    const ok = await api.call('decision.note', { cycleId: c2, id: done.id, note: 'Went to plan', by: 'CEO' });
    expect(ok.note).toBe('Went to plan');
    expect(ok.noteBy).toBe('CEO');
  });

  it('carries over a second time from the cycle before, keeping where the decision was recorded', async () => {
    await api.call('decision.set', { cycleId: c2, id: open.id, status: 'done', by: 'CEO' });
    const third = await api.call('cycle.create', { name: 'Feb', meetingAt: later(meetingAt, 8) });
    c3 = third.id;
    const carried = (await api.call('decision.list', { cycleId: c3 })).decisions;
    const fresh = (await api.call('decision.list', { cycleId: c2, q: 'New in January' })).decisions[0]!;
    expect(carried.map((d) => d.id)).toEqual([agreed.id, fresh.id]);
    expect(carried.map((d) => [d.cycleId, d.carriedFrom?.cycleId])).toEqual([
      [c1, c2],
      [c2, c2],
    ]);
    expect(carried.map((d) => d.priorityRank)).toEqual([1, 2]);
    const follow = await api.call('decision.followUp', { cycleId: c3 });
    expect(follow.previousCycle?.cycleId).toBe(c2);
    expect(follow.items.map((i) => i.decision.id)).toEqual([agreed.id, fresh.id, open.id]);
    const history = await api.call('decision.history', { id: agreed.id });
    expect(history.filter((h) => h.kind === 'carried_over').map((h) => h.cycleId)).toEqual([c2, c3]);
  });
});
