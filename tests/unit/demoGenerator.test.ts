import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIZE_SPECS } from '../../electron/demo/company';
import { generateDemo } from '../../electron/demo/generate';
import { tempDir } from '../helpers/tmp';

async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const source of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, source))) {
      const path = join(dir, source, file);
      if (file.endsWith('.xlsx')) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path);
        out[`${source}/${file}`] = JSON.stringify(wb.worksheets.map((w) => [w.name, w.getSheetValues()]));
      } else out[`${source}/${file}`] = readFileSync(path, 'utf8');
    }
  }
  return out;
}

describe('demo company generator', () => {
  it('is deterministic for a seed, and a different seed gives a different company', async () => {
    const dir = tempDir();
    await generateDemo({ size: 'S', out: join(dir, 'a'), seed: 7 });
    await generateDemo({ size: 'S', out: join(dir, 'b'), seed: 7 });
    await generateDemo({ size: 'S', out: join(dir, 'c'), seed: 8 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((x) => contents(join(dir, x))));
    expect(Object.keys(a!)).toHaveLength(22);
    expect(a).toEqual(b);
    expect(a!['crm/forecast.csv']).not.toEqual(c!['crm/forecast.csv']);
  });

  it('writes size S as BENCHMARKS.md describes: 480 item-locations, 26 weeks, about 5k order lines', async () => {
    const dir = tempDir();
    const files = await generateDemo({ size: 'S', out: dir });
    const rows = Object.fromEntries(files.map((f) => [f.table, f.rows]));
    expect(rows.item_locations).toBe(SIZE_SPECS.S.skus * 4);
    expect(rows.item_locations).toBe(480);
    expect(rows.sales_orders).toBe(5000);
    const weeks = new Set(
      readFileSync(join(dir, 'erp', 'resources.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2]),
    );
    expect(weeks.size).toBe(26);
    expect(readdirSync(dir).sort()).toEqual(['crm', 'erp', 'tms', 'wms']);
  });

  it('the committed assets/demo is exactly what the generator writes for size S', async () => {
    const dir = tempDir();
    await generateDemo({ size: 'S', out: dir });
    expect(await contents(join(import.meta.dirname, '..', '..', 'assets', 'demo'))).toEqual(await contents(dir));
  });
});
