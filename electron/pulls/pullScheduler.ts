// The pull schedule (issue 18 item 5): while the long-running app runs (the window, or browser
// mode), each source connection with a schedule is pulled at its cron times, in the current
// cycle's time zone. One timer per scheduled source, armed for its next run and armed again once
// that run is over; the connections are read again when one is set or removed. A run that finds
// the source still being pulled (its last scheduled run, or a pull someone started) is skipped,
// not queued behind it. A failed run is recorded by the pull itself and logged here; it never
// throws out of the timer. The clock is injected: tests fire the timers by hand.
import type { SourceSystem } from '../../shared/domain/canonical';
import { nextRunOf } from './cronSchedule';

/** What a timer gives back to be cancelled. */
export interface TimerHandle {
  cancel(): void;
}

export interface SchedulerClock {
  now(): Date;
  /** Calls `fire` at `at` (or as soon as possible when it has passed). */
  at(at: Date, fire: () => void): TimerHandle;
}

export interface ScheduledSource {
  source: SourceSystem;
  schedule: string | null;
}

export interface SchedulerDeps {
  /** The connections and their schedules, read anew on every refresh. */
  list(): ScheduledSource[];
  /** The time zone schedules run in (the current cycle's). */
  timeZone(): string;
  /** Pulls the source as source.pull does (the write queue, progress, the outcome recorded). */
  pull(source: SourceSystem): Promise<unknown>;
  /** Whether the source is being pulled now by someone else. */
  running(source: SourceSystem): boolean;
  log(message: string, error?: unknown): void;
  clock?: SchedulerClock;
}

/** setTimeout waits at most 2^31-1 ms (24.8 days): a later run is reached in steps. */
const MAX_WAIT_MS = 2 ** 31 - 1;

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  at(at, fire) {
    let timer: NodeJS.Timeout;
    const arm = (): void => {
      const wait = at.getTime() - Date.now();
      timer = setTimeout(wait > MAX_WAIT_MS ? arm : fire, Math.max(0, Math.min(wait, MAX_WAIT_MS)));
      // A schedule never keeps the process alive on its own.
      timer.unref();
    };
    arm();
    return { cancel: () => clearTimeout(timer) };
  },
};

interface Armed {
  schedule: string;
  timer: TimerHandle;
  nextAt: Date;
}

export class PullScheduler {
  private readonly clock: SchedulerClock;
  private readonly armed = new Map<SourceSystem, Armed>();
  /** Scheduled runs not yet over. */
  private readonly inFlight = new Map<SourceSystem, Promise<void>>();
  private started = false;

  constructor(private readonly deps: SchedulerDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  start(): void {
    this.started = true;
    this.refresh();
  }

  stop(): void {
    this.started = false;
    for (const a of this.armed.values()) a.timer.cancel();
    this.armed.clear();
  }

  /** When each scheduled source is pulled next. */
  nextRuns(): Map<SourceSystem, Date> {
    return new Map([...this.armed].map(([s, a]) => [s, a.nextAt]));
  }

  /** Reads the connections again: new schedules are armed, changed ones re-armed, removed ones stop. */
  refresh(): void {
    if (!this.started) return;
    let wanted: ScheduledSource[];
    try {
      wanted = this.deps.list().filter((c) => c.schedule !== null);
    } catch (e) {
      this.deps.log('pull schedule: the source connections could not be read', e);
      return;
    }
    const keep = new Set(wanted.map((c) => c.source));
    for (const [source, a] of this.armed) {
      if (!keep.has(source)) {
        a.timer.cancel();
        this.armed.delete(source);
      }
    }
    for (const c of wanted) {
      // Re-armed also when unchanged: the cycle's time zone may have moved.
      this.arm(c.source, c.schedule!);
    }
  }

  /** The run now going on for `source`, if any (tests wait for it). */
  runOf(source: SourceSystem): Promise<void> | undefined {
    return this.inFlight.get(source);
  }

  private arm(source: SourceSystem, schedule: string): void {
    this.armed.get(source)?.timer.cancel();
    this.armed.delete(source);
    let next: Date | null;
    try {
      next = nextRunOf(schedule, this.deps.timeZone(), this.clock.now());
    } catch (e) {
      this.deps.log(`pull schedule of ${source}: "${schedule}" cannot be read`, e);
      return;
    }
    if (!next) return;
    const timer = this.clock.at(next, () => this.fire(source, schedule));
    this.armed.set(source, { schedule, timer, nextAt: next });
  }

  private fire(source: SourceSystem, schedule: string): void {
    const a = this.armed.get(source);
    // A timer that fires after its schedule was changed or removed does nothing.
    if (!this.started || !a || a.schedule !== schedule) return;
    this.armed.delete(source);
    if (this.inFlight.has(source) || this.deps.running(source)) {
      this.deps.log(`scheduled pull of ${source} skipped: it is still being pulled`);
      this.arm(source, schedule);
      return;
    }
    const run = this.deps
      .pull(source)
      .then(
        () => undefined,
        (e: unknown) => this.deps.log(`scheduled pull of ${source} failed`, e),
      )
      .finally(() => {
        this.inFlight.delete(source);
        // Re-read: the connection may have changed or gone while it was pulled.
        const now = this.currentSchedule(source);
        if (this.started && now !== null && !this.armed.has(source)) this.arm(source, now);
      });
    // Armed again once this run is over (above), so two runs of one source never overlap.
    this.inFlight.set(source, run);
  }

  private currentSchedule(source: SourceSystem): string | null {
    try {
      return this.deps.list().find((c) => c.source === source)?.schedule ?? null;
    } catch {
      return null;
    }
  }
}
