// `planroom demo`: writes the demo company as one folder of exports per source system
// (DIR/erp, DIR/tms, DIR/wms, DIR/crm), with the headers of the default mapping profiles.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { AppError } from '../../shared/domain/errors';
import type { FileMapping } from '../../shared/domain/profile';
import { CsvWriter } from '../sources/csvWrite';
import { spreadsheetValue } from '../../shared/domain/spreadsheetText';
import { buildCompany, type Company, type DemoSize } from './company';
import { STREAMS, type Row } from './rows';

export const DEFAULT_DEMO_SEED = 20261201;

export interface GeneratedFile {
  source: SourceSystem;
  path: string;
  table: string;
  rows: number;
}

export interface DemoProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  rows: number;
}

export interface GenerateOptions {
  size: DemoSize;
  out: string;
  seed?: number;
  onProgress?: (p: DemoProgress) => void;
}

export interface Manifest {
  system: SourceSystem;
  extracted_at: string;
  company: { size: DemoSize; seed: number; meeting_at: string; start_period: string; horizon: number };
}

export async function generateDemo(opts: GenerateOptions): Promise<GeneratedFile[]> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  ensureFolder(opts.out);
  const company = buildCompany(opts.size, seed);
  const all = SOURCE_SYSTEMS.flatMap((source) => DEFAULT_PROFILES[source].files.map((f) => ({ source, f })));
  const written: GeneratedFile[] = [];
  for (const source of SOURCE_SYSTEMS) {
    const dir = join(opts.out, source.toLowerCase());
    mkdirSync(dir, { recursive: true });
    const manifest: Manifest = {
      system: source,
      extracted_at: company.extractedAt[source],
      company: {
        size: opts.size,
        seed,
        meeting_at: company.meetingAt,
        start_period: company.startPeriod,
        horizon: company.horizon.length,
      },
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  for (const { source, f } of all) {
    const path = join(opts.out, source.toLowerCase(), f.file.replace('*', ''));
    const report = (rows: number): void =>
      opts.onProgress?.({ file: path, filesDone: written.length, filesTotal: all.length, rows });
    const rows = f.file.endsWith('.xlsx')
      ? await writeXlsx(path, f, company, report)
      : await writeCsv(path, f, company, report);
    written.push({ source, path, table: f.table, rows });
    report(rows);
  }
  return written;
}

function ensureFolder(out: string): void {
  try {
    if (!statSync(out).isDirectory()) {
      throw new AppError('invalid_input', `${out} is a file; the demo needs a folder.`, {
        hint: 'Pass a folder path with --out.',
      });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    mkdirSync(out, { recursive: true });
  }
}

const header = (f: FileMapping): string[] => Object.values(f.columns);
const values = (f: FileMapping, row: Row): (string | number | null)[] =>
  Object.keys(f.columns).map((k) => row[k] ?? null);

async function writeCsv(path: string, f: FileMapping, c: Company, report: (n: number) => void): Promise<number> {
  const out = new CsvWriter(path);
  await out.writeRow(header(f));
  let n = 0;
  for (const row of STREAMS[f.table](c)) {
    await out.writeRow(values(f, row));
    if (++n % 200_000 === 0) report(n);
  }
  await out.close();
  return n;
}

async function writeXlsx(path: string, f: FileMapping, c: Company, report: (n: number) => void): Promise<number> {
  // Streaming writer; fixed document dates keep the workbook contents deterministic for a seed.
  // Loaded here, not at the top: exceljs takes ~0.4 s to load, which every CLI call would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  wb.created = wb.modified = new Date(c.meetingAt);
  wb.creator = 'Planroom demo';
  const sheet = wb.addWorksheet(f.sheet ?? 'Sheet1');
  sheet.addRow(header(f)).commit();
  let n = 0;
  for (const row of STREAMS[f.table](c)) {
    // Text cells are written inert, as in every spreadsheet the app writes (a no-op on demo data).
    sheet.addRow(values(f, row).map(spreadsheetValue)).commit();
    if (++n % 50_000 === 0) report(n);
  }
  sheet.commit();
  await wb.commit();
  return n;
}
