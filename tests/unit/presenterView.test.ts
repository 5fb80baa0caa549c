// Presenter mode's pure parts: the chart label sizes from the presenter scale (never smaller than
// asked, every text of the option, the input untouched), the run as the facilitator bar and the
// room view show it, and the one shortcut registry (every key the app handles is listed once).
import { describe, expect, it } from 'vitest';
import type { MeetingStateT, RunItemT } from '../../shared/api';
import { presenterLabelPx, smallestLabelPx, withLabelSize } from '../../renderer/charts/labelSize';
import { runView } from '../../renderer/components/presenter/runView';
import { isRoomHash, ROUTES } from '../../renderer/routes';
import { listedKeys, SHORTCUTS } from '../../renderer/shortcuts';

describe('chart labels in presenter mode', () => {
  it('are 3/4 of the body text and at least 16 px', () => {
    expect(presenterLabelPx(22)).toBeGreaterThanOrEqual(16);
    expect(presenterLabelPx(15)).toBe(16);
    expect(presenterLabelPx(28)).toBe(21);
    expect(presenterLabelPx(50)).toBe(38);
  });

  it('set every text of the option, keep larger sizes asked for, and leave the input alone', () => {
    const option = {
      title: { text: 'Service vs cost', textStyle: { fontSize: 13, fontWeight: 600 } },
      legend: { top: 4, textStyle: { fontSize: 11 } },
      grid: { left: 64 },
      xAxis: { type: 'category', axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', nameTextStyle: { color: '#475569' } },
        { type: 'value', axisLabel: { fontSize: 30 } },
      ],
      series: [{ type: 'scatter', label: { fontSize: 11, position: 'top' } }, { type: 'line' }],
    };
    const copy = JSON.parse(JSON.stringify(option)) as typeof option;
    type Text = { fontSize?: number; fontWeight?: number; position?: string };
    const out = withLabelSize(option, 17) as unknown as {
      title: { textStyle: Text };
      legend: { textStyle: Text };
      grid: object;
      xAxis: { axisLabel: Text };
      yAxis: { axisLabel: Text; nameTextStyle: Text }[];
      series: { label?: Text }[];
    };
    expect(option).toEqual(copy);
    expect(out.title.textStyle).toMatchObject({ fontSize: 20, fontWeight: 600 });
    expect(out.legend).toMatchObject({ top: 4, textStyle: { fontSize: 17 } });
    expect(out.grid).toEqual({ left: 64, containLabel: true });
    expect(out.xAxis.axisLabel.fontSize).toBe(17);
    expect(out.yAxis[0]!.nameTextStyle.fontSize).toBe(17);
    expect(out.yAxis[1]!.axisLabel.fontSize).toBe(30);
    expect(out.series[0]!.label).toMatchObject({ fontSize: 17, position: 'top' });
    expect(out.series[1]).toEqual({ type: 'line' });
    expect(smallestLabelPx(out)).toBe(17);
    expect(smallestLabelPx(option)).toBe(10);
    expect(smallestLabelPx({ series: [] })).toBeNull();
  });
});

const item = (id: number, over: Partial<RunItemT> = {}): RunItemT => ({
  id,
  position: id,
  title: `Item ${id}`,
  function: 'demand',
  ownerRole: 'Sales',
  minutes: 10,
  startedAt: null,
  endedAt: null,
  actualMinutes: null,
  openSince: null,
  ...over,
});
const T0 = Date.parse('2026-12-01T09:00:00Z');
const state = (over: Partial<MeetingStateT>): MeetingStateT => ({
  cycleId: 1,
  status: 'running',
  startedAt: '2026-12-01T09:00:00.000Z',
  endedAt: null,
  currentItemId: 2,
  now: '2026-12-01T09:00:00.000Z',
  items: [
    item(1, { actualMinutes: 4 }),
    item(2, { openSince: '2026-12-01T09:04:00.000Z', startedAt: '2026-12-01T09:04:00.000Z' }),
    item(3),
  ],
  ...over,
});

describe('the run as the facilitator bar and the room view show it', () => {
  it('gives the item on now, the next, the time box left and the clock', () => {
    const v = runView(state({}), T0 + 6 * 60_000);
    expect(v.current?.id).toBe(2);
    expect(v.next?.id).toBe(3);
    expect(v.timeBox).toBe('08:00 left');
    expect(v.over).toBe(false);
    expect(v.clock).toBe('06:00');
    expect(v.position).toBe('Item 2 of 3');
  });

  it('says an overrun in words', () => {
    const v = runView(state({}), T0 + 17 * 60_000 + 10_000);
    expect(v.over).toBe(true);
    expect(v.timeBox).toBe('+4 min over');
  });

  it('has no next after the last item, the first item next before the start, a dash for the clock', () => {
    expect(runView(state({ currentItemId: 3 }), T0).next).toBeNull();
    const before = runView(state({ status: 'not_started', startedAt: null, currentItemId: null }), T0);
    expect(before.current).toBeNull();
    expect(before.next?.id).toBe(1);
    expect(before.clock).toBe('–');
    expect(before.timeBox).toBeNull();
  });
});

describe('the shortcut registry', () => {
  it('lists every key the app handles', () => {
    const keys = listedKeys();
    for (const r of ROUTES) expect(keys.has(r.key)).toBe(true);
    for (const k of [
      'n',
      'f',
      'w',
      '?',
      'Escape',
      'PageDown',
      'PageUp',
      '.',
      ',',
      'j',
      'k',
      'Enter',
      'r',
      'p',
      'd',
      's',
    ]) {
      expect(keys.has(k), k).toBe(true);
    }
  });

  it('lists each key once per place', () => {
    for (const g of SHORTCUTS) {
      const keys = g.shortcuts.flatMap((s) => s.keys);
      expect(new Set(keys).size, g.where).toBe(keys.length);
    }
  });

  it('knows the room view address', () => {
    expect(isRoomHash('#/room')).toBe(true);
    expect(isRoomHash('#room')).toBe(true);
    expect(isRoomHash('#/rooms')).toBe(false);
    expect(isRoomHash('#/agenda')).toBe(false);
  });
});
