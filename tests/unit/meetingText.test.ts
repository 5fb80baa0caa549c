// The meeting run as the CLI prints it, from a made-up state whose `now` is pinned: the time left,
// an overrun in words, the minutes taken per item, and the head line before, during and after.
import { describe, expect, it } from 'vitest';
import type { MeetingStateT, RunItemT } from '../../shared/api';
import { minutesWords, runLines, timeBoxWords } from '../../electron/cli/meetingText';

const item = (over: Partial<RunItemT> & Pick<RunItemT, 'id' | 'position' | 'title'>): RunItemT => ({
  function: 'demand',
  ownerRole: 'Sales',
  minutes: 15,
  startedAt: null,
  endedAt: null,
  actualMinutes: null,
  openSince: null,
  ...over,
});

const state = (over: Partial<MeetingStateT>): MeetingStateT => ({
  cycleId: 1,
  status: 'running',
  startedAt: '2026-12-01T09:00:00.000Z',
  endedAt: null,
  currentItemId: 2,
  now: '2026-12-01T09:30:00.000Z',
  items: [
    item({
      id: 1,
      position: 1,
      title: 'Review',
      ownerRole: 'Facilitator',
      minutes: 10,
      startedAt: '2026-12-01T09:00:00.000Z',
      endedAt: '2026-12-01T09:12:00.000Z',
      actualMinutes: 12,
    }),
    item({
      id: 2,
      position: 2,
      title: 'Demand',
      startedAt: '2026-12-01T09:12:00.000Z',
      openSince: '2026-12-01T09:12:00.000Z',
    }),
    item({ id: 3, position: 3, title: 'Supply', ownerRole: 'Operations' }),
  ],
  ...over,
});

describe('the meeting run in words', () => {
  it('reads minutes as whole minutes, with under 1 min for seconds, never 0', () => {
    expect(minutesWords(0.2)).toBe('under 1 min');
    expect(minutesWords(1)).toBe('1 min');
    expect(minutesWords(12.9)).toBe('12 min');
  });

  it('says the time left in the box, then the overrun as +N min over', () => {
    const s = state({});
    const demand = s.items[1]!;
    expect(timeBoxWords(demand, '2026-12-01T09:20:00.000Z')).toBe('8 min on it, 7 min left of 15 min');
    expect(timeBoxWords(demand, '2026-12-01T09:27:00.000Z')).toBe('15 min on it, under 1 min left of 15 min');
    expect(timeBoxWords(demand, s.now)).toBe('18 min on it, +3 min over the 15 min time box');
    // Earlier visits count: 4 min recorded plus 2 min under way.
    expect(timeBoxWords({ ...demand, actualMinutes: 4 }, '2026-12-01T09:14:00.000Z')).toBe(
      '6 min on it, 9 min left of 15 min',
    );
  });

  it('prints the current item, then every item with what it took', () => {
    expect(runLines(state({}))).toEqual([
      'meeting running since 2026-12-01T09:00:00.000Z, 30 min so far',
      'now: 2. Demand (Sales): 18 min on it, +3 min over the 15 min time box',
      expect.stringMatching(/^ {2}# {2}item\s+owner\s+box {2}actual$/),
      expect.stringMatching(/^ {2}1 {2}Review\s+Facilitator\s+10 min {2}12 min taken$/),
      expect.stringMatching(/^> 2 {2}Demand\s+Sales\s+15 min {2}on now, 18 min$/),
      expect.stringMatching(/^ {2}3 {2}Supply\s+Operations\s+15 min {2}not yet$/),
      '3 item(s), 40 min planned, 12 min recorded',
    ]);
  });

  it('before the start shows the plan only; once ended, the total and no current item', () => {
    const before = runLines(
      state({
        status: 'not_started',
        startedAt: null,
        currentItemId: null,
        items: [item({ id: 1, position: 1, title: 'A' })],
      }),
    );
    expect(before[0]).toBe('meeting not started');
    expect(before[1]).toMatch(/^ {2}# {2}item\s+owner\s+box$/);
    expect(before.at(-1)).toBe('1 item(s), 15 min planned');
    const ended = runLines(state({ status: 'ended', endedAt: '2026-12-01T10:35:00.000Z' }));
    expect(ended[0]).toBe('meeting ended at 2026-12-01T10:35:00.000Z: 95 min in all');
    expect(ended.some((l) => l.startsWith('now:'))).toBe(false);
  });

  it('shows a title that would drive the terminal escaped', () => {
    const lines = runLines(
      state({ items: [item({ id: 2, position: 1, title: 'Red \u001b[31m', openSince: '2026-12-01T09:29:00.000Z' })] }),
    );
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines[1]).toContain('Red \\x1b[31m');
  });
});
