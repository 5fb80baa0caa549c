// The decision priority log on the demo company, through the contract as the UI and CLI call it:
// record, rank, change, the append-only history with an outbox entry per event, carry-over into
// the next cycle and the follow-up of last cycle's decisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('the decision log', () => {
  const dir = tempDir('planroom-dec-', 'all');
  let api: DemoApi;
  let call: DemoApi['call'];
  let fail: DemoApi['fail'];

  beforeAll(async () => {
    api = await openDemoApi(dir);
    ({ call, fail } = api);
  });
  afterAll(() => api.close());

  const outbox = () =>
    api.db
      .prepare("SELECT idempotency_key AS k, payload FROM outbox WHERE kind = 'decision_event' ORDER BY id")
      .all() as {
      k: string;
      payload: string;
    }[];

  it('records decisions at the bottom, at a rank or on top, each with a history event and an outbox entry', async () => {
    const list0 = await call('decision.list', {});
    expect(list0.decisions).toEqual([]);
    const a = await call('decision.add', {
      title: 'Add a night shift on line 2',
      owner: 'COO',
      due: '+2w',
      by: 'Facilitator',
    });
    const b = await call('decision.add', {
      title: 'Re-baseline the snacks forecast',
      owner: 'Sales',
      due: 'end of month',
      kpiId: 'forecast_accuracy',
      by: 'Facilitator',
    });
    const c = await call('decision.add', {
      title: 'Expedite the Lyon lane',
      owner: 'Logistics',
      priority: 'top',
      by: 'Facilitator',
    });
    expect([a.priorityRank, b.priorityRank, c.priorityRank]).toEqual([1, 2, 1]);
    const list = await call('decision.list', {});
    expect(list.decisions.map((d) => d.title)).toEqual([c.title, a.title, b.title]);
    expect(list.decisions.map((d) => d.priorityRank)).toEqual([1, 2, 3]);
    expect(b.function).toBe('demand');
    expect(a.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // One entry per decision, keyed by its uid and the event's clock (which names this laptop).
    expect(outbox().map((o) => o.k.split(':').slice(0, 2).join(':'))).toEqual(
      [a, b, c].map((d) => `decision_event:${d.uid}`),
    );
  });

  it('refuses a due date it cannot read, saying what to type', async () => {
    const e = await fail('decision.add', { title: 'x', owner: 'y', due: 'someday', by: 'z' });
    expect(e.code).toBe('invalid_input');
    expect(e.hint).toMatch(/\+2w/);
  });

  it('moves, changes and comments, appending to the append-only history', async () => {
    const [first, second] = (await call('decision.list', {})).decisions;
    const moved = await call('decision.move', { id: first!.id, to: 'down', by: 'CEO' });
    expect(moved.order[0]!.id).toBe(second!.id);
    const set = await call('decision.set', {
      id: first!.id,
      status: 'agreed',
      owner: 'Logistics lead',
      comment: 'Agreed in the room',
      by: 'CEO',
    });
    expect(set.status).toBe('agreed');
    expect(set.history.map((h) => h.kind)).toEqual(['recorded', 'moved', 'changed']);
    expect(set.history[2]!.changes).toEqual([
      { field: 'status', from: 'proposed', to: 'agreed' },
      { field: 'owner', from: 'Logistics', to: 'Logistics lead' },
    ]);
    expect(set.history[2]!.comment).toBe('Agreed in the room');
    expect(() => api.db.exec('UPDATE decision_events SET actor = 1')).toThrow(/append-only/);
    expect(() => api.db.exec('DELETE FROM decision_events')).toThrow(/append-only/);
    expect(outbox().filter((o) => o.k.startsWith(`decision_event:${first!.uid}:`)).length).toBe(3);
  });

  it('carries open decisions into the next cycle (linked) and follows them up', async () => {
    const list = await call('decision.list', {});
    const done = list.decisions[2]!;
    await call('decision.set', { id: done.id, status: 'done', by: 'CEO' });
    const overview = await call('cycle.overview', {});
    const next = await call('cycle.create', {
      name: 'Next cycle',
      meetingAt: new Date(Date.parse(overview!.cycle.meetingAt) + 28 * 86_400_000).toISOString(),
    });
    const carried = await call('decision.list', { cycleId: next.id });
    expect(carried.decisions.length).toBe(2);
    expect(carried.decisions.every((d) => d.carriedFrom?.cycleId === overview!.cycle.id)).toBe(true);
    expect(carried.decisions.map((d) => d.id)).toEqual(list.decisions.slice(0, 2).map((d) => d.id));
    const follow = await call('decision.followUp', { cycleId: next.id });
    expect(follow.items.length).toBe(3);
    const fa = follow.items.find((i) => i.decision.kpi?.id === 'forecast_accuracy');
    expect(fa?.figure).toBe('forecast_accuracy');
    const noted = await call('decision.note', {
      id: fa!.decision.id,
      cycleId: next.id,
      note: 'Promo came late',
      by: 'Sales',
    });
    expect(noted.note).toBe('Promo came late');
  });
});
