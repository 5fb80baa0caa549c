// The pull schedule: due runs pull, removed schedules stop, runs never overlap, failures are
// logged and the schedule goes on. The clock is moved by hand (tests/helpers/fakeClock.ts).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceSystem } from '../../shared/domain/canonical';
import { dispatch } from '../../shared/dispatch';
import { openDatabase } from '../../electron/db/open';
import { demoDir } from '../../electron/paths';
import { PullScheduler, type ScheduledSource } from '../../electron/pulls/pullScheduler';
import { envSecrets } from '../../electron/secrets/envSecrets';
import { createHandlers } from '../../electron/services/handlers';
import { FakeClock } from '../helpers/fakeClock';
import { tempDir } from '../helpers/tmp';

function schedulerWith(connections: ScheduledSource[], opts: { timeZone?: string; running?: boolean } = {}) {
  const clock = new FakeClock(new Date('2026-12-01T05:00:00.000Z'));
  const pulls: SourceSystem[] = [];
  const logs: string[] = [];
  let answer: () => Promise<unknown> = () => Promise.resolve();
  const scheduler = new PullScheduler({
    list: () => connections,
    timeZone: () => opts.timeZone ?? 'UTC',
    pull: (source) => {
      pulls.push(source);
      return answer();
    },
    running: () => opts.running ?? false,
    log: (m) => logs.push(m),
    clock,
  });
  scheduler.start();
  return { clock, pulls, logs, scheduler, answerWith: (f: () => Promise<unknown>) => (answer = f) };
}

describe('PullScheduler', () => {
  it('pulls a source when its cron time comes, then arms the next run', async () => {
    const s = schedulerWith([{ source: 'ERP', schedule: '0 6 * * *' }]);
    expect(s.clock.pending()).toEqual(['2026-12-01T06:00:00.000Z']);
    s.clock.advance('2026-12-01T05:59:00.000Z');
    expect(s.pulls).toEqual([]);
    s.clock.advance('2026-12-01T06:00:00.000Z');
    expect(s.pulls).toEqual(['ERP']);
    await s.scheduler.runOf('ERP');
    expect(s.clock.pending()).toEqual(['2026-12-02T06:00:00.000Z']);
  });

  it("runs in the cycle's time zone", () => {
    const s = schedulerWith([{ source: 'WMS', schedule: '0 6 * * 1-5' }], { timeZone: 'Europe/Berlin' });
    // 06:00 in Berlin in December is 05:00 UTC: already passed on the 1st, so the 2nd.
    expect(s.clock.pending()).toEqual(['2026-12-02T05:00:00.000Z']);
  });

  it('stops a removed schedule and re-arms a changed one', async () => {
    const connections: ScheduledSource[] = [
      { source: 'ERP', schedule: '0 6 * * *' },
      { source: 'TMS', schedule: '30 5 * * *' },
    ];
    const s = schedulerWith(connections);
    connections.splice(0, 1); // ERP removed
    connections[0] = { source: 'TMS', schedule: '0 7 * * *' }; // TMS changed
    s.scheduler.refresh();
    expect(s.clock.pending()).toEqual(['2026-12-01T07:00:00.000Z']);
    s.clock.advance('2026-12-01T06:30:00.000Z');
    expect(s.pulls).toEqual([]);
    s.clock.advance('2026-12-01T07:00:00.000Z');
    expect(s.pulls).toEqual(['TMS']);
    await s.scheduler.runOf('TMS');
    s.scheduler.stop();
    expect(s.clock.pending()).toEqual([]);
  });

  it('never starts a second run of a source still being pulled', async () => {
    const s = schedulerWith([{ source: 'ERP', schedule: '* * * * *' }]);
    let finish!: () => void;
    s.answerWith(() => new Promise<void>((resolve) => (finish = resolve)));
    s.clock.advance('2026-12-01T05:01:00.000Z');
    expect(s.pulls).toEqual(['ERP']);
    // Someone sets the connection again while it runs: the new timer fires during the run.
    s.scheduler.refresh();
    s.clock.advance('2026-12-01T05:02:00.000Z');
    expect(s.pulls).toEqual(['ERP']);
    expect(s.logs).toEqual(['scheduled pull of ERP skipped: it is still being pulled']);
    finish();
    await s.scheduler.runOf('ERP');
    s.clock.advance('2026-12-01T05:03:00.000Z');
    expect(s.pulls).toEqual(['ERP', 'ERP']);
  });

  it('skips a run while someone else pulls the source', () => {
    const s = schedulerWith([{ source: 'CRM', schedule: '* * * * *' }], { running: true });
    s.clock.advance('2026-12-01T05:01:00.000Z');
    expect(s.pulls).toEqual([]);
    expect(s.clock.pending()).toEqual(['2026-12-01T05:02:00.000Z']);
  });

  it('logs a failed run and keeps the schedule', async () => {
    const s = schedulerWith([{ source: 'ERP', schedule: '0 6 * * *' }]);
    s.answerWith(() => Promise.reject(new Error('refused')));
    s.clock.advance('2026-12-01T06:00:00.000Z');
    await s.scheduler.runOf('ERP');
    expect(s.logs).toEqual(['scheduled pull of ERP failed']);
    expect(s.clock.pending()).toEqual(['2026-12-02T06:00:00.000Z']);
  });
});

describe('the schedule in the app: through the source.pull handler', () => {
  const dir = tempDir('planroom-schedule-', 'all');
  const logFile = join(dir, 'planroom.log');
  const savedLog = process.env.PLANROOM_LOG;
  process.env.PLANROOM_LOG = logFile;
  const db = openDatabase(join(dir, 'p.db'));
  const clock = new FakeClock(new Date('2026-12-01T05:00:00.000Z'));
  const handlers = createHandlers({
    db,
    dbPath: join(dir, 'p.db'),
    version: 'test',
    sync: true,
    pullClock: clock,
    secrets: envSecrets({}),
  });
  afterAll(() => {
    db.close();
    if (savedLog === undefined) delete process.env.PLANROOM_LOG;
    else process.env.PLANROOM_LOG = savedLog;
  });
  const call = async <T>(p: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error!.message);
    return r.data as T;
  };
  /** A writing call queues behind the scheduled pull the clock just started: its answer means the pull is over. */
  const afterQueuedWrites = () => call(dispatch(handlers, 'source.remove', { source: 'CRM' }));
  const erp = async () =>
    (
      await call<
        {
          source: string;
          lastPull: { ok: boolean; error: { message: string } | null; snapshotId: number | null } | null;
          nextPullAt: string | null;
        }[]
      >(dispatch(handlers, 'source.list', {}))
    ).find((s) => s.source === 'ERP')!;

  it('pulls a scheduled source at its time, records it, and stops once the connection is removed', async () => {
    await call(
      dispatch(handlers, 'source.set', {
        source: 'ERP',
        connection: { kind: 'folder', dir: join(demoDir(), 'erp') },
        schedule: '0 6 * * *',
      }),
    );
    expect(clock.pending()).toEqual(['2026-12-01T06:00:00.000Z']);
    expect((await erp()).lastPull).toBeNull();
    clock.advance('2026-12-01T06:00:00.000Z');
    await afterQueuedWrites();
    const pulled = await erp();
    expect(pulled.lastPull).toMatchObject({ ok: true, error: null });
    expect(db.prepare('SELECT count(*) n FROM snapshots WHERE source_id = ?').get('ERP')).toEqual({ n: 1 });
    expect(clock.pending()).toEqual(['2026-12-02T06:00:00.000Z']);

    await call(dispatch(handlers, 'source.remove', { source: 'ERP' }));
    expect(clock.pending()).toEqual([]);
  });

  it('records and logs a failed scheduled pull, and the app goes on', async () => {
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    await call(
      dispatch(handlers, 'source.set', {
        source: 'ERP',
        connection: { kind: 'folder', dir: gone },
        schedule: '0 7 * * *',
      }),
    );
    rmSync(gone, { recursive: true });
    clock.advance('2026-12-02T07:00:00.000Z');
    await afterQueuedWrites();
    const failed = await erp();
    expect(failed.lastPull).toMatchObject({ ok: false, snapshotId: null });
    expect(failed.lastPull!.error!.message.length).toBeGreaterThan(0);
    expect(readFileSync(logFile, 'utf8')).toMatch(/scheduled pull of ERP failed/);
    expect(clock.pending()).toEqual(['2026-12-03T07:00:00.000Z']);
  });
});
