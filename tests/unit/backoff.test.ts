// The sync loop's backoff: doubling from 5 s to a 15 min cap, half of each wait random.
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffMs } from '../../shared/sync/backoff';

describe('backoffMs', () => {
  it('doubles per failure between half and the whole of the step, and stops at the cap', () => {
    expect(backoffMs(1, 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffMs(1, 0.999999)).toBe(BACKOFF_BASE_MS);
    expect(backoffMs(2, 0)).toBe(BACKOFF_BASE_MS);
    expect(backoffMs(3, 0.5)).toBe(Math.round(BACKOFF_BASE_MS * 4 * 0.75));
    expect(backoffMs(50, 0.999999)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1000, 0)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('never waits less than the step before', () => {
    for (let f = 1; f < 20; f++) expect(backoffMs(f + 1, 0)).toBeGreaterThanOrEqual(backoffMs(f, 0));
  });
});
