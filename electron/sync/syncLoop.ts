// The sync loop of the main process: delivers the outbox to each target that is reachable, with
// exponential backoff and jitter after failures (kept in SQLite, so a restart keeps its pace),
// never on the UI's thread of work: network waits are async, and each local write is one short
// transaction through the write queue. One run at a time; a timer that never keeps the process
// alive on its own.
import type pg from 'pg';
import type { z } from 'zod';
import type { HubConfigT, SyncRun } from '../../shared/calls/sync';
import { backoffMs } from '../../shared/sync/backoff';
import type { ReadDb, WriteDb } from '../db/types';
import { nowIso } from '../db/types';
import { laptopId, listTargets, recordFailure, recordSuccess, type SyncTargetRow } from '../db/repos/sync';
import { writeLog } from '../log';
import type { WriteQueue } from '../services/writeQueue';
import { envSecrets } from '../secrets/envSecrets';
import type { SecretStore } from '../secrets/secretStore';
import { TargetConfig } from '../../shared/calls/sync';
import { AppError } from '../../shared/domain/errors';
import { dropFiles } from './fileDrop';
import { hubClientConfig, hubErrorHint } from './hubConnection';
import { deliverHttp } from './httpTarget';
import { WaitAsked } from './targetDelivery';
import { prepareHub } from './hubSchema';
import { applyPulled } from './applyPulled';
import { exchangeWithHub } from './hubSync';

type SyncRunT = z.output<typeof SyncRun>;

export interface SyncDeps {
  db: WriteDb;
  read: ReadDb;
  writes: WriteQueue;
  now?: () => string;
  random?: () => number;
  /** Secrets (Electron: safeStorage); the environment or a 0600 file when not given. */
  secrets?: SecretStore;
}

/** How often a healthy loop looks for new entries and other laptops' events. */
export const IDLE_INTERVAL_MS = 30_000;

export class SyncLoop {
  private current: Promise<SyncRunT[]> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly now: () => string;
  private readonly random: () => number;
  private readonly secrets: SecretStore;

  constructor(private readonly deps: SyncDeps) {
    this.now = deps.now ?? nowIso;
    this.random = deps.random ?? Math.random;
    this.secrets = deps.secrets ?? envSecrets();
  }

  /** Runs every target now (`force`: also those waiting out a backoff); one run at a time. */
  run(force = false): Promise<SyncRunT[]> {
    this.current ??= this.runTargets(force).finally(() => (this.current = null));
    return this.current;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.run()
        .catch((e: unknown) => writeLog('warn', 'sync run failed', e))
        .finally(() => this.schedule(this.nextDelay()));
    }, ms);
    this.timer.unref();
  }

  /** Until the earliest backoff ends, at most the idle interval. */
  private nextDelay(): number {
    const now = Date.parse(this.now());
    const waits = listTargets(this.deps.read)
      .filter((t) => !t.paused && t.next_attempt_at)
      .map((t) => Date.parse(t.next_attempt_at!) - now);
    return Math.max(1000, Math.min(IDLE_INTERVAL_MS, ...waits));
  }

  private async runTargets(force: boolean): Promise<SyncRunT[]> {
    const out: SyncRunT[] = [];
    for (const t of listTargets(this.deps.read)) {
      if (t.paused) continue;
      if (!force && t.next_attempt_at && t.next_attempt_at > this.now()) continue;
      out.push(t.kind === 'postgres' ? await this.runHub(t) : await this.runTarget(t));
    }
    return out;
  }

  /**
   * Records a failed run and says what to do. The backoff grows with the failures; a receiver
   * that asked for a wait (Retry-After) gets at least that, up to a day.
   */
  private async failed(t: SyncTargetRow, at: string, message: string, hint: string, askedMs = 0): Promise<SyncRunT> {
    const wait = Math.max(backoffMs(t.failures + 1, this.random()), Math.min(askedMs, 86_400_000));
    const next = new Date(Date.parse(at) + wait).toISOString();
    await this.deps.writes.run(() => recordFailure(this.deps.db, t.id, at, next, message, hint));
    return { target: t.id, pushed: 0, pulled: 0, failed: 0, error: message, hint };
  }

  /** An HTTP write-back or file-drop target. */
  private async runTarget(t: SyncTargetRow): Promise<SyncRunT> {
    const at = this.now();
    const deps = { ...this.deps, secrets: this.secrets, now: this.now };
    try {
      const cfg = TargetConfig.parse(JSON.parse(t.config));
      const done = cfg.kind === 'http' ? await deliverHttp(deps, t.id, cfg) : await dropFiles(deps, t.id, cfg);
      await this.deps.writes.run(() => recordSuccess(this.deps.db, t.id, this.now()));
      return { target: t.id, ...done, pulled: 0, error: null, hint: null };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const hint =
        e instanceof AppError && e.hint ? e.hint : "Check the target's settings on the Sync page; it is tried again.";
      return this.failed(t, at, message, hint, e instanceof WaitAsked ? e.waitMs : 0);
    }
  }

  private async runHub(t: SyncTargetRow): Promise<SyncRunT> {
    const { db, writes } = this.deps;
    const at = this.now();
    let client: pg.Client | null = null;
    try {
      const password = this.secrets.get('hub');
      // pg loads with the first hub run, not at every start of the app.
      const { default: lib } = await import('pg');
      client = new lib.Client(hubClientConfig(JSON.parse(t.config) as HubConfigT, password));
      // An unexpected drop later (hub restarted) arrives as an 'error' event: the run fails
      // with it instead of the process crashing on an unhandled event.
      client.on('error', (e) => writeLog('warn', `hub connection of ${t.id} dropped`, e));
      await client.connect();
      await prepareHub(client);
      const done = await exchangeWithHub(db, this.deps.read, writes, client, {
        target: t.id,
        laptop: laptopId(this.deps.read),
        cursor: t.pull_cursor,
        now: this.now,
      });
      // What was pulled (and what waited before) is merged into this laptop's log.
      await applyPulled(db, writes, this.now);
      await writes.run(() => recordSuccess(db, t.id, this.now()));
      return { target: t.id, ...done, failed: 0, error: null, hint: null };
    } catch (e) {
      const { message, hint } = hubErrorHint(e);
      return this.failed(t, at, message, hint);
    } finally {
      await client?.end().catch(() => undefined);
    }
  }
}
