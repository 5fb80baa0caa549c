// Hybrid logical clock (Kulkarni et al.): one per laptop, so every field change and history entry
// carries a time that orders it against every other laptop's. The string form sorts as it
// compares, `<wall ms, 13 digits>-<counter, 4 digits>-<laptop id>`, so SQL ORDER BY and
// string comparison agree, and two laptops at the same wall and counter are told apart by their
// stable laptop id. Pure: the caller passes the time and keeps the last clock.

export interface Hlc {
  wall: number;
  counter: number;
  laptop: string;
}

const MAX_COUNTER = 9999;

export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(13, '0')}-${String(h.counter).padStart(4, '0')}-${h.laptop}`;
}

const PATTERN = /^(\d{13})-(\d{4})-(.+)$/;

export function parseHlc(text: string): Hlc {
  const m = PATTERN.exec(text);
  if (!m) throw new Error(`not a clock: ${text.slice(0, 60)}`);
  return { wall: Number(m[1]), counter: Number(m[2]), laptop: m[3]! };
}

export const isHlc = (text: unknown): text is string => typeof text === 'string' && PATTERN.test(text);

/** A counter past 4 digits moves the wall on by a millisecond: the string keeps its order. */
function make(wall: number, counter: number, laptop: string): string {
  return counter > MAX_COUNTER
    ? formatHlc({ wall: wall + 1, counter: 0, laptop })
    : formatHlc({ wall, counter, laptop });
}

/** The clock of a local event: after the last one and no earlier than the wall clock. */
export function tick(last: string | null, nowMs: number, laptop: string): string {
  const l = last ? parseHlc(last) : null;
  if (!l || nowMs > l.wall) return make(nowMs, 0, laptop);
  return make(l.wall, l.counter + 1, laptop);
}

/** The clock after seeing a remote one: after both, so a later local edit sorts after it. */
export function receive(last: string | null, remote: string, nowMs: number, laptop: string): string {
  const l = last ? parseHlc(last) : { wall: 0, counter: -1, laptop };
  const r = parseHlc(remote);
  const wall = Math.max(l.wall, r.wall, nowMs);
  let counter = 0;
  if (wall === l.wall && wall === r.wall) counter = Math.max(l.counter, r.counter) + 1;
  else if (wall === l.wall) counter = l.counter + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  return make(wall, counter, laptop);
}

/** A clock for an event from before clocks (its ISO time and laptop): counter 0. */
export function hlcFromIso(at: string, laptop: string): string {
  return formatHlc({ wall: Math.max(0, Date.parse(at) || 0), counter: 0, laptop });
}

/** The wall time of a clock, ISO. */
export const hlcIso = (hlc: string): string => new Date(parseHlc(hlc).wall).toISOString();
