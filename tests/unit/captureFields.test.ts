// The capture form's field reading: a short owner prefix finds the right name first, and the
// priority reads as typed or is refused.
import { describe, expect, it } from 'vitest';
import {
  isKnownOwner,
  matchOwners,
  MAX_SUGGESTIONS,
  readPriority,
  resolveOwner,
} from '../../renderer/components/decisions/captureFields';

const all = [
  { name: 'Dana Weiss', why: 'attendee, COO' },
  { name: 'COO', why: 'owns Service level' },
  { name: 'Sales', why: 'owns Forecast accuracy' },
  { name: 'Head of Logistics', why: 'owned a decision before' },
];

describe('owner suggestions', () => {
  it('puts names starting with the text before names with a word starting with it, in server order', () => {
    expect(matchOwners(all, 'co').map((s) => s.name)).toEqual(['COO']);
    expect(matchOwners(all, 'lo').map((s) => s.name)).toEqual(['Head of Logistics']);
    expect(matchOwners(all, 'w').map((s) => s.name)).toEqual(['Dana Weiss']);
    expect(matchOwners(all, 'd').map((s) => s.name)).toEqual(['Dana Weiss']);
    expect(matchOwners(all, 'zz')).toEqual([]);
  });

  it('lists the first ones for empty text, at most MAX_SUGGESTIONS', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `P${i}`, why: 'x' }));
    expect(matchOwners(many, '  ').length).toBe(MAX_SUGGESTIONS);
    expect(matchOwners(all, '').map((s) => s.name)).toEqual(all.map((s) => s.name));
  });

  it('knows a name typed in full in any case', () => {
    expect(isKnownOwner(all, 'coo ')).toBe(true);
    expect(isKnownOwner(all, 'co')).toBe(false);
  });
});

describe('what Tab leaves in the owner field', () => {
  it('is the first match of a prefix, a name typed in full as typed, a new name as it is', () => {
    expect(resolveOwner(all, 'da')).toBe('Dana Weiss');
    expect(resolveOwner(all, 'coo')).toBe('coo');
    expect(resolveOwner(all, 'Jo Bloggs')).toBe('Jo Bloggs');
    expect(resolveOwner([], 'da')).toBe('da');
    expect(resolveOwner(all, '')).toBe('');
  });
});

describe('priority as typed', () => {
  it('reads empty as the bottom, top, and ranks', () => {
    expect(readPriority('')).toBe('bottom');
    expect(readPriority(' Top ')).toBe('top');
    expect(readPriority('t')).toBe('top');
    expect(readPriority('3')).toBe(3);
  });

  it('refuses what is neither', () => {
    expect(readPriority('0')).toBeNull();
    expect(readPriority('high')).toBeNull();
    expect(readPriority('-1')).toBeNull();
    expect(readPriority('1.5')).toBeNull();
  });
});
