// A clock for the pull schedule that moves only when the test says: timers fire when `advance`
// passes their time, never by waiting.
import type { SchedulerClock } from '../../electron/pulls/pullScheduler';

interface FakeTimer {
  at: Date;
  fire: () => void;
  cancelled: boolean;
}

export class FakeClock implements SchedulerClock {
  private timers: FakeTimer[] = [];

  constructor(private time: Date) {}

  now(): Date {
    return this.time;
  }

  at(at: Date, fire: () => void) {
    const t: FakeTimer = { at, fire, cancelled: false };
    this.timers.push(t);
    return { cancel: () => void (t.cancelled = true) };
  }

  /** The times of the timers armed and not cancelled, earliest first. */
  pending(): string[] {
    return this.timers
      .filter((t) => !t.cancelled)
      .map((t) => t.at.toISOString())
      .sort();
  }

  /** Moves the clock to `to` and fires every timer due by then, in time order. */
  advance(to: Date | string): void {
    this.time = new Date(to);
    const due = this.timers.filter((t) => !t.cancelled && t.at <= this.time).sort((a, b) => +a.at - +b.at);
    this.timers = this.timers.filter((t) => !t.cancelled && !due.includes(t));
    for (const t of due) t.fire();
  }
}
