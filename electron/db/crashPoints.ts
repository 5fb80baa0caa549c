// Test-only kill points, named by the phase of a write (DESIGN.md: "a crash at any instant leaves
// the database consistent"). A crash test runs a command with
//   PLANROOM_TEST_CRASH_AT=[op:]phase
// and the process kills itself with SIGKILL when that write reaches that phase, so the test
// checks the state at a known moment instead of guessing one with a timer. Phases:
//   before-begin     the write is about to open its transaction
//   after-rows:N     an import has written N rows inside its open transaction
//   before-commit    everything is written, COMMIT is next
//   after-commit     COMMIT returned
//   mid-checkpoint   the checkpoint worker is copying the WAL into the database file
//   before-rename    a file drop's temp file is whole and synced, the rename over the old file is next
// `op` (import, cycle-create, cycle-pin, reconcile, engine, scenario-choose, decision, ...)
// narrows the point to one kind of write; without it the first write to reach the phase dies.
// With the variable unset every call is a cheap no-op.

export type CrashPhase =
  'before-begin' | 'after-rows' | 'before-commit' | 'after-commit' | 'mid-checkpoint' | 'before-rename';

interface Armed {
  op?: string;
  phase: CrashPhase;
  rows: number;
}

const PHASES: readonly CrashPhase[] = [
  'before-begin',
  'after-rows',
  'before-commit',
  'after-commit',
  'mid-checkpoint',
  'before-rename',
];

/** Parses the variable's value; undefined when unset. A malformed value is a bug in the test. */
export function parseCrashSpec(spec: string | undefined): Armed | undefined {
  if (!spec) return undefined;
  const m =
    /^(?:([a-z-]+):)?(before-begin|after-rows:(\d+)|before-commit|after-commit|mid-checkpoint|before-rename)$/.exec(
      spec,
    );
  if (!m) {
    throw new Error(`PLANROOM_TEST_CRASH_AT="${spec}" is not [op:]phase with phase one of ${PHASES.join(', ')}`);
  }
  const phase = (m[3] === undefined ? m[2] : 'after-rows') as CrashPhase;
  return { op: m[1], phase, rows: m[3] === undefined ? 0 : Number(m[3]) };
}

const armed = parseCrashSpec(process.env.PLANROOM_TEST_CRASH_AT);

/** True when a crash point for this op and phase is set (a worker is kept alive to reach it). */
export function crashArmed(op: string, phase: CrashPhase): boolean {
  return armed !== undefined && armed.phase === phase && (armed.op === undefined || armed.op === op);
}

/** Kills the process here when the armed point is this op and phase (after-rows: once rows >= N). */
export function crashPoint(op: string, phase: CrashPhase, rows = 0): void {
  if (!armed || !crashArmed(op, phase)) return;
  if (phase === 'after-rows' && rows < armed.rows) return;
  process.kill(process.pid, 'SIGKILL');
}
