// Progress of running operations by a caller-chosen id, for callers that cannot receive pushed
// events (the renderer polls progress.get over IPC or HTTP alike). Finished entries linger a
// few seconds so the last poll still sees 100%.
import type { ProgressInfoT } from '../../shared/api';
import type { Progress } from '../../shared/dispatch';

interface Entry {
  started: number;
  last: Progress;
  finishedAt?: number;
}

const LINGER_MS = 5_000;

export class ProgressBoard {
  private readonly entries = new Map<string, Entry>();

  update(id: string, p: Progress, now = Date.now()): void {
    const e = this.entries.get(id);
    if (e) e.last = p;
    else this.entries.set(id, { started: now, last: p });
  }

  finish(id: string, now = Date.now()): void {
    const e = this.entries.get(id);
    if (e) e.finishedAt = now;
    for (const [key, entry] of this.entries) {
      if (entry.finishedAt !== undefined && now - entry.finishedAt > LINGER_MS) this.entries.delete(key);
    }
  }

  get(id: string, now = Date.now()): ProgressInfoT | null {
    const e = this.entries.get(id);
    if (!e) return null;
    const elapsedMs = (e.finishedAt ?? now) - e.started;
    return {
      label: e.last.label,
      rows: e.last.done,
      fraction: e.finishedAt !== undefined ? 1 : (e.last.fraction ?? null),
      rowsPerSecond: elapsedMs > 0 ? Math.round((e.last.done * 1000) / elapsedMs) : 0,
      elapsedMs,
    };
  }
}
