// When a failed delivery is tried again: exponential backoff with jitter ("equal jitter": half
// the delay fixed, half random), so laptops that lost the hub together do not all come back in
// the same second. Pure: the caller passes the random number and persists the time.

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 15 * 60_000;

/** The wait after the `failures`-th consecutive failure (1-based); `random` in [0, 1). */
export function backoffMs(failures: number, random: number): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(exp / 2 + (exp / 2) * random);
}
