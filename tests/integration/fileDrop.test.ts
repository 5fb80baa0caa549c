// The file drop (issue 17 item 4) on real files: after decisions and a data-issue change a run
// writes the decision log and the data issues as CSV and XLSX into the folder, in rank order,
// with formula-like titles kept as inert text; a run with nothing new writes nothing; a missing
// or unwritable folder fails with what to do and keeps the entries pending; a process killed
// before the rename (named crash point) leaves the previous file whole, and a rerun completes.
import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_ISSUE_COLUMNS, DECISION_COLUMNS } from '../../electron/sync/dropTables';
import { planroom, ROOT } from '../helpers/cli';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { sha256, tempDir } from '../helpers/tmp';

const FILES = [
  'planroom-data-issues.csv',
  'planroom-data-issues.xlsx',
  'planroom-decisions.csv',
  'planroom-decisions.xlsx',
];
const TRICKY = ['=HYPERLINK("http://x")', '+1 call', '@SUM(A1)'];

function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  expect(text).not.toMatch(/(?<!\r)\n/); // CRLF line ends only (no cell here holds a line break)
  const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function readSheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
}

describe('file drop', () => {
  const dir = tempDir('planroom-filedrop-', 'all');
  const drop = join(dir, 'erp-inbox');
  let api: DemoApi;
  let dbPath: string;
  const target = () => api.call('sync.status', {}).then((s) => s.targets.find((t) => t.id === 'erp')!);

  beforeAll(async () => {
    mkdirSync(join(dir, 'laptop'));
    mkdirSync(drop);
    api = await openDemoApi(join(dir, 'laptop'));
    dbPath = api.db.name;
  }, 60_000);
  afterAll(() => api?.close());

  it('refuses a folder that is relative, missing or a file, naming the field and what to do', async () => {
    const relative = await api.fail('sync.setTarget', { kind: 'file', id: 'erp', folder: 'inbox' });
    expect(relative).toMatchObject({ code: 'invalid_input', where: { field: 'folder' } });
    expect(relative.hint).toMatch(/full path/);
    const missing = await api.fail('sync.setTarget', { kind: 'file', id: 'erp', folder: join(dir, 'nope') });
    expect(missing.message).toMatch(/does not exist/);
    expect(missing.hint).toMatch(/Create it/);
    writeFileSync(join(dir, 'a-file'), 'x');
    const file = await api.fail('sync.setTarget', { kind: 'file', id: 'erp', folder: join(dir, 'a-file') });
    expect(file.message).toMatch(/is a file, not a folder/);
    expect((await api.call('sync.status', {})).targets).toEqual([]);
  });

  it('writes the four files with every decision in rank order and the data issues, as inert text', async () => {
    for (const title of TRICKY) await api.call('decision.add', { title, owner: 'COO', by: 'Facilitator' });
    const list = await api.call('decision.list', {});
    const last = list.decisions.at(-1)!;
    await api.call('decision.move', { id: last.id, to: 'top', by: 'Facilitator' });
    const exc = (await api.call('exception.list', { type: 'capacity_shortfall', limit: 1 })).rows[0]!;
    const issue = await api.call('dataIssue.park', {
      key: exc.key,
      ownerRole: 'Ops',
      deadline: '2031-01-10',
      by: 'Ana',
    });
    await api.call('dataIssue.assign', { id: issue.id, assignee: 'Ben', by: 'Ana' });

    await api.call('sync.setTarget', { kind: 'file', id: 'erp', folder: drop, formats: ['csv', 'xlsx'] });
    const before = await target();
    expect(before).toMatchObject({ kind: 'file', where: drop, delivered: 0, failed: 0 });
    expect(before.pending).toBeGreaterThanOrEqual(TRICKY.length + 2);
    const run = (await api.call('sync.run', {})).find((r) => r.target === 'erp')!;
    expect(run).toMatchObject({ pushed: before.pending, failed: 0, error: null });
    expect(readdirSync(drop).sort()).toEqual(FILES);
    expect(await target()).toMatchObject({ pending: 0, delivered: before.pending, lastError: null });

    // The current cycle's listing, in its rank order, as the decision log shows it.
    const ordered = (await api.call('decision.list', {})).decisions;
    const csv = readCsv(join(drop, 'planroom-decisions.csv'));
    expect(csv[0]).toEqual(DECISION_COLUMNS.map((c) => c.label));
    const mine = csv.slice(1).filter((r) => r[0] === list.cycle.name);
    expect(mine.map((r) => r[2])).toEqual(ordered.map((d) => d.uid));
    expect(mine.map((r) => Number(r[1]))).toEqual(ordered.map((_d, i) => i + 1));
    for (const t of TRICKY) expect(mine.map((r) => r[3])).toContain(`'${t}`);
    expect(mine.find((r) => r[3] === `'${TRICKY[0]}`)).toMatchObject({ 4: 'COO', 6: 'proposed', 11: 'Facilitator' });

    const sheet = await readSheet(join(drop, 'planroom-decisions.xlsx'));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(DECISION_COLUMNS.map((c) => c.label));
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push(row));
    expect(rows).toHaveLength(csv.length - 1);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const xlsxMine = rows.filter((r) => r.getCell(1).value === list.cycle.name);
    expect(xlsxMine.map((r) => r.getCell(2).value)).toEqual(ordered.map((_d, i) => i + 1));
    expect(xlsxMine.map((r) => r.getCell(3).value)).toEqual(ordered.map((d) => d.uid));
    for (const t of TRICKY) expect(xlsxMine.map((r) => r.getCell(4).value)).toContain(`'${t}`);
    // No due date: a blank cell, not an empty text.
    expect(xlsxMine.find((r) => r.getCell(4).value === `'${TRICKY[0]}`)!.getCell(6).type).toBe(ExcelJS.ValueType.Null);

    const issues = readCsv(join(drop, 'planroom-data-issues.csv'));
    expect(issues[0]).toEqual(DATA_ISSUE_COLUMNS.map((c) => c.label));
    const parked = issues.find((r) => r[0] === String(issue.id))!;
    expect(parked).toMatchObject({ 1: list.cycle.name, 2: 'exception_parked', 5: 'Ops', 6: 'Ben', 7: '2031-01-10' });
    expect(parked[8]).toBe('open');
    const issueSheet = await readSheet(join(drop, 'planroom-data-issues.xlsx'));
    const ids: unknown[] = [];
    issueSheet.eachRow((row, n) => n > 1 && ids.push(row.getCell(1).value));
    expect(ids).toContain(issue.id);
    expect(ids).toHaveLength(issues.length - 1);
  });

  it('writes nothing when nothing is new, and rewrites the files for a new decision', async () => {
    const stamp = () => FILES.map((f) => [statSync(join(drop, f)).mtimeMs, sha256(join(drop, f))]);
    const was = stamp();
    expect((await api.call('sync.run', {})).find((r) => r.target === 'erp')).toMatchObject({ pushed: 0, error: null });
    expect(stamp()).toEqual(was);

    await api.call('decision.add', { title: 'Expedite lane D2-EAST', owner: 'Logistics', by: 'Facilitator' });
    expect((await api.call('sync.run', {})).find((r) => r.target === 'erp')).toMatchObject({ pushed: 1, error: null });
    expect(readFileSync(join(drop, 'planroom-decisions.csv'), 'utf8')).toContain('Expedite lane D2-EAST');
    expect(readdirSync(drop).sort()).toEqual(FILES);
  });

  it('fails on a missing folder with what to do, keeps the entries pending, and delivers once it is back', async () => {
    renameSync(drop, `${drop}-away`);
    try {
      await api.call('decision.add', { title: 'Hold price on Outdoor', owner: 'CFO', by: 'Planner' });
      const run = (await api.call('sync.run', {})).find((r) => r.target === 'erp')!;
      expect(run.error).toMatch(/drop folder .*erp-inbox does not exist/);
      expect(run.hint).toMatch(/Create the folder/);
      expect(await target()).toMatchObject({ pending: 1, failures: 1, lastErrorHint: run.hint });
    } finally {
      renameSync(`${drop}-away`, drop);
    }
    expect((await api.call('sync.run', {})).find((r) => r.target === 'erp')).toMatchObject({ pushed: 1, error: null });
    expect(await target()).toMatchObject({ pending: 0, failures: 0, lastError: null });
  });

  it('fails on a folder that cannot be written (its parent replaced by a file; chmod when not root)', async () => {
    const parent = join(dir, 'share');
    mkdirSync(join(parent, 'inbox'), { recursive: true });
    await api.call('sync.setTarget', { kind: 'file', id: 'erp', folder: join(parent, 'inbox'), formats: ['csv'] });
    rmSync(parent, { recursive: true });
    writeFileSync(parent, 'not a folder');
    await api.call('decision.add', { title: 'Review safety stock at W1', owner: 'Planner', by: 'Planner' });
    const run = (await api.call('sync.run', {})).find((r) => r.target === 'erp')!;
    expect(run.error).toMatch(/does not exist/);
    expect((await target()).pending).toBe(1);
    rmSync(parent);

    if (process.getuid?.() !== 0) {
      const { chmodSync } = await import('node:fs');
      mkdirSync(parent);
      chmodSync(parent, 0o555);
      await api.call('sync.setTarget', { kind: 'file', id: 'erp', folder: parent, formats: ['csv'] });
      const denied = (await api.call('sync.run', {})).find((r) => r.target === 'erp')!;
      expect(denied.hint).toMatch(/write permission/);
      chmodSync(parent, 0o755);
    }
    await api.call('sync.setTarget', { kind: 'file', id: 'erp', folder: drop, formats: ['csv', 'xlsx'] });
    expect((await api.call('sync.run', {})).find((r) => r.target === 'erp')).toMatchObject({ pushed: 1, error: null });
  });

  it('leaves the previous file whole when killed before the rename, and a rerun completes', async () => {
    const decisions = join(drop, 'planroom-decisions.csv');
    const was = sha256(decisions);
    const add = planroom(['decisions', 'add', 'Night shift on line 2', '--owner', 'COO', '--db', dbPath]);
    expect(add.code, add.stderr).toBe(0);

    const killed = planroom(['sync', '--once', '--db', dbPath], { PLANROOM_TEST_CRASH_AT: 'file-drop:before-rename' });
    expect(killed.code).toBeNull(); // SIGKILL
    expect(sha256(decisions)).toBe(was);
    const temps = readdirSync(drop).filter((n) => n.startsWith('.'));
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^\.planroom-decisions\.csv\.\d+-[0-9a-f]{8}\.tmp$/);
    expect((await target()).pending).toBe(1);

    const rerun = planroom(['sync', '--once', '--db', dbPath]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/^erp: 1 pushed/m);
    expect(readdirSync(drop).sort()).toEqual(FILES);
    expect(readFileSync(decisions, 'utf8')).toContain('Night shift on line 2');
    const status = planroom(['sync', 'status', '--db', dbPath]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^erp ${drop}: 0 pending, \\d+ delivered, 0 failed$`, 'm'));
  }, 60_000);

  it('sets a file drop from the command line, refusing bad flags by name (exit 2)', () => {
    const bad = (args: string[]) => planroom(['sync', 'folder', ...args, '--db', dbPath]);
    const noId = bad(['--folder', drop]);
    expect([noId.code, noId.stderr]).toEqual([2, expect.stringMatching(/--id NAME is required/)]);
    const badId = bad(['--id', 'Bad_Id', '--folder', drop]);
    expect([badId.code, badId.stderr]).toEqual([2, expect.stringMatching(/--id "Bad_Id": lower-case letters/)]);
    const badFormats = bad(['--id', 'wms', '--folder', drop, '--formats', 'csv,pdf']);
    expect([badFormats.code, badFormats.stderr]).toEqual([2, expect.stringMatching(/--formats takes csv, xlsx/)]);
    const missing = bad(['--id', 'wms', '--folder', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--folder ".*nope": The folder .* does not exist/);
    expect(missing.stderr).toMatch(/Create it first/);

    const set = bad(['--id', 'wms', '--folder', drop, '--formats', 'xlsx']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(new RegExp(`^wms ${drop}: \\d+ pending, 0 delivered, 0 failed$`, 'm'));
    // A relative path is read from where the command runs (the tests run it in the repository).
    const relativeSet = bad(['--id', 'wms', '--folder', relative(ROOT, drop)]);
    expect(relativeSet.code, relativeSet.stderr).toBe(0);
    expect(relativeSet.stdout).toContain(`wms ${drop}: `);
    // Pause and resume name the target (the hub when none is named); an unknown one is refused.
    const paused = planroom(['sync', 'pause', 'wms', '--db', dbPath]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout).toContain(`wms ${drop} (paused): `);
    const resumed = planroom(['sync', 'resume', 'wms', '--db', dbPath]);
    expect(resumed.stdout).toContain(`wms ${drop}: `);
    expect(planroom(['sync', 'pause', 'nosuch', '--db', dbPath]).stderr).toMatch(/No sync target "nosuch"/);
    const removed = bad(['--id', 'wms', '--remove']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^wms removed/);
    expect(removed.stdout).not.toMatch(/^wms \//m);
  });
});
