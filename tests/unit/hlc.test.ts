// The hybrid logical clock: strings sort as clocks compare, a local tick is after the last clock
// and the wall clock, a receive is after both clocks, ties between laptops go by laptop id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcFromIso, hlcIso, parseHlc, receive, tick } from '../../shared/sync/hlc';

const wall = fc.integer({ min: 0, max: 4_102_444_800_000 });
const laptop = fc.stringMatching(/^[0-9a-f]{4,32}$/);
const clock = fc.record({ wall, counter: fc.integer({ min: 0, max: 9999 }), laptop });

describe('hlc', () => {
  it('sorts as a string exactly as (wall, counter, laptop) compares', () => {
    fc.assert(
      fc.property(clock, clock, (a, b) => {
        const tuple =
          a.wall - b.wall || a.counter - b.counter || (a.laptop < b.laptop ? -1 : a.laptop > b.laptop ? 1 : 0);
        const text = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(text)).toBe(Math.sign(tuple));
        expect(parseHlc(formatHlc(a))).toEqual(a);
      }),
    );
  });

  it('ticks after the last clock and no earlier than the wall clock', () => {
    fc.assert(
      fc.property(fc.option(clock, { nil: null }), wall, laptop, (last, now, id) => {
        const lastText = last ? formatHlc(last) : null;
        const next = tick(lastText, now, id);
        if (lastText) expect(next > lastText).toBe(true);
        expect(parseHlc(next).wall).toBeGreaterThanOrEqual(now);
        expect(parseHlc(next).laptop).toBe(id);
      }),
    );
  });

  it('receives after both clocks, so a later local edit sorts after what it saw', () => {
    fc.assert(
      fc.property(fc.option(clock, { nil: null }), clock, wall, laptop, (last, remote, now, id) => {
        const lastText = last ? formatHlc(last) : null;
        const got = receive(lastText, formatHlc(remote), now, id);
        expect(got > formatHlc({ ...remote, laptop: '' })).toBe(true);
        if (lastText) expect(got > lastText).toBe(true);
        expect(tick(got, now, id) > got).toBe(true);
      }),
    );
  });

  it('breaks a tie between laptops by the laptop id, and carries a full counter into the wall', () => {
    expect(tick(null, 5, 'b') > tick(null, 5, 'a')).toBe(true);
    const full = formatHlc({ wall: 7, counter: 9999, laptop: 'a' });
    expect(tick(full, 7, 'a')).toBe(formatHlc({ wall: 8, counter: 0, laptop: 'a' }));
  });

  it('reads an event from before clocks by its time', () => {
    const h = hlcFromIso('2026-03-02T10:00:00.000Z', 'abc');
    expect(h).toBe(`${Date.parse('2026-03-02T10:00:00.000Z')}-0000-abc`);
    expect(hlcIso(h)).toBe('2026-03-02T10:00:00.000Z');
  });
});
