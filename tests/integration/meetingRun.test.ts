// The meeting run and the agenda editor through the contract, on a real SQLite file, with a clock
// the test moves by hand: start, next, previous, end, the actual minutes of each item (written to
// agenda_items.actual_minutes and read by the minutes), and the checks on agenda edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, MeetingStateT, RunItemT } from '../../shared/api';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

/** A clock that stands still until the test moves it. */
function handClock(start: string) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t).toISOString(),
    advance: (minutes: number) => {
      t += minutes * 60_000;
    },
  };
}

const by = 'Facilitator';
type Draft = ApiInput<'agenda.save'>['items'][number];
const asDraft = (s: MeetingStateT): Draft[] =>
  s.items.map(({ id, position, title, function: fn, ownerRole, minutes }) => ({
    id,
    position,
    title,
    function: fn,
    ownerRole,
    minutes,
  }));

describe('running the meeting', () => {
  const dir = tempDir('planroom-meeting-', 'all');
  const clock = handClock('2026-12-01T09:00:00.000Z');
  let api: DemoApi;

  beforeAll(async () => {
    api = await openDemoApi(dir, { now: clock.now });
  });
  afterAll(() => api.close());

  it('has not started, and refuses next and end before the start', async () => {
    const s = await api.call('meeting.state', {});
    expect(s.status).toBe('not_started');
    expect(s.currentItemId).toBeNull();
    expect(s.items.every((i) => i.actualMinutes === null && i.startedAt === null)).toBe(true);
    expect((await api.fail('meeting.next', { by })).message).toMatch(/not started/);
    expect((await api.fail('meeting.end', { by })).message).toMatch(/not started/);
  });

  it('starts, goes next, back and next again, and ends, recording the minutes of every visit', async () => {
    const start = await api.call('meeting.start', { by });
    const [first, second, third] = start.items as [RunItemT, RunItemT, RunItemT, ...RunItemT[]];
    expect(start.status).toBe('running');
    expect(start.startedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(start.currentItemId).toBe(first.id);
    expect(start.items[0]).toMatchObject({ openSince: '2026-12-01T09:00:00.000Z' });
    expect((await api.fail('meeting.start', { by })).message).toMatch(/already running/);
    expect((await api.fail('meeting.previous', { by })).message).toMatch(/first item/);

    clock.advance(12);
    const n1 = await api.call('meeting.next', { by });
    expect(n1.currentItemId).toBe(second.id);
    expect(n1.items[0]).toMatchObject({ actualMinutes: 12, endedAt: '2026-12-01T09:12:00.000Z', openSince: null });

    clock.advance(5);
    const back = await api.call('meeting.previous', { by });
    expect(back.currentItemId).toBe(first.id);
    expect(back.items[1]).toMatchObject({ actualMinutes: 5 });
    // Back on item 1: its first start stays, the visit under way is open again.
    expect(back.items[0]).toMatchObject({ startedAt: '2026-12-01T09:00:00.000Z', endedAt: null });

    clock.advance(1.5);
    await api.call('meeting.next', { by });
    clock.advance(10);
    const n3 = await api.call('meeting.next', { by });
    expect(n3.currentItemId).toBe(third.id);
    expect(n3.items.slice(0, 2).map((i) => i.actualMinutes)).toEqual([13.5, 15]);

    clock.advance(20);
    const end = await api.call('meeting.end', { by });
    expect(end.status).toBe('ended');
    expect(end.endedAt).toBe('2026-12-01T09:48:30.000Z');
    expect(end.currentItemId).toBeNull();
    expect(end.items.slice(0, 4).map((i) => i.actualMinutes)).toEqual([13.5, 15, 20, null]);
    const stored = api.db
      .prepare('SELECT actual_minutes AS m FROM agenda_items WHERE cycle_id = ? ORDER BY position')
      .all(end.cycleId) as { m: number | null }[];
    expect(stored.map((r) => r.m).slice(0, 4)).toEqual([13.5, 15, 20, null]);

    const md = (await api.call('minutes.export', { format: 'md' })).content;
    expect(md).toContain('Actual minutes recorded for 3 of 7 items.');

    expect((await api.fail('meeting.next', { by })).message).toMatch(/ended/);
    expect((await api.fail('meeting.start', { by })).message).toMatch(/already ran/);
    expect((await api.fail('agenda.applyTemplate', { template: 'quarterly', by })).message).toMatch(/has run/);
  });
});

describe('editing the agenda', () => {
  const dir = tempDir('planroom-agenda-', 'all');
  const clock = handClock('2026-12-01T09:00:00.000Z');
  let api: DemoApi;

  beforeAll(async () => {
    api = await openDemoApi(dir, { now: clock.now });
  });
  afterAll(() => api.close());

  it('renames, reorders, changes owner and minutes, adds and removes in one save', async () => {
    const s = await api.call('meeting.state', {});
    const items = asDraft(s);
    const [a, b, ...rest] = items as [Draft, Draft, ...Draft[]];
    const saved = await api.call('agenda.save', {
      by,
      items: [
        { ...b, position: 1, title: 'Demand first', ownerRole: 'CCO', minutes: 25 },
        { ...a, position: 2 },
        // The last one removed, one added at the end.
        ...rest.slice(0, -1).map((x, i) => ({ ...x, position: i + 3 })),
        { position: 7, title: 'Any other business', function: 'review', ownerRole: 'Facilitator', minutes: 5 },
      ],
    });
    expect(saved.items.map((i) => i.title)).toEqual([
      'Demand first',
      a.title,
      ...rest.slice(0, -1).map((x) => x.title),
      'Any other business',
    ]);
    expect(saved.items[0]).toMatchObject({ id: b.id, ownerRole: 'CCO', minutes: 25 });
    expect(saved.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await api.call('cycle.overview', {}))!.agenda.map((x) => x.title)).toEqual(saved.items.map((i) => i.title));
  });

  it('refuses minutes outside 1..240, empty titles and positions given twice, naming the field', async () => {
    const items = asDraft(await api.call('meeting.state', {}));
    const bad = async (change: Partial<Draft>, at = 0) =>
      api.fail('agenda.save', { by, items: items.map((x, i) => (i === at ? { ...x, ...change } : x)) });
    for (const minutes of [0, 241]) {
      const e = await bad({ minutes });
      expect(e.code).toBe('invalid_input');
      expect(JSON.stringify(e)).toMatch(/items\.0\.minutes/);
    }
    expect(JSON.stringify(await bad({ title: '   ' }))).toMatch(/items\.0\.title/);
    const twice = await bad({ position: 1 }, 1);
    expect(twice.message).toMatch(/Position 1 is given to two items/);
    expect(twice.where).toMatchObject({ field: 'items.1.position', value: '1' });
    expect((await bad({ id: 999_999 })).code).toBe('not_found');
    // Nothing changed.
    expect(asDraft(await api.call('meeting.state', {}))).toEqual(items);
  });

  it('applies the quarterly and the monthly template before the meeting', async () => {
    const q = await api.call('agenda.applyTemplate', { template: 'quarterly', by });
    expect(q.items.length).toBe(8);
    expect(q.items.some((i) => /Strategy/.test(i.title))).toBe(true);
    expect(q.items.reduce((n, i) => n + i.minutes, 0)).toBe(160);
    const m = await api.call('agenda.applyTemplate', { template: 'monthly', by });
    expect(m.items.map((i) => i.minutes)).toEqual([10, 15, 15, 10, 10, 10, 20]);
  });

  it('refuses to remove the item on now, and a template, while the meeting runs', async () => {
    const s = await api.call('meeting.start', { by });
    const items = asDraft(s);
    const e = await api.fail('agenda.save', { by, items: items.slice(1).map((x, i) => ({ ...x, position: i + 1 })) });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/is on now/);
    expect((await api.fail('agenda.applyTemplate', { template: 'quarterly', by })).message).toMatch(/running/);
    // Other items can still change mid-run: the last one removed, the current renamed.
    const ok = await api.call('agenda.save', {
      by,
      items: items.slice(0, -1).map((x, i) => (i === 0 ? { ...x, title: 'Follow-up' } : x)),
    });
    expect(ok.items.length).toBe(items.length - 1);
    expect(ok.items[0]).toMatchObject({ title: 'Follow-up', id: s.currentItemId });
  });
});
