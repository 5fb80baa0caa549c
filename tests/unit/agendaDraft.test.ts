// The agenda editor's working copy: which time boxes are refused and what the refusal says, the
// live total, moves at either end, and the agenda.save items with positions in the rows' order.
import { describe, expect, it } from 'vitest';
import {
  draftsOf,
  minutesProblem,
  moved,
  problemsOf,
  totalMinutes,
  type DraftRow,
} from '../../renderer/components/meeting/agendaDraft';

const row = (key: string, minutes: string, over: Partial<DraftRow> = {}): DraftRow => ({
  key,
  title: `Item ${key}`,
  function: 'demand',
  ownerRole: 'Sales',
  minutes,
  ...over,
});

describe('the agenda draft', () => {
  it('takes whole minutes from 1 to 240 and says what to type for anything else', () => {
    for (const ok of ['1', '15', ' 20 ', '240']) expect(minutesProblem(ok), ok).toBeNull();
    for (const bad of ['0', '241', '7.5', '-3', 'abc', '', '1e2']) {
      expect(minutesProblem(bad), bad).toBe('Type whole minutes from 1 to 240 (for example 15).');
    }
  });

  it('totals the time boxes typed so far, a wrong one counting nothing', () => {
    expect(totalMinutes([row('a', '10'), row('b', '300'), row('c', '5')])).toBe(15);
  });

  it('lists every problem in row order, with the field to focus', () => {
    const rows = [row('a', '10'), row('b', 'x', { title: ' ' }), row('c', '5', { ownerRole: '' })];
    expect(problemsOf(rows).map((p) => `${p.key}:${p.field}`)).toEqual(['b:title', 'b:minutes', 'c:ownerRole']);
  });

  it('moves a row by one place and leaves the list as it is at either end', () => {
    const rows = ['a', 'b', 'c'];
    expect(moved(rows, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(rows, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(rows, 0, -1)).toEqual(rows);
    expect(moved(rows, 2, 1)).toEqual(rows);
  });

  it('saves the rows in their order, trimmed, a new row without an id', () => {
    const rows = [row('new:1', ' 5 ', { title: ' New ' }), row('id:7', '10', { id: 7 })];
    expect(draftsOf(rows)).toEqual([
      { id: undefined, position: 1, title: 'New', function: 'demand', ownerRole: 'Sales', minutes: 5 },
      { id: 7, position: 2, title: 'Item id:7', function: 'demand', ownerRole: 'Sales', minutes: 10 },
    ]);
  });
});
