import ExcelJS from 'exceljs';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { importSource } from '../../electron/snapshots/importSource';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../helpers/tmp';

/** Each case breaks one real demo export; the import must fail precisely and write nothing. */
describe('a bad export stops the import with file, row, column and value, and writes nothing', () => {
  const dir = tempDir();
  let db: WriteDb;
  let wms: string;
  let snapshotsBefore: unknown;

  beforeEach(async () => {
    rmSync(join(dir, 'wms'), { recursive: true, force: true });
    wms = join(dir, 'wms');
    cpSync(join(demoDir(), 'wms'), wms, { recursive: true });
    db?.close();
    rmSync(join(dir, 'p.db'), { force: true });
    db = openDatabase(join(dir, 'p.db'));
    await importSource(db, 'TMS', join(demoDir(), 'tms'));
    snapshotsBefore = db.prepare('SELECT * FROM snapshots').all();
  });

  const edit = (file: string, fn: (text: string) => string): void => {
    const path = join(wms, file);
    writeFileSync(path, fn(readFileSync(path, 'utf8')));
  };

  async function expectFailure(expected: Partial<AppError> & { where?: object }): Promise<void> {
    const error = await importSource(db, 'WMS', wms).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject(expected);
    expect(db.prepare('SELECT * FROM snapshots').all()).toEqual(snapshotsBefore);
    expect(db.prepare('SELECT count(*) n FROM stock').get()).toEqual({ n: 0 });
    expect(db.inTransaction).toBe(false);
  }

  it('a negative quantity', async () => {
    edit('stock.csv', (t) => t.replace(/\n(SKU-00001,P1,)(\d+)/, '\n$1-$2'));
    await expectFailure({ code: 'import_failed', where: { file: 'stock.csv', row: 2, column: 'on_hand' } });
  });

  it('text in a number column, deep in the file (rows before it are rolled back)', async () => {
    edit('stock.csv', (t) => {
      const lines = t.split('\n');
      lines[300] = lines[300]!.replace(/,(\d+),(\d+),/, ',twelve,$2,');
      return lines.join('\n');
    });
    await expectFailure({ where: { file: 'stock.csv', row: 301, value: 'twelve' } });
  });

  it('a bad value after blank lines names its true line in the file', async () => {
    edit('stock.csv', (t) => {
      const lines = t.split('\n');
      lines.splice(3, 0, '', ',,,,,');
      lines[11] = lines[11]!.replace(',2026-11-30', ',bad-date');
      return lines.join('\n');
    });
    await expectFailure({ where: { file: 'stock.csv', row: 12, column: 'as_of', value: 'bad-date' } });
  });

  it('an unclosed quote that would swallow the rest of the file', async () => {
    edit('pick_status.csv', (t) => {
      const lines = t.split('\n');
      lines[2] = lines[2]!.replace(/,([^,]*)$/, ',"$1');
      return lines.join('\n');
    });
    await expectFailure({
      message: expect.stringMatching(/^Broken quoting/) as unknown as string,
      where: { file: 'pick_status.csv', row: 3 },
    });
  });

  it('a header after blank lines is found, and its errors name its row', async () => {
    edit('stock.csv', (t) => '\n\n' + t.replace('allocated', 'alloc'));
    await expectFailure({ where: { file: 'stock.csv', row: 3, column: 'allocated' } });
  });

  it('a missing column', async () => {
    edit('stock.csv', (t) => t.replace('allocated', 'alloc'));
    await expectFailure({ message: 'Missing column(s): "allocated".', where: { row: 1, column: 'allocated' } });
  });

  it('a duplicate header', async () => {
    edit('pick_status.csv', (t) => t.replace('line,', 'order,'));
    await expectFailure({ where: { file: 'pick_status.csv', row: 1, column: 'order' } });
  });

  it('a duplicate key', async () => {
    edit('stock.csv', (t) => {
      const lines = t.trimEnd().split('\n');
      return [...lines, lines[5]].join('\n') + '\n';
    });
    await expectFailure({
      message: expect.stringMatching(/Duplicate key \(sku=SKU-00002, location=P1\)/) as unknown as string,
    });
  });

  it('a date in another format', async () => {
    edit('stock.csv', (t) => t.replace(/2026-11-30/, '30/11/2026'));
    await expectFailure({ where: { column: 'as_of', value: '30/11/2026' } });
  });

  it('an empty file', async () => {
    edit('pick_status.csv', () => '');
    await expectFailure({ message: 'The file is empty.', where: { file: 'pick_status.csv' } });
  });

  it('a missing file', async () => {
    rmSync(join(wms, 'stock.csv'));
    await expectFailure({
      message: expect.stringMatching(/^No export file in .* matches "stock\*\.csv"\.$/) as unknown as string,
      where: { file: 'stock*.csv' },
    });
  });

  it('a broken manifest', async () => {
    edit('manifest.json', () => '{"extracted_at": ');
    await expectFailure({ where: { file: 'manifest.json' } });
  });

  it('a byte-order mark before a quoted header is not part of the first column name', async () => {
    edit('stock.csv', (t) => {
      const [head, ...rest] = t.split('\n');
      return [
        '\uFEFF' +
          head!
            .split(',')
            .map((h) => `"${h}"`)
            .join(','),
        ...rest,
      ].join('\n');
    });
    const r = await importSource(db, 'WMS', wms);
    expect(r.rowCounts.stock).toBe(483);
  });

  async function editItems(fn: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const erp = join(dir, 'erp');
    rmSync(erp, { recursive: true, force: true });
    cpSync(join(demoDir(), 'erp'), erp, { recursive: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(erp, 'items.xlsx'));
    fn(wb.getWorksheet('Items')!);
    await wb.xlsx.writeFile(join(erp, 'items.xlsx'));
    return erp;
  }

  it('an Excel error cell (#N/A) is refused with its sheet, row and column', async () => {
    const erp = await editItems((ws) => {
      ws.getCell('D5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    const error = await importSource(db, 'ERP', erp).catch((e: unknown) => e);
    expect(error).toMatchObject({
      where: { file: 'items.xlsx', sheet: 'Items', row: 5, column: 'Standard Cost', value: '#N/A' },
    });
    expect(db.prepare('SELECT * FROM snapshots').all()).toEqual(snapshotsBefore);
  });

  it('formula cells are read as their computed values', async () => {
    const erp = await editItems((ws) => {
      ws.getCell('E2').value = { formula: 'D2*1.5', result: 99.5 } as ExcelJS.CellFormulaValue;
    });
    const r = await importSource(db, 'ERP', erp);
    const price = db
      .prepare('SELECT unit_price FROM items WHERE snapshot_id = ? AND sku = ?')
      .get(r.snapshotId, 'SKU-00001');
    expect(price).toEqual({ unit_price: 99.5 });
  });

  it('binary garbage in an .xlsx workbook', async () => {
    writeFileSync(join(dir, 'garbage.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const erp = join(dir, 'erp');
    rmSync(erp, { recursive: true, force: true });
    cpSync(join(demoDir(), 'erp'), erp, { recursive: true });
    cpSync(join(dir, 'garbage.bin'), join(erp, 'items.xlsx'));
    const error = await importSource(db, 'ERP', erp).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'import_failed', where: { file: 'items.xlsx' } });
    expect(db.prepare('SELECT * FROM snapshots').all()).toEqual(snapshotsBefore);
  });
});
