// Due dates as typed in the room (shared/domain/dueDate.ts), read against a fixed "today" so
// each case says which day it means whatever the machine's clock or zone.
import { describe, expect, it } from 'vitest';
import { describeDue, parseDue } from '../../shared/domain/dueDate';

// A Tuesday, and a Friday.
const TUE = '2026-12-01';
const FRI = '2026-12-04';

describe('parseDue', () => {
  it('takes an ISO date as it is, and refuses one that is no calendar day', () => {
    expect(parseDue('2026-12-04', TUE)).toBe('2026-12-04');
    expect(parseDue(' 2027-01-15 ', TUE)).toBe('2027-01-15');
    expect(parseDue('2026-02-30', TUE)).toBeNull();
    expect(parseDue('2026-13-01', TUE)).toBeNull();
    expect(parseDue('2028-02-29', TUE)).toBe('2028-02-29');
  });

  it('reads today and tomorrow', () => {
    expect(parseDue('today', TUE)).toBe(TUE);
    expect(parseDue('Tomorrow', TUE)).toBe('2026-12-02');
    expect(parseDue('tomorrow', '2026-12-31')).toBe('2027-01-01');
  });

  it('reads a day name as the coming one, never today', () => {
    expect(parseDue('fri', TUE)).toBe(FRI);
    expect(parseDue('friday', TUE)).toBe(FRI);
    expect(parseDue('fri', FRI)).toBe('2026-12-11');
    expect(parseDue('mon', TUE)).toBe('2026-12-07');
    expect(parseDue('next fri', TUE)).toBe(FRI);
    expect(parseDue('fried', TUE)).toBeNull();
  });

  it('reads offsets in days, weeks and months', () => {
    expect(parseDue('+3d', TUE)).toBe('2026-12-04');
    expect(parseDue('+2w', TUE)).toBe('2026-12-15');
    expect(parseDue('2 weeks', TUE)).toBe('2026-12-15');
    expect(parseDue('+1m', TUE)).toBe('2027-01-01');
    expect(parseDue('+1m', '2027-01-31')).toBe('2027-02-28');
  });

  it('reads the end of the week, month and quarter', () => {
    expect(parseDue('end of month', TUE)).toBe('2026-12-31');
    expect(parseDue('eom', '2027-02-10')).toBe('2027-02-28');
    expect(parseDue('end of quarter', '2027-02-10')).toBe('2027-03-31');
    expect(parseDue('eoq', TUE)).toBe('2026-12-31');
    expect(parseDue('eow', TUE)).toBe(FRI);
    expect(parseDue('end of week', FRI)).toBe(FRI);
  });

  it('reads a day and month without a year as the next such day', () => {
    expect(parseDue('4 dec', TUE)).toBe('2026-12-04');
    expect(parseDue('dec 4', TUE)).toBe('2026-12-04');
    expect(parseDue('4 Dec', '2026-12-10')).toBe('2027-12-04');
    expect(parseDue('1 dec', TUE)).toBe(TUE);
    expect(parseDue('4 dec 2027', TUE)).toBe('2027-12-04');
    expect(parseDue('4.12.2026', TUE)).toBe('2026-12-04');
  });

  it('answers null for text that is no date', () => {
    for (const t of ['', '   ', 'someday', 'asap', '+w', '32 dec', 'next', '=1+1']) {
      expect(parseDue(t, TUE), t).toBeNull();
    }
    expect(parseDue('fri', 'not a date')).toBeNull();
  });
});

describe('describeDue', () => {
  it('says the day the form understood', () => {
    expect(describeDue('2026-12-04')).toBe('Fri 4 Dec 2026');
  });
});
