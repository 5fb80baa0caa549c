// The run's figures from the state and the browser's clock: time on the current item (its closed
// visits plus the one under way), the meeting clock, and mm:ss text. Pure, so it can be tested.
import type { MeetingStateT, RunItemT } from '../../../shared/api';

/** Seconds spent on the item so far: its recorded minutes plus the visit under way. */
export function secondsOn(item: RunItemT, nowMs: number): number {
  const closed = (item.actualMinutes ?? 0) * 60;
  const open = item.openSince ? Math.max(0, (nowMs - Date.parse(item.openSince)) / 1000) : 0;
  return closed + open;
}

/** Seconds since the meeting started (to its end once ended); null before the start. */
export function meetingSeconds(s: MeetingStateT, nowMs: number): number | null {
  if (!s.startedAt) return null;
  const end = s.endedAt ? Date.parse(s.endedAt) : nowMs;
  return Math.max(0, (end - Date.parse(s.startedAt)) / 1000);
}

/** 754 -> "12:34"; an hour and more -> "1:02:34". */
export function mmss(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
