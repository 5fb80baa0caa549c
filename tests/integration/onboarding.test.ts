// Onboarding a company's own export folder: look at it through the profile (files, headers,
// first rows, suggestions), check a draft profile with a dry run that reports every problem and
// stores nothing, then import with the profile saved.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import type { SourceProfile } from '../../shared/domain/profile';
import { planroom, ROOT } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

/** A WMS export as a German warehouse system writes it: semicolons, decimal comma, day-first dates. */
function foreignWms(dir: string, badRows = false): string {
  const out = join(dir, 'lager');
  mkdirSync(out, { recursive: true });
  const rows = [
    'Artikel;Werk;Bestand;Reserviert;Gesperrt;Stand',
    'SKU-00001;P1;91,5;8;0;30.11.2026',
    'SKU-00002;P1;12;0;1;30.11.2026',
    badRows ? 'SKU-00003;P1;viele;0;0;30.11.2026' : 'SKU-00003;P1;7;0;0;30.11.2026',
    badRows ? 'SKU-00004;P1;3;0;0;31.11.2026' : 'SKU-00004;P1;3;0;0;29.11.2026',
  ];
  writeFileSync(join(out, 'Bestand_20261130.csv'), rows.join('\r\n') + '\r\n');
  writeFileSync(join(out, 'Kommissionierung.csv'), 'Auftrag;Pos;Status;Sperre\nSO1;1;picked;\n');
  writeFileSync(join(out, 'readme.txt'), 'not an export');
  return out;
}

/** The draft a user builds in the flow: file patterns, headers, and the files' number and date format. */
function draft(): SourceProfile {
  const base = DEFAULT_PROFILES.WMS;
  return {
    ...base,
    csv: { delimiter: ';', encoding: 'auto' },
    format: { decimal: ',', thousands: '', dateFormats: ['dd.MM.yyyy'] },
    files: [
      {
        file: 'Bestand*.csv',
        table: 'stock',
        columns: {
          sku: 'Artikel',
          location: 'Werk',
          on_hand: 'Bestand',
          allocated: 'Reserviert',
          blocked: 'Gesperrt',
          as_of: 'Stand',
        },
      },
      {
        file: 'Kommissionierung*.csv',
        table: 'pick_status',
        columns: { order_id: 'Auftrag', line: 'Pos', status: 'Status', constraint_code: 'Sperre' },
      },
    ],
  };
}

describe('onboarding a foreign export folder', () => {
  it('shows each file the profile reads, its first rows, and header suggestions for each column', async () => {
    const dir = tempDir();
    const api = await openDemoApi(dir);
    try {
      const folder = foreignWms(dir);
      const withDefault = await api.call('import.preview', { source: 'WMS', dir: folder });
      // The default patterns find nothing here: the flow shows which mapping lacks its file.
      expect(withDefault.mappings.map((m) => [m.table, m.files])).toEqual([
        ['stock', []],
        ['pick_status', []],
      ]);
      expect(withDefault.files.map((f) => [f.name, f.read])).toEqual([
        ['Bestand_20261130.csv', false],
        ['Kommissionierung.csv', false],
        ['readme.txt', false],
      ]);

      const patterns = { ...DEFAULT_PROFILES.WMS, files: draft().files.map((f) => ({ ...f, columns: {} })) };
      const p = await api.call('import.preview', { source: 'WMS', dir: folder, profile: patterns });
      const stock = p.mappings[0]!;
      expect(stock.files).toEqual(['Bestand_20261130.csv']);
      expect(stock.header).toEqual(['Artikel', 'Werk', 'Bestand', 'Reserviert', 'Gesperrt', 'Stand']);
      expect(stock.rows[0]).toEqual(['SKU-00001', 'P1', '91,5', '8', '0', '30.11.2026']);
      expect(stock.rows).toHaveLength(4);
      const col = (name: string) => stock.columns.find((c) => c.name === name)!;
      expect(col('sku')).toMatchObject({ required: true, mappedTo: null, found: false, suggestions: ['Artikel'] });
      expect(col('location').suggestions[0]).toBe('Werk');
      expect(col('on_hand').suggestions[0]).toBe('Bestand');
      expect(p.files.find((f) => f.name === 'readme.txt')!.read).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('checks a draft profile without storing anything, reporting every bad row at once', async () => {
    const dir = tempDir();
    const api = await openDemoApi(dir);
    try {
      const snapshots = (await api.call('snapshot.list', {})).length;
      const good = await api.call('snapshot.check', { source: 'WMS', dir: foreignWms(dir), profile: draft() });
      expect(good).toMatchObject({ passed: true, rowCount: 5, rowCounts: { stock: 4, pick_status: 1 }, problem: null });

      const bad = await api.call('snapshot.check', {
        source: 'WMS',
        dir: foreignWms(join(dir, 'bad'), true),
        profile: draft(),
      });
      expect(bad.passed).toBe(false);
      expect(bad.problem!.details!.map((d) => [d.where?.row, d.where?.column])).toEqual([
        [4, 'Bestand'],
        [5, 'Stand'],
      ]);
      expect((await api.call('snapshot.list', {})).length).toBe(snapshots);

      // Saved, the same profile imports the folder for real.
      await api.call('profile.save', { source: 'WMS', profile: draft(), by: 'Dana' });
      const imported = await api.call('snapshot.import', { source: 'WMS', dir: foreignWms(dir) });
      expect(imported.rowCounts).toEqual({ stock: 4, pick_status: 1 });
    } finally {
      await api.close();
    }
  });

  it('planroom import --check: exit 0 or 1 with every problem, and no database file is created', () => {
    const dir = tempDir();
    const db = join(dir, 'new.db');
    const profile = join(dir, 'wms.json');
    writeFileSync(profile, JSON.stringify(draft()));
    const folder = foreignWms(dir);
    const noProfile = planroom(['import', '--check', '--source', 'WMS', folder, '--db', db]);
    expect(noProfile.code).toBe(1);
    expect(noProfile.stderr).toMatch(/No export file in .* matches "stock\*\.csv", "pick_status\*\.csv"/);
    expect(noProfile.stderr).toMatch(/WMS: would not import; nothing was stored/);
    expect(existsSync(db)).toBe(false);

    const tms = planroom(['import', '--source', 'TMS', join(ROOT, 'assets', 'demo', 'tms'), '--db', db]);
    expect(tms.code, tms.stderr).toBe(0);
    expect(planroom(['profile', 'set', 'WMS', profile, '--db', db]).code).toBe(0);
    const ok = planroom(['import', '--check', '--source', 'WMS', folder, '--db', db]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/WMS: would import 5 rows \(stock 4, pick_status 1\); nothing was stored/);
    const bad = planroom(['import', '--check', '--source', 'WMS', foreignWms(join(dir, 'b'), true), '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').filter((l) => /row \d/.test(l))).toHaveLength(2);
    const listed = JSON.parse(planroom(['snapshots', '--db', db, '--json']).stdout) as { source: string }[];
    expect(listed.map((s) => s.source)).toEqual(['TMS']);
  });
});
