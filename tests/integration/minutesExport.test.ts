// The minutes, the scenario workbook and the decision calendar exported from the demo company,
// through the contract as the app and the CLI call them: the Markdown's sections and tables, the
// workbook's sheets with formula-like titles kept inert, the PDF's pages (rendered by pdftoppm)
// with the cycle's name and page numbers, and the .ics's to-dos with stable UIDs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/engineHost';
import { findChromium } from '../../electron/openBrowser';
import { createHandlers } from '../../electron/services/handlers';
import type { ApiOutput } from '../../shared/api';
import { dispatch } from '../../shared/dispatch';
import { ROOT } from '../helpers/cli';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

/** The PDF's pages as PNGs, to be looked at. */
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const has = (tool: string): boolean => spawnSync('which', [tool]).status === 0;
const FORMULA_LIKE = ['=HYPERLINK("x")', '+1 call', '@SUM(A1)'];

describe('minutes, scenario workbook and calendar exports', () => {
  const dir = tempDir('planroom-minutes-', 'all');
  let api: DemoApi;
  let call: DemoApi['call'];
  let cycleName: string;
  let scenarioIds: number[];

  beforeAll(async () => {
    api = await openDemoApi(dir);
    ({ call } = api);
    // Before any decision: an .ics would be an empty calendar, which RFC 5545 does not allow.
    const empty = await api.fail('decision.ics', {});
    expect(empty.code).toBe('not_found');
    expect(empty.message).toMatch(/no open decision/);
    cycleName = (await call('cycle.overview', {}))!.cycle.name;
    const tight = (await call('exception.list', { type: 'capacity_shortfall', limit: 1 })).rows[0]!.resource!;
    const overtime = await call('scenario.create', {
      name: 'Overtime | P1',
      owner: 'COO',
      assumptions: 'Works council agrees',
      levers: [{ kind: 'capacity', resource: tight, how: 'overtime', hoursPerPeriod: 200, costPerHour: 45 }],
      by: 'tester',
    });
    const promo = await call('scenario.create', {
      name: 'Promo',
      owner: 'Sales',
      levers: [{ kind: 'demand_lift', percent: 10 }],
      by: 'tester',
    });
    scenarioIds = [overtime.id, promo.id];
    await call('attendee.save', { name: 'Dana Ortiz', role: 'COO', email: 'dana@example.com', present: true, by: 't' });
    await call('attendee.save', { name: 'Sam Lee', role: 'Sales', present: false, by: 't' });
    await call('scenario.choose', { id: overtime.id, owner: 'Dana Ortiz', due: '+2w', by: 'Facilitator' });
    for (const title of FORMULA_LIKE)
      await call('decision.add', { title, owner: 'Sales', due: 'fri', by: 'Facilitator' });
    const done = await call('decision.add', { title: 'Close the old lane', owner: 'Logistics', by: 'Facilitator' });
    await call('decision.set', { id: done.id, status: 'done', by: 'Facilitator' });
    // The meeting timed its first item (the agenda's timer writes actual_minutes).
    const cycleId = (await call('cycle.overview', {}))!.cycle.id;
    api.db.prepare('UPDATE agenda_items SET actual_minutes = 12 WHERE cycle_id = ? AND position = 1').run(cycleId);
    const top = (await call('exception.list', { limit: 1 })).rows[0]!;
    await call('exception.review', { key: top.key, status: 'actioned', note: 'Night shift | agreed', by: 'COO' });
  });
  afterAll(() => api?.close());

  it('writes Markdown with every section and intact tables', async () => {
    const f = await call('minutes.export', { format: 'md' });
    expect(f.encoding).toBe('utf8');
    expect(f.mime).toMatch(/markdown/);
    expect(f.fileName).toMatch(/^minutes-[a-z0-9-]+\.md$/);
    const md = f.content;
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'minutes.md'), md);
    for (const h of [
      'Meeting',
      'Attendance',
      'Agenda',
      'KPIs',
      'Exceptions reviewed',
      'Data issues',
      'Scenarios',
      'Decisions',
    ]) {
      expect(md).toContain(`\n## ${h}\n`);
    }
    expect(md).toContain('Night shift \\| agreed');
    expect(md).toContain('Overtime \\| P1');
    expect(md).toContain(
      "| 1 | Last cycle's decisions: done, and what they moved | review | Facilitator | 10 min | 12 min |",
    );
    expect(md).toMatch(/\| 15 min \| not recorded \|/);
    // Every row of a table has as many cells as its header (no | in user text splits one).
    const lines = md.split('\n');
    let cells = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        cells = 0;
        continue;
      }
      const n = line.replace(/\\\|/g, '').split('|').length;
      if (cells === 0) cells = n;
      expect(n, line).toBe(cells);
    }
    const decisions = md.slice(md.indexOf('\n## Decisions\n'));
    expect(decisions).toContain('Adopt scenario');
    expect(decisions).toContain('Dana Ortiz');
    expect(decisions).toContain('| =HYPERLINK("x") |');
  });

  it('writes a workbook with one sheet per part, formula-like titles inert and no formula anywhere', async () => {
    const f = await call('minutes.export', { format: 'xlsx' });
    expect(f.encoding).toBe('base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.content, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Meeting',
      'Attendance',
      'Agenda',
      'KPIs',
      'Exceptions reviewed',
      'Data issues',
      'Scenarios',
      'Decisions',
    ]);
    const texts: string[] = [];
    let formulas = 0;
    let numbers = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof cell.value === 'number') numbers++;
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(numbers).toBeGreaterThan(10);
    for (const t of FORMULA_LIKE) expect(texts).toContain(`'${t}`);
    expect(texts.some((t) => /^[=+\-@\t\r]/.test(t))).toBe(false);
  });

  it('writes the scenario workbook: the side-by-side sheet and one sheet per scenario', async () => {
    const f = await call('scenario.workbook', { ids: scenarioIds });
    expect(f.fileName).toMatch(/^scenarios-.+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.content, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Side by side', 'Overtime | P1', 'Promo']);
    const side = wb.getWorksheet('Side by side')!;
    expect(side.getRow(2).values).toEqual(expect.arrayContaining(['Figure', 'Baseline', 'Overtime | P1', 'Promo']));
    const overtime = wb.getWorksheet('Overtime | P1')!;
    const text = JSON.stringify(overtime.getSheetValues());
    expect(text).toContain('Overtime +200 h/period');
    expect(text).toContain('Works council agrees');
  });

  it.skipIf(!findChromium() || !has('pdftoppm'))(
    'prints the PDF: pages render, with the cycle name and page numbers',
    async () => {
      const f = await call('minutes.export', { format: 'pdf' });
      expect(f.mime).toBe('application/pdf');
      const pdf = join(dir, f.fileName);
      writeFileSync(pdf, Buffer.from(f.content, 'base64'));
      mkdirSync(SHOTS, { recursive: true });
      for (const old of readdirSync(SHOTS).filter((n) => n.startsWith('minutes-pdf-'))) rmSync(join(SHOTS, old));
      const r = spawnSync('pdftoppm', ['-png', '-r', '70', pdf, join(SHOTS, 'minutes-pdf')], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const pages = readdirSync(SHOTS).filter((n) => /^minutes-pdf-\d+\.png$/.test(n));
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(existsSync(join(SHOTS, pages.sort()[0]!))).toBe(true);
      if (has('pdftotext')) {
        const t = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
        expect(t).toContain(cycleName);
        expect(t).toContain(`Page 1 of ${pages.length}`);
        expect(t).toContain('=HYPERLINK("x")');
      }
    },
  );

  it('prints through the printer the service context was given (Electron passes its own)', async () => {
    const printed: { html: string; title: string }[] = [];
    const engine = new EngineHost(join(dir, 'p.db'));
    const handlers = createHandlers({
      db: api.db,
      dbPath: join(dir, 'p.db'),
      version: 'test',
      engine,
      printPdf: async (html, title) => {
        printed.push({ html, title });
        return Buffer.from('%PDF-printed');
      },
    });
    try {
      const r = await dispatch(handlers, 'minutes.export', { format: 'pdf' });
      const file = r.ok ? (r.data as ApiOutput<'minutes.export'>) : undefined;
      expect(file && Buffer.from(file.content, 'base64').toString()).toBe('%PDF-printed');
      expect(printed.map((p) => p.title)).toEqual([cycleName]);
      // User text is escaped in the page: a title cannot add markup.
      expect(printed[0]!.html).toContain('=HYPERLINK(&#34;x&#34;)');
      expect(printed[0]!.html).not.toMatch(/<script/i);
    } finally {
      await engine.close();
    }
  });

  it('writes an .ics with one VTODO per open decision, stable UIDs, folded CRLF lines', async () => {
    const f = await call('decision.ics', {});
    expect(f.fileName).toMatch(/^decisions-.+\.ics$/);
    const raw = f.content;
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = raw.split('\r\n').slice(0, -1);
    for (const l of physical) expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75);
    const lines = raw.replace(/\r\n[ \t]/g, '').split('\r\n');
    const open = (await call('decision.list', { status: ['proposed', 'agreed', 'in_progress'] })).decisions;
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(lines.filter((l) => l === 'BEGIN:VTODO').length).toBe(open.length);
    expect(uids).toEqual(open.map((d) => `UID:${d.uid}@planroom`));
    expect(lines).toContain('SUMMARY:=HYPERLINK("x")');
    expect(lines.some((l) => /^DUE;VALUE=DATE:\d{8}$/.test(l))).toBe(true);
    expect(lines).toContain('ATTENDEE;CN="Dana Ortiz";ROLE=REQ-PARTICIPANT:mailto:dana@example.com');
    const chosen = open.find((d) => d.scenario)!;
    const desc = lines.find((l) => l.startsWith('DESCRIPTION:') && l.includes('Scenario: Overtime'))!;
    expect(desc).toContain(`KPI: ${chosen.kpi!.name}`);
    expect(desc).toContain('\\n');
    // A second export after a change: same UIDs, the changed one with a higher SEQUENCE.
    await call('decision.set', { id: chosen.id, status: 'in_progress', by: 'Dana Ortiz' });
    const again = (await call('decision.ics', {})).content.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(again.filter((l) => l.startsWith('UID:'))).toEqual(uids);
    const seq = (ls: string[]) => {
      const at = ls.indexOf(`UID:${chosen.uid}@planroom`);
      return Number(
        ls
          .slice(at)
          .find((l) => l.startsWith('SEQUENCE:'))!
          .slice(9),
      );
    };
    expect(seq(again)).toBe(seq(lines) + 1);
    expect(again).toContain('STATUS:IN-PROCESS');
  });
});
