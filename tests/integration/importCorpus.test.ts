// Real export files in the shapes source systems write them: other delimiters, Windows-1252,
// decimal commas, day-first dates, Excel day numbers, named sheets, dated file names; and the
// malformed ones (truncated, wrong encoding, huge cell, header only...), each with its exact
// error and the database unchanged. "Skip bad rows" keeps the rejected rows for review.
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { getProfile, saveProfile } from '../../electron/db/repos/profiles';
import { listRejectedRows } from '../../electron/db/repos/snapshots';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { importSource, type ImportOptions } from '../../electron/snapshots/importSource';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import type { SourceProfile } from '../../shared/domain/profile';
import { tempDir } from '../helpers/tmp';

const WMS = DEFAULT_PROFILES.WMS;
const demoStock = () => readFileSync(join(demoDir(), 'wms', 'stock.csv'), 'utf8');
const demoPicks = () => readFileSync(join(demoDir(), 'wms', 'pick_status.csv'), 'utf8');
const STOCK_ROWS = 483;

describe('export files as source systems write them', () => {
  const dir = tempDir();
  let db: WriteDb;
  let wms: string;

  beforeEach(() => {
    rmSync(join(dir, 'wms'), { recursive: true, force: true });
    wms = join(dir, 'wms');
    mkdirSync(wms, { recursive: true });
    writeFileSync(join(wms, 'pick_status.csv'), demoPicks());
    db?.close();
    rmSync(join(dir, 'p.db'), { force: true });
    db = openDatabase(join(dir, 'p.db'));
  });

  const withFormat = (format: Partial<SourceProfile['format']>, csv: Partial<SourceProfile['csv']> = {}) =>
    ({ ...WMS, format: { ...WMS.format, ...format }, csv: { ...WMS.csv, ...csv } }) satisfies SourceProfile;
  const stockOf = (snapshotId: number, sku: string, location: string) =>
    db
      .prepare(
        'SELECT on_hand, allocated, blocked, as_of FROM stock WHERE snapshot_id = ? AND sku = ? AND location = ?',
      )
      .get(snapshotId, sku, location);

  it('semicolons, decimal commas, thousands dots, day-first dates and Windows-1252', async () => {
    const text = demoStock()
      .replace(/(\d)\.(\d)/g, '$1,$2')
      .replace(/,/g, ';')
      .replace('SKU-00001;P1;91;8;0;2026-11-30', 'SKU-00001;P1;1.234,5;8;0;2026-11-30')
      .replace(/2026-11-30/g, '30.11.2026')
      .replace('blocked;as_of', 'blocked;as_of;Bemerkung')
      // Every row carries the extra column, mostly empty, as exports write it.
      .replace(/(30\.11\.2026)\n/g, '$1;\n')
      .replace(/(SKU-00001;P2;[^\n]*);/, '$1;Prüfung läuft');
    writeFileSync(join(wms, 'stock.csv'), Buffer.from(text, 'latin1'));
    const r = await importSource(db, 'WMS', wms, {
      profile: withFormat({ decimal: ',', thousands: '.', dateFormats: ['dd.MM.yyyy'] }),
    });
    expect(r.rowCounts.stock).toBe(STOCK_ROWS);
    expect(stockOf(r.snapshotId, 'SKU-00001', 'P1')).toEqual({
      on_hand: 1234.5,
      allocated: 8,
      blocked: 0,
      as_of: '2026-11-30',
    });
    expect(r.files.find((f) => f.table === 'stock')?.ignoredColumns).toEqual(['Bemerkung']);
  });

  it('tabs, quoted fields with embedded delimiters and newlines, CRLF line ends', async () => {
    const lines = demoStock().trimEnd().split('\n');
    const tsv = lines.map((l) => l.split(',').join('\t'));
    tsv[1] = tsv[1]!.replace('SKU-00001', '"SKU-00001"');
    writeFileSync(join(wms, 'stock.csv'), tsv.join('\r\n') + '\r\n');
    writeFileSync(
      join(wms, 'pick_status.csv'),
      demoPicks().replace(/\n(SO\w+),(\d+),blocked,(\w*)/, '\n$1,$2,blocked,"$3"'),
    );
    const r = await importSource(db, 'WMS', wms);
    expect(r.rowCounts).toEqual({ stock: STOCK_ROWS, pick_status: 429 });
    expect(stockOf(r.snapshotId, 'SKU-00001', 'P1')).toMatchObject({ on_hand: 91 });
  });

  it('thousands separators with a decimal point, and spaces (also no-break) as thousands separators', async () => {
    writeFileSync(join(wms, 'stock.csv'), demoStock().replace('SKU-00001,P1,91,', 'SKU-00001,P1,"12,345.25",'));
    const r = await importSource(db, 'WMS', wms, { profile: withFormat({ thousands: ',' }) });
    expect(stockOf(r.snapshotId, 'SKU-00001', 'P1')).toMatchObject({ on_hand: 12345.25 });

    writeFileSync(
      join(wms, 'stock.csv'),
      demoStock().replace(/,/g, ';').replace('SKU-00001;P1;91;', 'SKU-00001;P1;12\u00a0345,25;'),
    );
    const r2 = await importSource(db, 'WMS', wms, { profile: withFormat({ decimal: ',', thousands: ' ' }) });
    expect(stockOf(r2.snapshotId, 'SKU-00001', 'P1')).toMatchObject({ on_hand: 12345.25 });
  });

  it('picks the newest file matching the pattern, or all of them', async () => {
    writeFileSync(join(wms, 'stock_2026-11-29.csv'), demoStock().replace('SKU-00001,P1,91,', 'SKU-00001,P1,1,'));
    writeFileSync(join(wms, 'stock_2026-11-30.csv'), demoStock());
    utimesSync(join(wms, 'stock_2026-11-29.csv'), new Date('2026-11-29'), new Date('2026-11-29'));
    utimesSync(join(wms, 'stock_2026-11-30.csv'), new Date('2026-11-30'), new Date('2026-11-30'));
    const r = await importSource(db, 'WMS', wms);
    expect(r.files.map((f) => f.file)).toEqual(['stock_2026-11-30.csv', 'pick_status.csv']);
    expect(stockOf(r.snapshotId, 'SKU-00001', 'P1')).toMatchObject({ on_hand: 91 });

    // Split by site, both halves together make the table.
    const [head, ...rows] = demoStock().trimEnd().split('\n');
    rmSync(join(wms, 'stock_2026-11-29.csv'));
    rmSync(join(wms, 'stock_2026-11-30.csv'));
    writeFileSync(join(wms, 'STOCK_part1.CSV'), [head, ...rows.filter((l) => l.includes(',P1,'))].join('\n'));
    writeFileSync(join(wms, 'stock_part2.csv'), [head, ...rows.filter((l) => !l.includes(',P1,'))].join('\n'));
    const all = { ...WMS, files: WMS.files.map((f) => (f.table === 'stock' ? { ...f, pick: 'all' as const } : f)) };
    const r2 = await importSource(db, 'WMS', wms, { profile: all });
    expect(r2.rowCounts.stock).toBe(STOCK_ROWS);
    expect(r2.files.map((f) => f.file)).toEqual(['STOCK_part1.CSV', 'stock_part2.csv', 'pick_status.csv']);
  });

  it('constants, derived columns and unit factors from the stored profile', async () => {
    // A WMS that writes no as_of column, stock in thousands, and item and site in one code.
    const text = demoStock()
      .replace(/,2026-11-30/g, '')
      .replace('item,site,on_hand,allocated,blocked,as_of', 'item,site,on_hand_k,allocated,blocked')
      .replace('SKU-00001,P1,91,', 'SKU-00001,P1,0.091,');
    writeFileSync(join(wms, 'stock.csv'), text);
    const profile: SourceProfile = {
      ...WMS,
      files: WMS.files.map((f) =>
        f.table === 'stock'
          ? {
              file: 'stock*.csv',
              table: 'stock',
              columns: {
                sku: 'item',
                location: 'site',
                on_hand: 'on_hand_k',
                allocated: 'allocated',
                blocked: 'blocked',
              },
              constants: { as_of: '2026-11-29' },
              units: { on_hand: 1000 },
            }
          : f,
      ),
    };
    saveProfile(db, 'WMS', profile, 'Dana');
    expect(getProfile(db, 'WMS')).toMatchObject({ customized: true, updatedBy: 'Dana' });
    const r = await importSource(db, 'WMS', wms);
    expect(stockOf(r.snapshotId, 'SKU-00001', 'P1')).toEqual({
      on_hand: 91,
      allocated: 8,
      blocked: 0,
      as_of: '2026-11-29',
    });
  });

  it('refuses a profile that leaves a required column unmapped, naming the field', () => {
    const broken = { ...WMS, files: [{ ...WMS.files[0]!, columns: { sku: 'item' } }] };
    expect(() => saveProfile(db, 'WMS', broken, 'Dana')).toThrow(/stock.location is required/);
    const ambiguous = withFormat({ dateFormats: ['dd/MM/yyyy', 'MM/dd/yyyy'] });
    expect(() => saveProfile(db, 'WMS', ambiguous, 'Dana')).toThrow(/two ways/);
    expect(getProfile(db, 'WMS').customized).toBe(false);
  });

  describe('workbooks', () => {
    async function workbook(build: (wb: ExcelJS.Workbook) => void, props: Partial<ExcelJS.WorkbookProperties> = {}) {
      const wb = new ExcelJS.Workbook();
      Object.assign(wb.properties, props);
      build(wb);
      await wb.xlsx.writeFile(join(wms, 'stock.xlsx'));
    }
    const stockSheet = (wb: ExcelJS.Workbook, name: string, asOf: (row: number) => ExcelJS.CellValue) => {
      const ws = wb.addWorksheet(name);
      const [head, ...rows] = demoStock().trimEnd().split('\n');
      ws.addRow(head!.split(','));
      rows.forEach((l, i) => {
        const c = l.split(',');
        ws.addRow([c[0], c[1], Number(c[2]), Number(c[3]), Number(c[4]), asOf(i)]);
      });
    };
    const xlsxProfile = (sheet: string, dateFormats: SourceProfile['format']['dateFormats']) => ({
      ...WMS,
      format: { ...WMS.format, dateFormats },
      files: WMS.files.map((f) => (f.table === 'stock' ? { ...f, file: 'stock*.xlsx', sheet } : f)),
    });

    it('reads the sheet matching a pattern, with dates stored as day numbers and as dates', async () => {
      await workbook((wb) => {
        wb.addWorksheet('Notes').addRow(['nothing here']);
        // 46356 is 2026-11-30 in the 1900 date system.
        stockSheet(wb, 'Stock 2026-W49', (i) => (i % 2 === 0 ? 46356 : new Date(Date.UTC(2026, 10, 30))));
      });
      const r = await importSource(db, 'WMS', wms, { profile: xlsxProfile('stock*', ['yyyy-MM-dd', 'excel-serial']) });
      expect(r.files.find((f) => f.table === 'stock')).toMatchObject({
        file: 'stock.xlsx',
        sheet: 'Stock 2026-W49',
        rows: STOCK_ROWS,
      });
      const dates = db.prepare('SELECT DISTINCT as_of FROM stock WHERE snapshot_id = ?').all(r.snapshotId);
      expect(dates).toEqual([{ as_of: '2026-11-30' }]);
    });

    it('reads day numbers of the 1904 date system', async () => {
      await workbook((wb) => stockSheet(wb, 'Stock', () => 46356 - 1462), { date1904: true } as never);
      const r = await importSource(db, 'WMS', wms, { profile: xlsxProfile('Stock', ['excel-serial']) });
      expect(stockOf(r.snapshotId, 'SKU-00001', 'P1')).toMatchObject({ as_of: '2026-11-30' });
    });

    it('names the sheets it found when none matches', async () => {
      await workbook((wb) => stockSheet(wb, 'Bestand', () => '2026-11-30'));
      const e = await importSource(db, 'WMS', wms, { profile: xlsxProfile('Stock', ['yyyy-MM-dd']) }).catch(
        (x: unknown) => x,
      );
      expect(e).toMatchObject({
        message: 'The workbook has no sheet matching "Stock".',
        where: { file: 'stock.xlsx', sheet: 'Stock' },
        hint: expect.stringContaining('Sheets found: Bestand') as unknown as string,
      });
    });

    it('a workbook too large for the reader memory limit is refused, and the app lives on', async () => {
      await workbook((wb) => {
        const ws = wb.addWorksheet('Stock');
        ws.addRow(['item', 'site', 'on_hand', 'allocated', 'blocked', 'as_of']);
        // The sheet is streamed: what must stay in memory is its shared strings, here 60,000
        // distinct texts of some 200 characters, well past 16 MB.
        for (let i = 0; i < 60_000; i++)
          ws.addRow([`SKU-${i}`, 'P1', i, 0, 0, `2026-11-30 note ${i} ${'x'.repeat(200)}`]);
      });
      const e = await importSource(db, 'WMS', wms, {
        profile: xlsxProfile('Stock', ['yyyy-MM-dd']),
        limits: { xlsxMemoryMb: 16 },
      }).catch((x: unknown) => x);
      expect(e).toMatchObject({
        message: 'The workbook needs more than the 16 MB allowed for reading it.',
        where: { file: 'stock.xlsx' },
      });
      expect(db.prepare('SELECT count(*) n FROM snapshots').get()).toEqual({ n: 0 });
    });
  });

  describe('malformed files: the exact error, and nothing written', () => {
    beforeEach(async () => {
      // A previous, good snapshot of another source that must stay as it was.
      await importSource(db, 'TMS', join(demoDir(), 'tms'));
    });

    async function expectFailure(expected: Record<string, unknown>, opts: ImportOptions = {}): Promise<AppError> {
      const before = db.prepare('SELECT * FROM snapshots').all();
      const e = await importSource(db, 'WMS', wms, opts).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject(expected);
      expect(db.prepare('SELECT * FROM snapshots').all()).toEqual(before);
      expect(db.prepare('SELECT count(*) n FROM stock').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) n FROM rejected_rows').get()).toEqual({ n: 0 });
      expect(db.inTransaction).toBe(false);
      return e as AppError;
    }

    it('truncated mid-row: the last row lacks its columns', async () => {
      const text = demoStock();
      const cut = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 12);
      writeFileSync(join(wms, 'stock.csv'), cut);
      await expectFailure({
        message: `The row has 2 fields where the header has 6: ${JSON.stringify(cut.slice(cut.lastIndexOf('\n') + 1))}.`,
        where: { file: 'stock.csv', row: STOCK_ROWS + 1 },
      });
    });

    it('Windows-1252 bytes in a file the profile says is UTF-8', async () => {
      const text = demoStock().replace('SKU-00001,P2', 'SKU-Ä001,P2');
      writeFileSync(join(wms, 'stock.csv'), Buffer.from(text, 'latin1'));
      await expectFailure(
        {
          message: expect.stringMatching(
            /^The file is not valid UTF-8: byte 0xC4 at offset \d+\.$/,
          ) as unknown as string,
          where: { file: 'stock.csv', row: 3 },
        },
        { profile: withFormat({}, { encoding: 'utf-8' }) },
      );
    });

    it('extra columns are read past; missing ones are named with what was found', async () => {
      writeFileSync(
        join(wms, 'stock.csv'),
        demoStock().replace('item,site,on_hand,allocated,blocked,as_of', 'item,site,qty,allocated,blocked,as_of'),
      );
      await expectFailure({
        message: 'Missing column(s): "on_hand".',
        where: { file: 'stock.csv', row: 1, column: 'on_hand' },
        hint: expect.stringContaining('found "item", "site", "qty"') as unknown as string,
      });
    });

    it('swapped date formats: month-first dates for a day-first profile', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock().replace(/2026-11-30/g, '11/30/2026'));
      await expectFailure(
        {
          message: expect.stringMatching(
            /^Invalid value: expected a date as dd\/MM\/yyyy — and at least 99 more bad rows/,
          ) as unknown as string,
          where: { row: 2, column: 'as_of', value: '11/30/2026' },
        },
        { profile: withFormat({ dateFormats: ['dd/MM/yyyy'] }) },
      );
    });

    it('a date out of range (a placeholder)', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock().replace('2026-11-30', '1900-01-01'));
      await expectFailure({
        message: 'Invalid value: expected a date between 1990-01-01 and 2099-12-31.',
        where: { row: 2, column: 'as_of', value: '1900-01-01' },
      });
    });

    it('a decimal comma where the profile expects a point', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock().replace('SKU-00001,P1,91,', 'SKU-00001,P1,"91,5",'));
      await expectFailure({
        message: 'Invalid value: expected a number like 1234.5.',
        where: { row: 2, column: 'on_hand', value: '91,5' },
      });
    });

    it('a huge cell', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock().replace('SKU-00001,P2', `SKU-00001,"P2${'x'.repeat(40_000)}"`));
      await expectFailure({
        message: 'A cell holds 40,002 characters, over the limit of 32,767.',
        where: { file: 'stock.csv', row: 3, column: 'site' },
      });
    });

    it('a file over the size limit', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock());
      await expectFailure(
        { message: 'The file is 15 KB, over the 10 KB limit for CSV files.', where: { file: 'stock.csv' } },
        { limits: { maxCsvBytes: 10_000 } },
      );
    });

    it('header only', async () => {
      writeFileSync(join(wms, 'stock.csv'), 'item,site,on_hand,allocated,blocked,as_of\n');
      await expectFailure({
        message: 'The file has its header but no data rows.',
        where: { file: 'stock.csv', row: 1 },
      });
    });

    it('binary garbage named .csv', async () => {
      writeFileSync(join(wms, 'stock.csv'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
      await expectFailure({ code: 'import_failed', where: { file: 'stock.csv' } });
    });

    it('many bad rows are listed together, bounded', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock().replace(/,0,2026-11-30/g, ',none,2026-11-30'));
      const e = await expectFailure(
        {
          message: expect.stringMatching(
            /^Invalid value: expected a number like 1234\.5 — and at least 4 more bad rows \(listing stopped at 5\)\.$/,
          ) as unknown as string,
          where: { row: 2, column: 'blocked', value: 'none' },
        },
        { limits: { maxListed: 5 } },
      );
      expect(e.details?.map((d) => d.where?.row)).toEqual([2, 3, 4, 5, 6]);
    });
  });

  describe('skip bad rows', () => {
    it('imports the good rows and keeps the bad ones with their reasons', async () => {
      const lines = demoStock().trimEnd().split('\n');
      lines[2] = lines[2]!.replace(/,(\d+),(\d+),/, ',-4,$2,');
      lines[10] = lines[10]!.replace('2026-11-30', '31.11.2026');
      lines.push(lines[5]!); // a duplicate key
      writeFileSync(join(wms, 'stock.csv'), lines.join('\n') + '\n');
      const r = await importSource(db, 'WMS', wms, { skipBadRows: true });
      expect(r.rejectedCount).toBe(3);
      expect(r.rowCounts.stock).toBe(STOCK_ROWS - 2);
      const rejected = listRejectedRows(db, r.snapshotId, 0, 10);
      expect(rejected.map((x) => [x.row, x.column, x.value])).toEqual([
        [3, 'on_hand', '-4'],
        [11, 'as_of', '31.11.2026'],
        [STOCK_ROWS + 2, null, null],
      ]);
      expect(rejected[0]).toMatchObject({
        reason: 'Invalid value: expected a number >= 0.',
        cells: { item: 'SKU-00001', on_hand: '-4' },
      });
      expect(rejected[2]!.reason).toMatch(/^Duplicate key \(sku=SKU-00002, location=P1\)/);
      // The same files and mode again: the same snapshot.
      expect(await importSource(db, 'WMS', wms, { skipBadRows: true })).toMatchObject({
        unchanged: true,
        rejectedCount: 3,
      });
    });

    it('stops when the bad rows are too many to be a few bad rows', async () => {
      writeFileSync(join(wms, 'stock.csv'), demoStock().replace(/,0,2026-11-30/g, ',none,2026-11-30'));
      const e = await importSource(db, 'WMS', wms, { skipBadRows: true, limits: { maxRejected: 20 } }).catch(
        (x: unknown) => x,
      );
      expect(e).toMatchObject({ message: expect.stringMatching(/^More than 20 bad rows/) as unknown as string });
      expect(db.prepare('SELECT count(*) n FROM rejected_rows').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) n FROM snapshots').get()).toEqual({ n: 0 });
    });
  });
});
