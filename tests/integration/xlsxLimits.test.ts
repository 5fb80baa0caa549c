// Workbooks built to exhaust the reader: a zip bomb (a small file whose sheet XML inflates far
// past the limit), declared sizes that lie either way, too many rows, one huge cell. Each ends
// in a clear error naming the file and the limit, the import writes nothing, and this process
// (the app) goes on importing.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { importSource, type ImportOptions } from '../../electron/snapshots/importSource';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import type { SourceProfile } from '../../shared/domain/profile';
import { tempDir } from '../helpers/tmp';

const WMS = DEFAULT_PROFILES.WMS;
const SHEET_PART = 'xl/worksheets/sheet1.xml';
const PROFILE: SourceProfile = {
  ...WMS,
  files: WMS.files.map((f) => (f.table === 'stock' ? { ...f, file: 'stock*.xlsx', sheet: 'Stock' } : f)),
};
const HEADER = ['item', 'site', 'on_hand', 'allocated', 'blocked', 'as_of'];
const MB = 1024 ** 2;

/** Sets the uncompressed size the zip declares for one entry, in its local and central headers. */
function declareSize(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(part);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).equals(name)) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).equals(name)) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

describe('a workbook built to exhaust the reader ends in a clear error, and the app lives on', () => {
  const dir = tempDir();
  let db: WriteDb;
  let wms: string;
  let book: string;

  beforeEach(() => {
    rmSync(join(dir, 'wms'), { recursive: true, force: true });
    wms = join(dir, 'wms');
    cpSync(join(demoDir(), 'wms'), wms, { recursive: true });
    book = join(wms, 'stock.xlsx');
    db?.close();
    rmSync(join(dir, 'p.db'), { force: true });
    db = openDatabase(join(dir, 'p.db'));
  });

  /** A real workbook: exceljs writes the header and `rows` rows of the demo's shape. */
  async function writeBook(rows: number, extra?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Stock');
    ws.addRow(HEADER);
    for (let i = 1; i <= rows; i++) ws.addRow([`SKU-${i}`, 'P1', i, 0, 0, '2026-11-30']);
    extra?.(ws);
    await wb.xlsx.writeFile(book);
  }

  /** The workbook with its sheet's rows preceded by `padding` bytes of blanks: a zip bomb. */
  async function bomb(padding: number): Promise<Buffer> {
    await writeBook(3);
    const zip = await JSZip.loadAsync(readFileSync(book));
    const xml = await zip.file(SHEET_PART)!.async('string');
    zip.file(SHEET_PART, xml.replace('<sheetData>', `<sheetData>${' '.repeat(padding)}`));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }

  const failure = (opts: ImportOptions) => importSource(db, 'WMS', wms, opts).catch((x: unknown) => x);

  async function expectStillImports(): Promise<void> {
    expect(db.prepare('SELECT count(*) n FROM snapshots').get()).toEqual({ n: 0 });
    await writeBook(5);
    const r = await importSource(db, 'WMS', wms, { profile: PROFILE });
    expect(r.rowCounts.stock).toBe(5);
  }

  it('refuses a zip bomb whose sheet declares its inflated size, before inflating it', async () => {
    const zip = await bomb(40 * MB);
    expect(zip.length).toBeLessThan(MB / 4);
    writeFileSync(book, zip);
    const e = await failure({ profile: PROFILE, limits: { maxXlsxInflatedBytes: 4 * MB } });
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      message: 'The workbook unpacks to more than 4 MB of XML (at least 40 MB), over the limit for reading a workbook.',
      where: { file: 'stock.xlsx' },
      hint: expect.stringMatching(/zip bomb.*export the sheet as CSV/) as unknown as string,
    });
    await expectStillImports();
  });

  it('stops a zip bomb that declares a small size as soon as the inflated bytes pass the limit', async () => {
    writeFileSync(book, declareSize(await bomb(40 * MB), SHEET_PART, 2000));
    const e = await failure({ profile: PROFILE, limits: { maxXlsxInflatedBytes: 4 * MB } });
    expect(e).toMatchObject({
      message: expect.stringMatching(
        /^The workbook unpacks to more than 4 MB of XML \(at least 4 MB\), over the limit/,
      ) as unknown as string,
      where: { file: 'stock.xlsx' },
    });
    await expectStillImports();
  });

  it('refuses, with the default limits, a workbook declaring gigabytes of XML (as the 4.3 GB one did)', async () => {
    await writeBook(3);
    writeFileSync(book, declareSize(readFileSync(book), SHEET_PART, 4_290_000_000));
    const e = await failure({ profile: PROFILE });
    expect(e).toMatchObject({
      message: expect.stringMatching(
        /^The workbook unpacks to more than 2,048 MB of XML \(at least 4,091 MB\)/,
      ) as unknown as string,
      where: { file: 'stock.xlsx' },
    });
    await expectStillImports();
  });

  it('stops at the row limit, naming the row', async () => {
    await writeBook(3000);
    const e = await failure({ profile: PROFILE, limits: { maxXlsxRows: 1000 } });
    expect(e).toMatchObject({
      message: 'The sheet has more than 1,000 rows, over the limit for a workbook.',
      where: { file: 'stock.xlsx', sheet: 'Stock', row: 1001 },
      hint: 'Export the sheet as CSV (read as a stream), or split it.',
    });
    await expectStillImports();
  });

  it('refuses a huge cell while streaming it, with its full length, row and column', async () => {
    await writeBook(3, (ws) => (ws.getCell('B3').value = 'x'.repeat(3 * MB)));
    const e = await failure({ profile: PROFILE, limits: { maxCellChars: 1000 } });
    expect(e).toMatchObject({
      message: `A cell holds ${(3 * MB).toLocaleString('en')} characters, over the limit of 1,000.`,
      where: { file: 'stock.xlsx', sheet: 'Stock', row: 3, column: 'site' },
    });
    await expectStillImports();
  });

  it('refuses the Excel error a formula computed, as it does an error value', async () => {
    await writeBook(3, (ws) => (ws.getCell('C4').value = { formula: '1/0', result: { error: '#DIV/0!' } }));
    const e = await failure({ profile: PROFILE });
    expect(e).toMatchObject({
      message: 'The cell holds the Excel error #DIV/0!.',
      where: { file: 'stock.xlsx', sheet: 'Stock', row: 4, column: 'on_hand', value: '#DIV/0!' },
    });
  });

  it('refuses a file that is not a zip, named', async () => {
    writeFileSync(book, 'item,site\nSKU-1,P1\n');
    const e = await failure({ profile: PROFILE });
    expect(e).toMatchObject({ where: { file: 'stock.xlsx' }, hint: 'Save the file again from Excel as .xlsx.' });
    expect((e as AppError).message).toMatch(/^Not a readable \.xlsx workbook/);
  });
});
