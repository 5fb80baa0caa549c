import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planroom, ROOT } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/tmp';

const DEMO = join(ROOT, 'assets', 'demo');

describe('planroom CLI', () => {
  it('lists its verbs, and each verb has --help', () => {
    const help = planroom(['--help']);
    expect(help.code).toBe(0);
    for (const verb of [
      'demo',
      'import',
      'profile',
      'snapshots',
      'source',
      'cycle',
      'data-issues',
      'exceptions',
      'kpis',
      'scenario',
      'db',
      'serve',
      'start',
      'version',
    ]) {
      expect(help.stdout).toContain(verb);
      const r = planroom([verb, '--help']);
      expect(r.code, verb).toBe(0);
      expect(r.stdout).toContain(`usage: planroom ${verb}`);
    }
    expect(planroom([]).code).toBe(2);
  });

  it('answers an unknown verb or flag with one line and exit 2', () => {
    const verb = planroom(['frobnicate']);
    expect(verb.code).toBe(2);
    expect(verb.stderr.trim().split('\n')).toHaveLength(1);
    expect(verb.stderr).toMatch(/unknown command "frobnicate".*--help/);
    const flag = planroom(['import', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
    expect(flag.stderr).toMatch(/--bogus/);
    expect(planroom(['demo', '--size', 'Q', '--out', 'x']).code).toBe(2);
    expect(planroom(['import', '--source', 'SAP', 'x']).code).toBe(2);
  });

  it('imports, creates a cycle and shows it, as text and --json', () => {
    const db = join(tempDir(), 'p.db');
    for (const s of ['ERP', 'TMS', 'WMS', 'CRM']) {
      const r = planroom(['import', '--source', s, join(DEMO, s.toLowerCase()), '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${s}: snapshot \\d+, \\d+ rows`, 'm'));
    }
    expect(planroom(['import', '--source', 'WMS', join(DEMO, 'wms'), '--db', db]).stdout).toMatch(
      /identical to snapshot/,
    );
    const create = ['cycle', 'create', '--name', '2026-12 S&OP', '--meeting', '2026-12-01T09:00:00Z', '--db', db];
    const created = planroom(create);
    expect(created.code, created.stderr).toBe(0);
    const dup = planroom(create);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists.*Choose another name/);
    const text = planroom(['cycle', '--db', db]);
    expect(text.stdout).toMatch(/CRM .* STALE \(limit 24 h\)/);
    const json = JSON.parse(planroom(['cycle', 'show', '--json', '--db', db]).stdout) as {
      sources: unknown[];
      agenda: unknown[];
    };
    expect(json.sources).toHaveLength(4);
    expect(json.agenda).toHaveLength(7);

    const issues = planroom(['data-issues', '--owner', 'Sales', '--db', db]);
    expect(issues.code, issues.stderr).toBe(0);
    expect(issues.stdout).toMatch(/open +CRM +Sales [^\n]*CRM export is 87 h old/);
    const id = /^\s*(\d+) /.exec(issues.stdout)![1]!;
    expect(planroom(['data-issues', 'assign', '--id', id, '--to', 'Dana', '--db', db]).stdout).toMatch(
      /assigned to Dana/,
    );
    const closed = planroom(['data-issues', 'close', '--id', id, '--reason', 'fixed', '--db', db, '--json']);
    expect(JSON.parse(closed.stdout)).toMatchObject({ status: 'closed', assignee: 'Dana' });
    const again = planroom(['data-issues', 'close', '--id', id, '--reason', 'fixed', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already closed/);
    expect(planroom(['data-issues', 'reconcile', '--db', db]).stdout).toMatch(
      /^13 open: 0 new, 13 still there, 0 closed/,
    );
  });

  it('reports bad data with file, row and column, exit 1, and keeps the database as it was', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    expect(planroom(['import', '--source', 'TMS', join(DEMO, 'tms'), '--db', db]).code).toBe(0);
    cpSync(join(DEMO, 'crm'), join(dir, 'crm'), { recursive: true });
    const f = join(dir, 'crm', 'pipeline.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/\n(OPP-[^,]+,[^,]+,[^,]+,)(\d+)/, '\n$1lots'));
    const r = planroom(['import', '--source', 'CRM', join(dir, 'crm'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expected a number.*file pipeline\.csv, row 2, column Quantity, value "lots"/);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT source_id FROM snapshots').all()).toEqual([{ source_id: 'TMS' }]);
    raw.close();
  });

  it('refuses a missing folder, a folder as --db, or an uncreatable path with exit 3 and creates nothing', () => {
    const dir = tempDir();
    const missing = planroom(['import', '--source', 'ERP', join(DEMO, 'erp'), '--db', join(dir, 'nope', 'p.db')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/folder .*nope does not exist.*--db/);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    mkdirSync(join(dir, 'folder.db'));
    expect(planroom(['cycle', '--db', join(dir, 'folder.db')]).code).toBe(3);
    const proc = planroom(['import', '--source', 'ERP', join(DEMO, 'erp'), '--db', '/proc/planroom.db']);
    expect(proc.code).toBe(3);
    expect(proc.stderr.trim().split('\n')).toHaveLength(1);
    for (const args of [['cycle'], ['cycle', 'list'], ['data-issues'], ['cycle', 'pins']]) {
      const r = planroom([...args, '--db', join(dir, 'absent.db')]);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(/No database at .*absent\.db/);
    }
    expect(readdirSync(dir)).toEqual(['folder.db']);
  });

  it('several processes importing the same export into one new database: one snapshot, no damage', async () => {
    const db = join(tempDir(), 'shared.db');
    const runs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<{ code: number | null; out: string }>((resolve) => {
            const child = spawn(process.execPath, [
              join(ROOT, 'bin', 'planroom.cjs'),
              'import',
              '--source',
              'WMS',
              join(DEMO, 'wms'),
              '--db',
              db,
            ]);
            let out = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.stderr.on('data', (d: Buffer) => (out += d.toString()));
            child.on('exit', (code) => resolve({ code, out }));
          }),
      ),
    );
    for (const r of runs) expect(r.code, r.out).toBe(0);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT count(*) n FROM snapshots').get()).toEqual({ n: 1 });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('refuses a database from a newer Planroom, changing nothing on disk', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    expect(planroom(['import', '--source', 'WMS', join(DEMO, 'wms'), '--db', db]).code).toBe(0);
    const raw = new Database(db);
    raw.prepare("INSERT INTO schema_migrations VALUES (42, 'future', 'x', 'x')").run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(db);
    const files = readdirSync(dir);
    const r = planroom(['import', '--source', 'ERP', join(DEMO, 'erp'), '--db', db]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/newer Planroom \(schema 42.*Update Planroom/);
    expect(sha256(db)).toBe(before);
    expect(readdirSync(dir)).toEqual(files);
  });

  it('shows, changes and resets a mapping profile as JSON, refusing a bad one with its field', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    expect(planroom(['import', '--source', 'TMS', join(DEMO, 'tms'), '--db', db]).code).toBe(0);
    const shown = planroom(['profile', 'show', 'wms', '--db', db]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toMatch(/the default that ships/);
    const profile = JSON.parse(shown.stdout) as { format: { decimal: string; thousands: string } };
    profile.format.decimal = ',';
    profile.format.thousands = '.';
    writeFileSync(join(dir, 'wms.json'), JSON.stringify(profile));
    const set = planroom(['profile', 'set', 'WMS', join(dir, 'wms.json'), '--as', 'Dana', '--db', db]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/saved by Dana/);
    expect(JSON.parse(planroom(['profile', 'show', 'WMS', '--db', db]).stdout)).toMatchObject({
      format: { decimal: ',' },
    });

    profile.format.thousands = ',';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(profile));
    const bad = planroom(['profile', 'set', 'WMS', join(dir, 'bad.json'), '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/decimal and thousands separators must differ.*field format/);
    writeFileSync(join(dir, 'broken.json'), '{"source": "WMS",');
    expect(planroom(['profile', 'set', 'WMS', join(dir, 'broken.json'), '--db', db]).stderr).toMatch(
      /broken\.json is not valid JSON/,
    );

    const reset = planroom(['profile', 'reset', 'WMS', '--db', db]);
    expect(reset.code).toBe(0);
    expect(reset.stderr).toMatch(/the default that ships/);
  });

  it('lists every bad row of a refused import, or sets them aside with --skip-bad-rows', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    const wms = join(dir, 'wms');
    cpSync(join(DEMO, 'wms'), wms, { recursive: true });
    const stock = join(wms, 'stock.csv');
    writeFileSync(stock, readFileSync(stock, 'utf8').replace(/\n(SKU-0000[12]),P1,(\d+),/g, '\n$1,P1,-$2,'));
    const refused = planroom(['import', '--source', 'WMS', wms, '--db', db]);
    expect(refused.code).toBe(1);
    const lines = refused.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('WMS ')); // progress lines
    expect(lines[0]).toMatch(/expected a number >= 0 — and 1 more bad row\. \(file stock\.csv, row 2, column on_hand/);
    expect(lines[1]).toMatch(/^ {2}file stock\.csv, row \d+, column on_hand, value "-\d+": Invalid value/);

    const skipped = planroom(['import', '--source', 'WMS', wms, '--skip-bad-rows', '--db', db]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/stock\.csv -> stock: 481 rows \(2 rejected\)/);
    const id = /snapshots rejected --id (\d+)/.exec(skipped.stdout)![1]!;
    const rejected = planroom(['snapshots', 'rejected', '--id', id, '--db', db]);
    expect(rejected.stdout).toMatch(
      /^stock\.csv row 2, column on_hand "-\d+": Invalid value: expected a number >= 0\./,
    );
    expect(rejected.stdout).toMatch(/2 of 2 rejected row\(s\)/);
    expect(planroom(['snapshots', '--db', db]).stdout).toMatch(/WMS .* 910 rows, 2 rejected/);
  });

  it('lists, rolls up and reviews exceptions, and shows and sets KPIs', () => {
    const db = join(tempDir(), 'p.db');
    for (const s of ['ERP', 'TMS', 'WMS', 'CRM']) {
      expect(planroom(['import', '--source', s, join(DEMO, s.toLowerCase()), '--db', db]).code).toBe(0);
    }
    const meeting = ['--meeting', '2026-12-01T09:00:00Z', '--start', '2026-W49', '--horizon', '26'];
    expect(planroom(['cycle', 'create', '--name', 'Dec', ...meeting, '--db', db]).code).toBe(0);
    const list = planroom(['exceptions', '--type', 'otif_risk', '--limit', '5', '--db', db]);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(7); // header, 5 rows, summary
    // Money in the cycle's currency (EUR), as the app shows it.
    expect(lines[6]).toMatch(/^5 of \d+ exception\(s\), €[\d,]+ at risk in all/);
    expect(lines[1]).toMatch(/^ +€[\d,.]+ {2}otif_risk /);
    const page = JSON.parse(planroom(['exceptions', '--json', '--limit', '1000', '--db', db]).stdout) as {
      total: number;
      rows: { key: string; type: string }[];
    };
    expect(new Set(page.rows.map((r) => r.type)).size).toBe(6);
    const rollup = planroom(['exceptions', 'rollup', '--by', 'lane', '--db', db]);
    expect(rollup.stdout).toMatch(/^D2-EAST-R\s+\d+\s+€[\d,.]+ /m);
    const key = page.rows[0]!.key;
    const review = planroom([
      'exceptions',
      'review',
      key,
      '--status',
      'reviewed',
      '--note',
      'seen',
      '--as',
      'Ana',
      '--db',
      db,
    ]);
    expect(review.stdout.trim()).toBe(`${key}: reviewed`);
    const shown = planroom(['exceptions', 'show', key, '--db', db]).stdout;
    expect(shown).toMatch(/review: reviewed - seen \(Ana\)/);
    expect(shown).toMatch(/ value at risk €[\d,.]+\n/);
    expect(planroom(['exceptions', 'review', 'nope', '--status', 'reviewed', '--db', db])).toMatchObject({ code: 1 });

    const park = (k: string, when: string) =>
      planroom([
        'data-issues',
        'park',
        '--key',
        k,
        '--owner',
        'Planner',
        '--deadline',
        when,
        '--as',
        'Ana',
        '--db',
        db,
      ]);
    const parked = park(page.rows[1]!.key, '2099-01-15');
    expect(parked.stdout.trim()).toMatch(/^exception parked as data issue \d+: Planner, deadline 2099-01-15$/);
    expect(park(page.rows[1]!.key, 'fri')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already parked as data issue #\d+/),
    });
    const unread = park(page.rows[2]!.key, 'someday');
    expect(unread.code).not.toBe(0);
    expect(unread.stderr).toMatch(/"someday" is not a deadline[\s\S]*\+3d/);
    expect(planroom(['exceptions', 'show', page.rows[1]!.key, '--db', db]).stdout).toMatch(
      /review: actioned - Parked as data issue #\d+/,
    );

    const kpis = planroom(['kpis', '--db', db]);
    expect(kpis.stdout).toMatch(/^service_level\s+all\s+OTIF \d+\.\d%.*BREACH OTIF below 95% -> COO/m);
    const bad = planroom(['kpis', 'set', 'service_level', '--trigger', 'otif is low', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/metric<value/);
    const wrong = planroom(['kpis', 'set', 'service_level', '--trigger', 'turns<3', '--db', db]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/triggers\.0\.metric.*otif, fill_rate, projected_otif/);
    const set = planroom(['kpis', 'set', 'service_level', '--trigger', 'otif<0.5', '--owner', 'CEO', '--db', db]);
    expect(set.stdout.trim()).toBe('service_level saved: CEO; OTIF below 50% (otif<0.5)');
    expect(planroom(['kpis', '--db', db]).stdout).not.toMatch(/BREACH OTIF/);
    // Four imports and a score of commands: well over a minute on a busy 2-core machine.
  }, 180_000);

  it('creates, sets, compares and chooses scenarios, refusing a bad lever with its field', () => {
    const db = join(tempDir(), 'p.db');
    for (const s of ['ERP', 'TMS', 'WMS', 'CRM']) {
      expect(planroom(['import', '--source', s, join(DEMO, s.toLowerCase()), '--db', db]).code).toBe(0);
    }
    const meeting = ['--meeting', '2026-12-01T09:00:00Z', '--start', '2026-W49', '--horizon', '26'];
    expect(planroom(['cycle', 'create', '--name', 'Dec', ...meeting, '--db', db]).code).toBe(0);
    const cap = JSON.parse(
      planroom(['exceptions', '--type', 'capacity_shortfall', '--json', '--limit', '1', '--db', db]).stdout,
    ) as { rows: { resource: string }[] };
    const resource = cap.rows[0]!.resource;
    const lever = `capacity resource=${resource} how=overtime hours=120 cost=45`;
    const create = planroom(['scenario', 'create', 'Overtime', '--owner', 'COO', '--lever', lever, '--db', db]);
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toMatch(/1\. Overtime \+120 h\/period on WC-P1-\d+ at 45\/h, whole horizon/);
    const promo = ['scenario', 'create', 'Promo', '--owner', 'Sales', '--lever', 'demand_lift percent=15', '--db', db];
    expect(planroom(promo).code).toBe(0);
    const set = planroom([
      'scenario',
      'set',
      'Promo',
      '--add-lever',
      'safety_stock policy=scale value=20 abc=A',
      '--db',
      db,
    ]);
    expect(set.stdout).toMatch(/2\. Safety stock \+20% for class A/);
    const bad = planroom(['scenario', 'set', 'Promo', '--lever', 'demand_lift percent=5 family=Nope', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no family "Nope".*field levers\.0\.family/);
    expect(planroom(['scenario', 'set', 'Promo', '--lever', 'discount percent=5', '--db', db]).code).toBe(2);
    const cmp = planroom(['scenario', 'compare', 'Overtime', 'Promo', '--db', db]);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(cmp.stdout).toMatch(/^Overload hours\s+[\d,]+ h\s+[\d,]+ h \(−[\d,]+ h\)/m);
    expect(cmp.stdout).toMatch(/^Revenue\s+€[\d,]+\s+€[\d,]+ \((?:[−+]€[\d,]+|±0)\)\s+€[\d,]+ \(\+€[\d,]+\)/m);
    expect(cmp.stdout).toMatch(new RegExp(`resolves capacity_shortfall ${resource}.* \\(€[\\d,.]+\\)`));
    const choose = planroom(['scenario', 'choose', 'Overtime', '--as', 'CEO', '--kpi', 'service_level', '--db', db]);
    expect(choose.code, choose.stderr).toBe(0);
    expect(choose.stdout).toMatch(/decision #1 "Adopt scenario "Overtime"" recorded/);
    expect(planroom(['scenario', '--db', db]).stdout).toMatch(/Overtime .* CHOSEN/);
    expect(planroom(['scenario', 'delete', 'Overtime', '--db', db]).code).toBe(1);
  });
});
