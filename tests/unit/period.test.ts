import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriods, isIsoDate, isPeriod, periodOfDate, periodsBetween, periodStart } from '../../shared/domain/period';

describe('ISO week periods', () => {
  it('knows the calendar edges', () => {
    expect(periodOfDate('2026-12-01')).toBe('2026-W49');
    expect(periodOfDate('2027-01-01')).toBe('2026-W53');
    expect(periodOfDate('2021-01-03')).toBe('2020-W53');
    expect(periodStart('2026-W49')).toBe('2026-11-30');
    expect(addPeriods('2026-W52', 2)).toBe('2027-W01');
    expect(isPeriod('2026-W53')).toBe(true);
    expect(isPeriod('2025-W53')).toBe(false);
    expect(isPeriod('2026-W00')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  const period = fc
    .record({ y: fc.integer({ min: 1990, max: 2090 }), w: fc.integer({ min: 1, max: 52 }) })
    .map(({ y, w }) => `${y}-W${String(w).padStart(2, '0')}`);

  it('adding n periods then measuring the distance gives n back', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: -300, max: 300 }), (p, n) => {
        const q = addPeriods(p, n);
        expect(isPeriod(q)).toBe(true);
        expect(periodsBetween(p, q)).toBe(n);
        expect(addPeriods(q, -n)).toBe(p);
      }),
    );
  });

  it('the period of a period start is that period, and every day maps into the week it starts', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 0, max: 6 }), (p, day) => {
        const monday = periodStart(p);
        expect(periodOfDate(monday)).toBe(p);
        const d = new Date(`${monday}T12:00:00`);
        d.setDate(d.getDate() + day);
        expect(periodOfDate(d)).toBe(p);
      }),
    );
  });
});
