// A kill -9 at any instant of a write leaves either the old or the new state. Each write runs in
// a child `planroom` process armed with a named crash point (PLANROOM_TEST_CRASH_AT, see
// electron/db/crashPoints.ts), which kills itself with SIGKILL exactly there: before BEGIN, after
// N rows inside the transaction, before COMMIT, after COMMIT, during the WAL checkpoint. The test
// then checks the database: intact, and equal to the state before the write (killed before
// COMMIT) or to the state a clean run of the same write leaves (killed after COMMIT). Nothing
// here depends on timing: the process dies where the name says, on a fast machine or a slow one.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_TABLES } from '../../shared/domain/canonical';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const DEMO = join(ROOT, 'assets', 'demo');
const MEETING = ['--meeting', '2026-12-01T09:00:00Z', '--start', '2026-W49', '--horizon', '26'];
const NEXT_MEETING = ['--meeting', '2026-12-29T09:00:00Z', '--start', '2026-W53', '--horizon', '26'];

/** Runs `planroom ARGS --db DB`; with a crash point, the exit signal tells whether it was reached. */
function run(
  db: string,
  args: string[],
  crashAt?: string,
): { code: number | null; signal: string | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'planroom.cjs'), ...args, '--db', db], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PLANROOM_DB: '', PLANROOM_TEST_CRASH_AT: crashAt ?? '' },
  });
  return { code: r.status, signal: r.signal, stderr: r.stderr };
}

function ok(db: string, args: string[]): void {
  const r = run(db, args);
  expect(r.code, r.stderr).toBe(0);
}

/** Closes every connection's WAL into the file so the file alone is a copyable database. */
function settle(db: string): void {
  const raw = new Database(db);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

const STATE_TABLES = [
  'snapshots',
  'cycles',
  'cycle_snapshots',
  'cycle_pin_log',
  'agenda_items',
  'data_issues',
  'data_issue_comments',
  'cycle_computations',
  'exceptions',
  'kpi_values',
  'scenarios',
  'scenario_log',
  'decisions',
  'cycle_decisions',
  'cycle_attendees',
  'decision_events',
  'decision_expectations',
  'decision_exceptions',
  'outbox',
];

/**
 * The database's integrity and what it holds: row counts of the app's tables, and of each
 * snapshot's canonical rows. Every snapshot must hold exactly the rows it counts, with no row
 * outside a snapshot.
 */
function state(db: string): Record<string, number | string> {
  const raw = new Database(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    const counts: Record<string, number | string> = {};
    const tables = new Set(
      (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).values(),
    );
    for (const t of STATE_TABLES) {
      if (tables.has(t)) counts[t] = raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    }
    // The decision log's content, not only its size: each cycle's ranks and each decision's status
    // (ids and ranks are the same in every run of the same writes).
    if (tables.has('cycle_decisions')) {
      counts['decision ranks'] = raw
        .prepare(
          `SELECT coalesce(group_concat(cycle_id || ':' || decision_id || '@' || priority_rank, ' '), '')
             FROM (SELECT * FROM cycle_decisions ORDER BY cycle_id, priority_rank)`,
        )
        .pluck()
        .get() as string;
      counts['decision statuses'] = raw
        .prepare(
          `SELECT coalesce(group_concat(id || ':' || status, ' '), '') FROM (SELECT * FROM decisions ORDER BY id)`,
        )
        .pluck()
        .get() as string;
      counts['decision outbox'] = raw
        .prepare(`SELECT count(*) FROM outbox WHERE kind = 'decision_event'`)
        .pluck()
        .get() as number;
    }
    for (const t of CANONICAL_TABLES) {
      const orphans = raw
        .prepare(`SELECT count(*) FROM ${t.name} WHERE snapshot_id NOT IN (SELECT id FROM snapshots)`)
        .pluck()
        .get();
      expect(orphans, `${t.name} rows outside a snapshot`).toBe(0);
    }
    const snaps = raw.prepare('SELECT id, source_id, row_counts FROM snapshots').all() as {
      id: number;
      source_id: string;
      row_counts: string;
    }[];
    for (const s of snaps) {
      for (const [table, n] of Object.entries(JSON.parse(s.row_counts) as Record<string, number>)) {
        const stored = raw.prepare(`SELECT count(*) FROM ${table} WHERE snapshot_id = ?`).pluck().get(s.id);
        expect(stored, `${s.source_id} ${table}`).toBe(n);
        counts[`${s.source_id}.${table}`] = n;
      }
    }
    return counts;
  } finally {
    raw.close();
  }
}

interface Write {
  name: string;
  /** The database the write starts from. */
  base: () => string;
  args: string[];
  op: string;
  phasesBefore: string[];
  phasesAfter: string[];
  /** What the clean run must have written, beside "something changed". */
  check?: (before: Record<string, number | string>, after: Record<string, number | string>) => void;
}

describe('kill -9 at a named instant of a write', () => {
  const dir = tempDir('planroom-crash-', 'all');
  const noErp = join(dir, 'no-erp.db');
  const sources = join(dir, 'sources.db');
  const withCycle = join(dir, 'cycle.db');
  const computed = join(dir, 'computed.db');
  const withDecisions = join(dir, 'decisions.db');

  beforeAll(() => {
    for (const s of ['WMS', 'TMS', 'CRM']) ok(noErp, ['import', '--source', s, join(DEMO, s.toLowerCase())]);
    settle(noErp);
    copyFileSync(noErp, sources);
    ok(sources, ['import', '--source', 'ERP', join(DEMO, 'erp')]);
    settle(sources);
    copyFileSync(sources, withCycle);
    ok(withCycle, ['cycle', 'create', '--name', 'Dec', ...MEETING]);
    // Data issues dropped behind the app's back, so that a reconcile has something to write.
    const raw = new Database(withCycle);
    raw.exec('DELETE FROM data_issue_comments; DELETE FROM data_issues');
    raw.close();
    settle(withCycle);
    copyFileSync(withCycle, computed);
    ok(computed, ['exceptions', 'recompute']);
    ok(computed, ['scenario', 'create', 'Promo', '--owner', 'Sales', '--lever', 'demand_lift percent=15']);
    settle(computed);
    // Three decisions in the cycle's log, one of them done (it stays behind at carry-over).
    copyFileSync(withCycle, withDecisions);
    ok(withDecisions, ['decisions', 'add', 'Night shift on line 2', '--owner', 'COO', '--due', '2026-12-15']);
    ok(withDecisions, ['decisions', 'add', 'Re-baseline snacks', '--owner', 'Sales', '--kpi', 'forecast_accuracy']);
    ok(withDecisions, ['decisions', 'add', 'Close the old lane', '--owner', 'Logistics']);
    ok(withDecisions, ['decisions', 'set', '3', '--status', 'done', '--as', 'CEO']);
    // An attendee (the CLI has no attendance verb): the next cycle copies the list.
    const log = new Database(withDecisions);
    log
      .prepare("INSERT INTO cycle_attendees (cycle_id, name, role, present, added_at) VALUES (1, 'Dana', 'CEO', 1, ?)")
      .run(new Date(0).toISOString());
    log.close();
    settle(withDecisions);
  }, 240_000);

  const writes: Write[] = [
    {
      name: 'snapshot import',
      base: () => noErp,
      args: ['import', '--source', 'ERP', join(DEMO, 'erp')],
      op: 'import',
      phasesBefore: ['before-begin', 'after-rows:1', 'after-rows:2000', 'before-commit'],
      phasesAfter: ['after-commit', 'mid-checkpoint'],
    },
    {
      name: 'cycle create',
      base: () => sources,
      args: ['cycle', 'create', '--name', 'Dec', ...MEETING],
      op: 'cycle-create',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
    },
    {
      name: 'reconcile',
      base: () => withCycle,
      args: ['data-issues', 'reconcile'],
      op: 'reconcile',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
    },
    {
      name: 'engine results',
      base: () => withCycle,
      args: ['exceptions', 'recompute'],
      op: 'engine',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
    },
    {
      name: 'scenario choose',
      base: () => computed,
      args: ['scenario', 'choose', 'Promo', '--as', 'CEO', '--kpi', 'service_level'],
      op: 'scenario-choose',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
    },
    {
      name: 'decision add',
      base: () => withDecisions,
      args: ['decisions', 'add', 'Expedite Lyon', '--owner', 'CFO', '--priority', 'top', '--as', 'CEO'],
      op: 'decision',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
      check: (before, after) => {
        expect(after.decisions).toBe(Number(before.decisions) + 1);
        expect(after['decision outbox']).toBe(Number(before['decision outbox']) + 1);
        expect(after['decision ranks']).toBe('1:4@1 1:1@2 1:2@3 1:3@4');
      },
    },
    {
      name: 'decision status',
      base: () => withDecisions,
      args: ['decisions', 'set', '1', '--status', 'agreed', '--as', 'CEO'],
      op: 'decision',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
      check: (before, after) => {
        expect(after['decision statuses']).toBe('1:agreed 2:proposed 3:done');
        expect(after.decision_events).toBe(Number(before.decision_events) + 1);
      },
    },
    {
      name: 'decision move',
      base: () => withDecisions,
      args: ['decisions', 'move', '3', '--to', 'top', '--as', 'CEO'],
      op: 'decision',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
      check: (before, after) => {
        expect(before['decision ranks']).toBe('1:1@1 1:2@2 1:3@3');
        expect(after['decision ranks']).toBe('1:3@1 1:1@2 1:2@3');
      },
    },
    {
      name: 'cycle create with carry-over',
      base: () => withDecisions,
      args: ['cycle', 'create', '--name', 'Jan', ...NEXT_MEETING],
      op: 'cycle-create',
      phasesBefore: ['before-begin', 'before-commit'],
      phasesAfter: ['after-commit'],
      check: (before, after) => {
        // The two open decisions, linked into cycle 2 in their order, each with its event.
        expect(after['decision ranks']).toBe(`${before['decision ranks']} 2:1@1 2:2@2`);
        expect(after.decision_events).toBe(Number(before.decision_events) + 2);
        expect(after['decision outbox']).toBe(Number(before['decision outbox']) + 2);
        expect(after.decisions).toBe(before.decisions);
        expect(after.cycle_attendees).toBe(Number(before.cycle_attendees) + 1);
      },
    },
  ];

  for (const w of writes) {
    it(`${w.name}: old state when killed before COMMIT, new state after`, () => {
      const before = state(w.base());
      // Named after the write, not its op: writes sharing an op must not reuse a file (and its -wal).
      const slug = w.name.replace(/\W+/g, '-');
      const clean = join(dir, `${slug}-clean.db`);
      copyFileSync(w.base(), clean);
      ok(clean, w.args);
      const after = state(clean);
      expect(after, 'the write changes something').not.toEqual(before);
      w.check?.(before, after);
      for (const [i, phase] of [...w.phasesBefore, ...w.phasesAfter].entries()) {
        const db = join(dir, `${slug}-${i}.db`);
        copyFileSync(w.base(), db);
        const r = run(db, w.args, `${w.op}:${phase}`);
        expect(r.signal, `${phase} was reached: ${r.stderr}`).toBe('SIGKILL');
        expect(state(db), phase).toEqual(w.phasesBefore.includes(phase) ? before : after);
        // The database stays usable: the same write completes afterwards.
        if (w.phasesBefore.includes(phase)) {
          ok(db, w.args);
          expect(state(db), `${phase}, then again`).toEqual(after);
        }
      }
    }, 240_000);
  }

  it('refuses a malformed crash point instead of running without it', () => {
    const r = run(join(dir, 'x.db'), ['snapshots'], 'import:after-rows');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/PLANROOM_TEST_CRASH_AT="import:after-rows" is not \[op:\]phase/);
  });
});
