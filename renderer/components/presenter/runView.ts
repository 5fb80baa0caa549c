// What the facilitator bar and the room view show of the run: the item on now, the one after
// it, the time box left (or over, in words) and the meeting clock. Pure, from the state and the
// browser's clock.
import type { MeetingStateT, RunItemT } from '../../../shared/api';
import { meetingSeconds, mmss, secondsOn } from '../meeting/runClock';

export interface RunView {
  current: RunItemT | null;
  next: RunItemT | null;
  /** "04:12 left", "+3 min over"; null with no item on. */
  timeBox: string | null;
  over: boolean;
  /** "12:34"; "–" before the start. */
  clock: string;
  /** "Item 2 of 7"; null with no item on. */
  position: string | null;
}

export function runView(state: MeetingStateT, nowMs: number): RunView {
  const i = state.items.findIndex((x) => x.id === state.currentItemId);
  const current = i >= 0 ? state.items[i]! : null;
  const next = state.status === 'not_started' ? (state.items[0] ?? null) : i >= 0 ? (state.items[i + 1] ?? null) : null;
  const seconds = meetingSeconds(state, nowMs);
  let timeBox: string | null = null;
  let over = false;
  if (current) {
    const left = current.minutes * 60 - secondsOn(current, nowMs);
    over = left < 0;
    timeBox = over ? `+${Math.ceil(-left / 60)} min over` : `${mmss(left)} left`;
  }
  return {
    current,
    next,
    timeBox,
    over,
    clock: seconds === null ? '–' : mmss(seconds),
    position: current ? `Item ${i + 1} of ${state.items.length}` : null,
  };
}
