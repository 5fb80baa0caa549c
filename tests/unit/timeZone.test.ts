// A cycle's dates come from its own time zone, never the machine's: these checks give the same
// answers under any TZ (CI runs the unit tests again under Pacific/Auckland and America/Los_Angeles).
import { describe, expect, it } from 'vitest';
import { periodOfDate } from '../../shared/domain/period';
import { canonicalTimeZone, dateInZone, instantInZone, isTimeZone, weekInZone } from '../../shared/domain/timeZone';
import { asOfFrame } from '../../shared/planning/build';

describe('time zones', () => {
  it('reads an instant as the calendar day of the zone', () => {
    // Sunday 6 Dec 23:30 UTC is already Monday 7 Dec in Berlin, still Sunday in Los Angeles.
    expect(dateInZone('2026-12-06T23:30:00Z', 'UTC')).toBe('2026-12-06');
    expect(dateInZone('2026-12-06T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-07');
    expect(dateInZone('2026-12-06T23:30:00Z', 'America/Los_Angeles')).toBe('2026-12-06');
    expect(dateInZone('2026-11-30T22:00:00Z', 'Pacific/Auckland')).toBe('2026-12-01');
  });

  it("gives a meeting's start week in the cycle's zone, whatever the machine's", () => {
    expect(process.env.TZ === undefined || isTimeZone(process.env.TZ)).toBe(true);
    expect(weekInZone('2026-12-06T23:30:00Z', 'UTC')).toBe('2026-W49');
    expect(weekInZone('2026-12-06T23:30:00Z', 'Europe/Berlin')).toBe('2026-W50');
    expect(weekInZone('2026-12-01T09:00:00Z', 'Pacific/Auckland')).toBe('2026-W49');
    // Across the year: Thursday 31 Dec 2026 is in 2026-W53.
    expect(weekInZone('2026-12-31T12:00:00Z', 'America/Los_Angeles')).toBe('2026-W53');
    // Dates without a time are calendar dates in every zone.
    expect(periodOfDate('2026-12-07')).toBe('2026-W50');
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });

  it('places the windows from the extraction dates', () => {
    // Start W50; ERP taken Tue 1 Dec (W49): history ends at W48, one week before the start's W49.
    const at = asOfFrame({
      startPeriod: '2026-W50',
      periods: 4,
      historyPeriods: 4,
      asOf: '2026-12-08',
      extracted: { ERP: '2026-12-01', WMS: '2026-11-30' },
    });
    expect(at.historyGap).toBe(1);
    expect(at.stockPeriod).toBe(-1);
    expect(at.extracted).toEqual({ ERP: '2026-12-01', TMS: null, WMS: '2026-11-30', CRM: null });
    expect(Number.isNaN(at.deliveredBeforeDay)).toBe(true);
  });
});

describe('a wall-clock time in a zone', () => {
  it('is the instant it names there, whatever zone the machine runs in', () => {
    expect(instantInZone('2026-12-07T09:00', 'Europe/Berlin')).toBe('2026-12-07T08:00:00.000Z');
    expect(instantInZone('2026-12-07T09:00', 'America/Los_Angeles')).toBe('2026-12-07T17:00:00.000Z');
    expect(instantInZone('2026-12-07T09:00', 'Pacific/Auckland')).toBe('2026-12-06T20:00:00.000Z');
    expect(instantInZone('2026-07-01T09:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
    expect(instantInZone('2026-12-07T09:00', 'UTC')).toBe('2026-12-07T09:00:00.000Z');
    // The hour Berlin skips in March: the time after the jump; the hour it repeats in October: the second.
    expect(instantInZone('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(instantInZone('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T01:30:00.000Z');
    expect(instantInZone('next tuesday', 'Europe/Berlin')).toBeUndefined();
  });
});
