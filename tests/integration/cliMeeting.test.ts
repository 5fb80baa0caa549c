// `planroom agenda` and `planroom meeting` over the demo company: the agenda edited item by item
// and from a JSON file, the templates, then the meeting run (start, next, previous, end) with
// the current item and each item's actual minutes; bad input refused with what to type. The run
// takes real seconds here, so times are matched by shape; tests/unit/meetingText.test.ts pins the
// words (left, over, taken) on a made-up state instead of waiting.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, MeetingStateT } from '../../shared/api';
import { planroom } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

type Draft = ApiInput<'agenda.save'>['items'][number];

describe('planroom agenda and meeting', () => {
  const dir = tempDir('planroom-climeet-', 'all');
  const db = join(dir, 'p.db');
  const run = (...args: string[]) => planroom([...args, '--db', db]);
  const ok = (...args: string[]) => {
    const r = run(...args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const titles = (): string[] => (JSON.parse(ok('agenda', 'show', '--json')) as Draft[]).map((d) => d.title);

  beforeAll(async () => {
    const api = await openDemoApi(dir);
    await api.close();
  }, 120_000);

  it('shows the agenda with its time boxes and total', () => {
    const out = ok('agenda');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}# {2}item\s+owner\s+box$/);
    expect(lines[1]).toMatch(/^ {2}1 {2}Last cycle's decisions: done, and what they moved\s+Facilitator\s+10 min$/);
    expect(lines.at(-1)).toBe('7 item(s), 90 min');
  });

  it('renames, re-times, moves, adds and removes items, each a save of the whole agenda', () => {
    expect(ok('agenda', 'set', '2', '--title', 'Demand review', '--minutes', '20', '--owner', 'VP Sales')).toMatch(
      /^ {2}2 {2}Demand review\s+VP Sales\s+20 min$/m,
    );
    ok('agenda', 'set', '2', '--to', 'down');
    expect(titles().slice(1, 3)).toEqual(['Supply: capacity and plan adherence', 'Demand review']);
    const added = ok(
      'agenda',
      'add',
      'Portfolio',
      '--function',
      'executive',
      '--owner',
      'CEO',
      '--minutes',
      '5',
      '--at',
      '2',
    );
    expect(added).toMatch(/^ {2}2 {2}Portfolio\s+CEO\s+5 min$/m);
    expect(added).toMatch(/saved: 8 item\(s\), 100 min\n$/);
    expect(ok('agenda', 'remove', '2')).toMatch(/saved: 7 item\(s\), 95 min\n$/);
    expect(titles()).not.toContain('Portfolio');
  });

  it('refuses a bad time box, item number or function with what to type (exit 2)', () => {
    const minutes = run('agenda', 'set', '1', '--minutes', '300');
    expect(minutes.code).toBe(2);
    expect(minutes.stderr).toMatch(/--minutes "300": type whole minutes from 1 to 240/);
    expect(run('agenda', 'set', '1', '--minutes', '7.5').stderr).toMatch(/type whole minutes from 1 to 240/);
    const item = run('agenda', 'remove', '99');
    expect(item.code).toBe(2);
    expect(item.stderr).toMatch(/the item number must be 1 to 7/);
    const fn = run('agenda', 'add', 'X', '--function', 'sales', '--owner', 'A', '--minutes', '5');
    expect(fn.code).toBe(2);
    expect(fn.stderr).toMatch(/--function "sales": one of review, demand, supply/);
    expect(run('agenda', 'set', '1').stderr).toMatch(/say what to change/);
    expect(run('agenda', 'template', 'weekly').stderr).toMatch(/unknown template "weekly": one of monthly, quarterly/);
  });

  it('saves a whole agenda from a JSON file written by agenda show --json, in the file order', () => {
    const items = JSON.parse(ok('agenda', 'show', '--json')) as Draft[];
    const file = join(dir, 'agenda.json');
    writeFileSync(file, JSON.stringify([items[6], ...items.slice(0, 6).reverse()]));
    ok('agenda', 'set', '--file', file);
    expect(titles()[0]).toBe(items[6]!.title);
    writeFileSync(file, JSON.stringify([{ title: 'Only', function: 'review', ownerRole: 'A', minutes: 0 }]));
    const bad = run('agenda', 'set', '--file', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/minutes.*at least 1 minute/);
  });

  it('applies the quarterly template, then the monthly one', () => {
    expect(ok('agenda', 'template', 'quarterly')).toMatch(/the quarterly template: 8 item\(s\), 160 min\n$/);
    expect(ok('agenda', 'template', 'monthly')).toMatch(/the monthly template: 7 item\(s\), 90 min\n$/);
  });

  it('runs the meeting: start, next, previous and end, printing the current item and the actual minutes', () => {
    expect(ok('meeting')).toMatch(/^meeting not started\n/);
    const start = ok('meeting', 'start', '--by', 'Dana');
    expect(start).toMatch(/^meeting running since \S+Z, under 1 min so far\n/);
    expect(start).toMatch(
      /^now: 1\. Last cycle's decisions: done, and what they moved \(Facilitator\): under 1 min on it, \d+ min left of 10 min$/m,
    );
    expect(start).toMatch(/^> 1 {2}Last cycle's decisions.*10 min {2}on now, under 1 min$/m);
    expect(start).toMatch(/^ {2}2 {2}Demand.*15 min {2}not yet$/m);

    const next = ok('meeting', 'next');
    expect(next).toMatch(/^now: 2\. Demand: forecast accuracy, demand shifts \(Sales\)/m);
    expect(next).toMatch(/^ {2}1 {2}Last cycle's decisions.*10 min {2}(under 1|\d+) min taken$/m);
    expect(ok('meeting', 'previous')).toMatch(/^now: 1\. /m);

    // Mid-run a template would replace the item on now: refused with what to do instead.
    const template = run('agenda', 'template', 'quarterly');
    expect(template.code).toBe(1);
    expect(template.stderr).toMatch(/The meeting is running.*Edit single items instead/s);

    const state = JSON.parse(ok('meeting', 'end', '--json')) as MeetingStateT;
    expect(state.status).toBe('ended');
    expect(state.startedAt).not.toBeNull();
    expect(state.items[0]!.actualMinutes).not.toBeNull();
    expect(state.items[2]!.actualMinutes).toBeNull();
    const ended = ok('meeting', 'state');
    expect(ended).toMatch(/^meeting ended at \S+Z: (under 1|\d+) min in all\n/);
    expect(ended).not.toMatch(/^now:/m);
    expect(ended).toMatch(/^ {2}3 {2}Supply.*15 min {2}not yet$/m);

    const again = run('meeting', 'next');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/The meeting ended at/);
  });

  it('names its commands in the usage', () => {
    const help = ok('meeting', '--help');
    expect(help).toContain('planroom meeting [state] | meeting start [--by NAME] | meeting next [--by NAME]');
    expect(ok('agenda', '--help')).toContain('agenda template monthly|quarterly');
    expect(ok('--help')).toMatch(/^ {2}meeting\s+Run the cycle's meeting/m);
  });
});
