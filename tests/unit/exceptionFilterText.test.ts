// The exception list's filters as phrases: one chip each, joined in the count line and in the
// empty result's "No exception matches …"; removing a chip resets only its own field.
import { describe, expect, it } from 'vitest';
import { filterPhrases, NO_FILTERS } from '../../renderer/exceptionFilterText';

describe('filterPhrases', () => {
  it('says nothing when no filter is in force', () => {
    expect(filterPhrases(NO_FILTERS)).toEqual([]);
  });

  it('names every filter in a fixed order, each with the reset of its own field', () => {
    const phrases = filterPhrases({
      ...NO_FILTERS,
      type: 'capacity_shortfall',
      family: 'Tools',
      lane: 'D2-EAST-R',
      ownerRole: 'COO',
      reviewStatus: 'reviewed',
      includeResolved: true,
    });
    expect(phrases.map((p) => p.text)).toEqual([
      'type Capacity shortfall',
      'family Tools',
      'lane D2-EAST-R',
      'owner COO',
      'review Reviewed',
      'also no longer raised',
    ]);
    expect(phrases.map((p) => p.reset)).toEqual([
      { type: '' },
      { family: '' },
      { lane: '' },
      { ownerRole: '' },
      { reviewStatus: '' },
      { includeResolved: false },
    ]);
  });
});
