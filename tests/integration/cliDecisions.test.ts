// `planroom decisions` over the demo company: record, list, change, move, history and show, as
// text and as JSON, and the exit code and message of each kind of bad input (2: a flag's value
// refused, naming the flag; 1: the service refused, with its hint).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../shared/api';
import { planroom } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

type Info = ApiOutput<'decision.add'>;

describe('planroom decisions', () => {
  const db = join(tempDir('planroom-clidec-', 'all'), 'p.db');
  const run = (...args: string[]) => planroom(['decisions', ...args, '--db', db]);
  const json = <T>(...args: string[]): T => {
    const r = run(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };

  beforeAll(async () => {
    // The demo company with its cycle, written once through the services, then closed.
    const api = await openDemoApi(join(db, '..'));
    await api.close();
  }, 120_000);

  it('says the log is empty, then records decisions as text and as JSON', () => {
    const empty = run('list');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/no decisions in this cycle yet: planroom decisions add TITLE --owner WHO/);

    const a = run('add', 'Add a night shift on line 2', '--owner', 'COO', '--due', '2020-01-10', '--as', 'CEO');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(
      /^decision #1 "Add a night shift on line 2" recorded at rank 1, owner COO, due 2020-01-10 \([0-9a-f-]{36}\)\n$/,
    );
    const b = json<Info>(
      'add',
      'Re-baseline the snacks forecast',
      '--owner',
      'Sales',
      '--due',
      '+2w',
      '--kpi',
      'forecast_accuracy',
      '--rationale',
      'Promo calendar moved',
      '--priority',
      'top',
      '--as',
      'CEO',
    );
    expect(b).toMatchObject({
      id: 2,
      priorityRank: 1,
      owner: 'Sales',
      kpi: { id: 'forecast_accuracy' },
      function: 'demand',
      rationale: 'Promo calendar moved',
      recordedBy: 'CEO',
      overdue: false,
    });
    expect(b.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A title that would drive the terminal is shown escaped.
    const c = run('add', 'Close \u001b[31mred\u001b[0m lane', '--owner', 'Logistics', '--priority', '2');
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).not.toContain('\u001b');
    expect(c.stdout).toContain('Close \\x1b[31mred\\x1b[0m lane');
  });

  it('lists the log in priority order, marking overdue, and filters it', () => {
    const r = run('list');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^rank {2}id\s+status\s+due\s+owner\s+title\s+KPI -> expected$/);
    expect(lines[2]).toMatch(
      /^ {3}1 {2}#2\s+proposed\s+\d{4}-\d{2}-\d{2}\s+Sales\s+Re-baseline the snacks forecast\s+Forecast accuracy$/,
    );
    expect(lines[3]).toMatch(/^ {3}2 {2}#3\s+proposed\s+no due date\s+Logistics\s+Close \\x1b\[31mred/);
    expect(lines[4]).toMatch(/^ {3}3 {2}#1\s+proposed\s+2020-01-10 OVERDUE\s+COO\s+Add a night shift on line 2\s+-$/);
    expect(lines.at(-1)).toBe('3 of 3 decision(s)');

    const listed = (...args: string[]) => json<ApiOutput<'decision.list'>>('list', ...args).decisions.map((d) => d.id);
    expect(listed()).toEqual([2, 3, 1]);
    expect(listed('--owner', 'sales')).toEqual([2]);
    expect(listed('--function', 'demand')).toEqual([2]);
    expect(listed('--due-before', '2020-12-31')).toEqual([1]);
    expect(listed('--due-before', '+1m')).toEqual([2, 1]);
    expect(listed('--search', 'SNACKS')).toEqual([2]);
    expect(listed('--status', 'proposed,done')).toEqual([2, 3, 1]);

    const none = run('list', '--status', 'done');
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/none match the filters \(3 decision\(s\) in the cycle\)/);
  });

  it('changes a decision, printing what changed, and keeps it in the history', () => {
    const r = run('set', '1', '--status', 'in progress', '--owner', 'Ops lead', '--comment', 'Agreed in the room');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^decision #1 "Add a night shift on line 2":\n/);
    expect(r.stdout).toMatch(
      /2\. \S+ {2}changed +by planroom CLI {2}status "proposed" -> "in_progress"; owner "COO" -> "Ops lead" {2}comment "Agreed in the room"/,
    );
    const d = json<ApiOutput<'decision.set'>>('set', '1', '--expected', '0.95', '--due', '', '--as', 'CFO');
    expect(d).toMatchObject({ status: 'in_progress', owner: 'Ops lead', expectedValue: 0.95, dueDate: null });
    expect(d.history.at(-1)).toMatchObject({
      kind: 'changed',
      actor: 'CFO',
      changes: [
        { field: 'due_date', from: '2020-01-10', to: null },
        { field: 'expected_value', from: null, to: 0.95 },
      ],
    });
    const same = run('set', '1', '--status', 'in_progress');
    expect(same.stdout).toBe('decision #1: nothing changed\n');
  });

  it('moves a decision and lists the new order', () => {
    const r = run('move', '1', '--to', 'top', '--as', 'CEO');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('decision #1 is at rank 1 of 3\norder: #1 #2 #3\n');
    const down = json<ApiOutput<'decision.move'>>('move', '1', '--to', 'down');
    expect(down.order).toEqual([
      { id: 2, priorityRank: 1 },
      { id: 1, priorityRank: 2 },
      { id: 3, priorityRank: 3 },
    ]);
    expect(json<ApiOutput<'decision.move'>>('move', '3', '--to', '1').order.map((o) => o.id)).toEqual([3, 2, 1]);
  });

  it('prints the history and every field of one decision', () => {
    const h = run('history', '1');
    expect(h.code, h.stderr).toBe(0);
    expect(
      h.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[2]),
    ).toEqual(['recorded', 'changed', 'changed', 'moved', 'moved']);
    expect(h.stdout).toMatch(/moved +by CEO {2}priority_rank 3 -> 1/);
    const events = json<ApiOutput<'decision.history'>>('history', '1');
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);

    const s = run('show', '2');
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/^decision #2 "Re-baseline the snacks forecast" \([0-9a-f-]{36}\)\n/);
    expect(s.stdout).toMatch(/ {2}rank 2 in .+ {3}status proposed\n/);
    expect(s.stdout).toMatch(/ {2}owner Sales {3}due \d{4}-\d{2}-\d{2}\n/);
    expect(s.stdout).toMatch(/ {2}aims at Forecast accuracy {3}function demand\n/);
    expect(s.stdout).toMatch(/ {2}rationale: Promo calendar moved\n/);
    expect(s.stdout).toMatch(/ {2}recorded by CEO at \S+, updated \S+\nhistory:\n +1\. \S+ {2}recorded +by CEO\n/);
    const shown = json<ApiOutput<'decision.get'>>('show', '2');
    expect(shown).toMatchObject({ id: 2, title: 'Re-baseline the snacks forecast', expectations: [] });
  });

  it('writes the calendar of open decisions, never over a file without --force', () => {
    expect(run('set', '3', '--status', 'done').code).toBe(0);
    const open = json<ApiOutput<'decision.list'>>('list').decisions.filter((d) => d.status !== 'done');
    const file = join(db, '..', 'log.ics');
    const r = run('ics', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${file}\n`);
    const ics = readFileSync(file, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const uids = [...ics.matchAll(/^UID:(\S+)@planroom\r$/gm)].map((m) => m[1]);
    expect(uids.sort()).toEqual(open.map((d) => d.uid).sort());
    expect(ics.match(/^BEGIN:VTODO\r$/gm)).toHaveLength(open.length);

    const again = run('ics', '--out', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already; it was not overwritten\. — Add --force to overwrite it/);
    const forced = json<{ path: string; fileName: string; mime: string }>('ics', '--out', file, '--force');
    expect(forced).toMatchObject({ path: file, mime: expect.stringMatching(/^text\/calendar/) });
  });

  it('refuses bad input: a flag value with exit 2 naming the flag, a refused call with exit 1 and its hint', () => {
    const cases: [string[], number, RegExp][] = [
      [
        ['add', 'x', '--owner', 'y', '--due', 'someday'],
        2,
        /--due "someday": "someday" is not a due date \(Type a date/,
      ],
      [['add', 'x'], 2, /--owner WHO is required/],
      [['add', '--owner', 'y'], 2, /the title is required/],
      [['add', 'x', '--owner', 'y', '--kpi', 'happiness'], 2, /--kpi "happiness": /],
      [['add', 'x', '--owner', 'y', '--priority', 'soon'], 2, /--priority "soon": a rank \(1 = top\), top or bottom/],
      [
        ['add', 'x', '--owner', 'y', '--exception', 'no-such-key'],
        1,
        /No exception "no-such-key" in cycle .* — List the exceptions: planroom exceptions list/,
      ],
      [['list', '--status', 'finished'], 2, /--status "finished": one of proposed, agreed, in_progress, done, dropped/],
      [['list', '--function', 'marketing'], 2, /--function "marketing": one of review, demand/],
      [['list', '--due-before', 'whenever'], 2, /--due-before "whenever": a date/],
      [['set', '1'], 2, /say what to change/],
      [['set', '1', '--status', 'agreed,done'], 2, /--status takes one of/],
      [['set', '1', '--expected', 'lots'], 2, /--expected "lots": a number/],
      [['set', '1', '--due', 'later'], 2, /--due "later": "later" is not a due date/],
      [['set', '99', '--status', 'done'], 1, /No decision with id 99\. — List the decisions: planroom decisions list/],
      [['show', 'abc'], 2, /the decision id must be a whole number \(1, 2, 3\.\.\.\), not "abc"/],
      [['show'], 2, /the decision id is required/],
      [['move', '1'], 2, /--to N\|top\|bottom\|up\|down is required/],
      [['move', '1', '--to', 'sideways'], 2, /--to "sideways": a rank/],
      [['history', '1', '2'], 2, /unexpected argument "2"/],
      [['archive'], 2, /unknown decisions command "archive"/],
      [['list', '--cycle', 'x'], 2, /--cycle must be a whole number/],
    ];
    const before = json<ApiOutput<'decision.list'>>('list');
    for (const [args, code, message] of cases) {
      const r = run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    // Nothing refused was written.
    expect(json<ApiOutput<'decision.list'>>('list')).toEqual(before);
  });
});
