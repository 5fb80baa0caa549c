// "Trust the numbers" on import: a row that does not fit the header, mixed line endings, control
// characters, a table emptied by "skip bad rows" and a value outside a column's closed set are
// refused with their exact message, and the database is left as it was; value maps turn an
// export's own codes into the canonical ones.
import ExcelJS from 'exceljs';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { demoDir } from '../../electron/paths';
import { importSource, type ImportOptions } from '../../electron/snapshots/importSource';
import { CANONICAL_TABLES, type SourceSystem } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import type { SourceProfile } from '../../shared/domain/profile';
import { tempDir } from '../helpers/tmp';

describe('rows that do not fit, hidden characters and closed sets are refused; nothing is written', () => {
  const dir = tempDir();
  let db: WriteDb;

  beforeEach(async () => {
    for (const s of ['erp', 'crm', 'wms']) {
      rmSync(join(dir, s), { recursive: true, force: true });
      cpSync(join(demoDir(), s), join(dir, s), { recursive: true });
    }
    db?.close();
    rmSync(join(dir, 'p.db'), { force: true });
    db = openDatabase(join(dir, 'p.db'));
    // A good snapshot that must stay exactly as it was.
    await importSource(db, 'TMS', join(demoDir(), 'tms'));
  });

  const folder = (source: SourceSystem) => join(dir, source.toLowerCase());
  const write = (source: SourceSystem, file: string, text: string | Buffer) =>
    writeFileSync(join(folder(source), file), text);
  const demo = (source: SourceSystem, file: string) =>
    readFileSync(join(demoDir(), source.toLowerCase(), file), 'utf8');

  /** Every canonical table's row count and the snapshots: what "the database is unchanged" means. */
  const state = () => ({
    snapshots: db.prepare('SELECT * FROM snapshots').all(),
    rejected: db.prepare('SELECT count(*) n FROM rejected_rows').get(),
    rows: Object.fromEntries(
      CANONICAL_TABLES.map((t) => [t.name, (db.prepare(`SELECT count(*) n FROM ${t.name}`).get() as { n: number }).n]),
    ),
  });

  async function expectRefused(source: SourceSystem, expected: Record<string, unknown>, opts: ImportOptions = {}) {
    const before = state();
    const e = await importSource(db, source, folder(source), opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject(expected);
    expect(state()).toEqual(before);
    expect(db.inTransaction).toBe(false);
    return e as AppError;
  }

  it('an unquoted comma in a name: more fields than the header', async () => {
    write(
      'ERP',
      'customers.csv',
      demo('ERP', 'customers.csv').replace('C00002,Customer 2,East', 'C00002,Smith, John,East'),
    );
    await expectRefused('ERP', {
      message: 'The row has 4 fields where the header has 3: "C00002,Smith, John,East".',
      where: { file: 'customers.csv', row: 3 },
      hint: expect.stringContaining('"Smith, John"') as unknown as string,
    });
  });

  it('an unquoted thousands comma in the last numeric column', async () => {
    write('ERP', 'on_hand.csv', demo('ERP', 'on_hand.csv').replace('SKU-00001,P1,91\n', 'SKU-00001,P1,1,291\n'));
    await expectRefused('ERP', {
      message: 'The row has 4 fields where the header has 3: "SKU-00001,P1,1,291".',
      where: { file: 'on_hand.csv', row: 2 },
    });
  });

  it('a row with fewer fields than the header', async () => {
    write('ERP', 'customers.csv', demo('ERP', 'customers.csv').replace('C00002,Customer 2,East', 'C00002,East'));
    await expectRefused('ERP', {
      message: 'The row has 2 fields where the header has 3: "C00002,East".',
      where: { file: 'customers.csv', row: 3 },
      hint: expect.stringMatching(/^The line is cut short/) as unknown as string,
    });
  });

  it('the line quoted in the message is cut to 200 characters', async () => {
    const long = `C00002,Customer 2,East${',x'.repeat(150)}`;
    write('ERP', 'customers.csv', demo('ERP', 'customers.csv').replace('C00002,Customer 2,East', long));
    const e = await expectRefused('ERP', { where: { file: 'customers.csv', row: 3 } });
    expect(e.message).toBe(
      `The row has 153 fields where the header has 3: ${JSON.stringify(long.slice(0, 200) + '…')}.`,
    );
  });

  it('an LF header with CR-separated rows: mixed line endings', async () => {
    const [head, ...rows] = demo('ERP', 'customers.csv').trimEnd().split('\n');
    expect(rows).toHaveLength(40);
    write('ERP', 'customers.csv', `${head}\n${rows.join('\r')}\r`);
    await expectRefused('ERP', {
      message:
        'The file mixes line endings: its first line ends with LF, but row 2 holds a CR at character 5 of column Region.',
      where: { file: 'customers.csv', row: 2, column: 'Region' },
    });
  });

  it('CRLF lines with one bare LF line end', async () => {
    const lines = demo('ERP', 'customers.csv').trimEnd().split('\n');
    write('ERP', 'customers.csv', lines.slice(0, 10).join('\r\n') + '\n' + lines.slice(10).join('\r\n') + '\r\n');
    await expectRefused('ERP', {
      message:
        'The file mixes line endings: its first line ends with CRLF, but row 10 holds a LF at character 5 of column Region.',
      where: { file: 'customers.csv', row: 10, column: 'Region' },
    });
  });

  it('a NUL byte inside a key', async () => {
    write('ERP', 'customers.csv', demo('ERP', 'customers.csv').replace('C00002,', 'C00002\0,'));
    await expectRefused('ERP', {
      message: 'A control character U+0000 (NUL) at character 7 of the value.',
      where: { file: 'customers.csv', row: 3, column: 'Customer', value: 'C00002\0' },
    });
  });

  it('a control character inside a quoted value', async () => {
    write('ERP', 'customers.csv', demo('ERP', 'customers.csv').replace('Customer 2,', '"Customer\u001b2",'));
    await expectRefused('ERP', {
      message: 'A control character U+001B at character 9 of the value.',
      where: { file: 'customers.csv', row: 3, column: 'Name' },
    });
  });

  it('a line break inside a workbook cell (Alt+Enter) names its sheet, row and column', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(folder('ERP'), 'items.xlsx'));
    const ws = wb.getWorksheet('Items')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const column = header.findIndex((h) => h === 'Description');
    expect(column).toBeGreaterThan(0);
    ws.getCell(4, column).value = 'Widget\nblue';
    await wb.xlsx.writeFile(join(folder('ERP'), 'items.xlsx'));
    await expectRefused('ERP', {
      message: 'A control character U+000A (LF) at character 7 of the value.',
      where: { file: 'items.xlsx', sheet: 'Items', row: 4, column: 'Description', value: 'Widget\nblue' },
    });
  });

  it('"skip bad rows" that sets every row of a table aside commits nothing', async () => {
    const text = demo('WMS', 'stock.csv').replace(/\n(SKU-\d+,\w+,)(\d+)/g, '\n$1-$2');
    write('WMS', 'stock.csv', text);
    const rows = text.trimEnd().split('\n').length - 1;
    await expectRefused(
      'WMS',
      {
        message: `Every row of the stock table was set aside as bad (${rows} in stock.csv): the snapshot would hold no stock. Nothing was imported.`,
        where: { file: 'stock.csv' },
      },
      { skipBadRows: true },
    );
  });

  it('an optional table may be empty after "skip bad rows"', async () => {
    write('WMS', 'stock.csv', demo('WMS', 'stock.csv').replace(/\n(SKU-\d+,\w+,)(\d+)/g, '\n$1-$2'));
    const profile: SourceProfile = {
      ...DEFAULT_PROFILES.WMS,
      files: DEFAULT_PROFILES.WMS.files.map((f) => (f.table === 'stock' ? { ...f, optional: true } : f)),
    };
    const r = await importSource(db, 'WMS', folder('WMS'), { skipBadRows: true, profile });
    expect(r.rowCounts.stock).toBe(0);
    expect(r.rejectedCount).toBeGreaterThan(0);
  });

  it('a forecast version outside current and prior is refused with the allowed values', async () => {
    write(
      'CRM',
      'forecast.csv',
      demo('CRM', 'forecast.csv').replace('SKU-00001,P1,2026-W37,current', 'SKU-00001,P1,2026-W37,final'),
    );
    await expectRefused('CRM', {
      message: 'Invalid value: expected one of current, prior.',
      where: { file: 'forecast.csv', row: 3, column: 'Version', value: 'final' },
      hint: expect.stringContaining('"values": {"version": {"final": "current"}}') as unknown as string,
    });
  });

  it('a location type outside plant and dc is refused; a value map turns SHOP into dc', async () => {
    write(
      'ERP',
      'locations.csv',
      demo('ERP', 'locations.csv')
        .replace('D1,DC West,dc', 'D1,DC West,SHOP')
        .replace('D2,DC East,dc', 'D2,DC East,DC'),
    );
    await expectRefused('ERP', {
      message: 'Invalid value: expected one of plant, dc — and 1 more bad row.',
      where: { file: 'locations.csv', row: 4, column: 'Type', value: 'SHOP' },
    });

    const profile: SourceProfile = {
      ...DEFAULT_PROFILES.ERP,
      files: DEFAULT_PROFILES.ERP.files.map((f) =>
        f.table === 'locations' ? { ...f, values: { type: { SHOP: 'dc', DC: 'dc' } } } : f,
      ),
    };
    const r = await importSource(db, 'ERP', folder('ERP'), { profile });
    const types = db
      .prepare('SELECT location, type FROM locations WHERE snapshot_id = ? ORDER BY location')
      .all(r.snapshotId);
    expect(types).toEqual([
      { location: 'D1', type: 'dc' },
      { location: 'D2', type: 'dc' },
      { location: 'P1', type: 'plant' },
      { location: 'P2', type: 'plant' },
    ]);
  });
});
