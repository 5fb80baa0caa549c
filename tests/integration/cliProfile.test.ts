// The profile verbs and the trust warnings of `planroom cycle`: the canonical schema printed from
// the one descriptor, a profile with several problems refused with all of them, profiles on a new
// database, and extraction times that cannot be right flagged on their source.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSchema } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { planroom, ROOT } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/tmp';

const DEMO = join(ROOT, 'assets', 'demo');

describe('planroom profile and cycle: the schema, every problem, the extraction time', () => {
  it('prints the canonical schema of every table, or of one, as text and as JSON', () => {
    const db = join(tempDir(), 'p.db');
    const all = planroom(['profile', 'schema', '--db', db]);
    expect(all.code, all.stderr).toBe(0);
    for (const t of canonicalSchema()) {
      expect(all.stdout).toContain(`${t.name} (${t.owner}): ${t.meaning}\n  key: ${t.key.join(', ')}\n`);
      for (const c of t.columns) {
        const line = all.stdout
          .split('\n')
          .find((l) => l.startsWith(`  ${c.name} `) && l.includes(c.meaning) && l.includes(` ${c.type} `));
        expect(line, `${t.name}.${c.name}`).toBeDefined();
        expect(line).toContain(c.required ? 'required' : 'optional');
        if (c.allowed) expect(line).toContain(`one of ${c.allowed.join(', ')}`);
      }
    }

    const one = planroom(['profile', 'schema', 'locations', '--db', db]);
    expect(one.stdout.trim().split('\n')).toHaveLength(2 + 4);
    expect(one.stdout).toMatch(/^ {2}type {6}text {4}required {2}one of plant, dc {8}plant \(produces\) or dc/m);

    const json = planroom(['profile', 'schema', 'forecasts', '--json', '--db', db]);
    expect(JSON.parse(json.stdout)).toEqual(canonicalSchema().filter((t) => t.name === 'forecasts'));
    expect((JSON.parse(json.stdout) as { columns: { name: string; allowed: unknown }[] }[])[0]!.columns).toContainEqual(
      expect.objectContaining({ name: 'version', allowed: ['current', 'prior'] }),
    );

    const unknown = planroom(['profile', 'schema', 'stocks', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown table "stocks" \(one of items, locations/);
  });

  it('shows and sets a profile on a new database', () => {
    const dir = tempDir();
    const db = join(dir, 'new.db');
    expect(existsSync(db)).toBe(false);
    const shown = planroom(['profile', 'show', 'CRM', '--db', db]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(DEFAULT_PROFILES.CRM);
    // Showing only reads: no database file is made for it.
    expect(existsSync(db)).toBe(false);

    const db2 = join(dir, 'other.db');
    const profile = { ...DEFAULT_PROFILES.CRM, format: { ...DEFAULT_PROFILES.CRM.format, decimal: ',' } };
    writeFileSync(join(dir, 'crm.json'), JSON.stringify(profile));
    const set = planroom(['profile', 'set', 'CRM', join(dir, 'crm.json'), '--as', 'Dana', '--db', db2]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/saved by Dana/);
    expect(JSON.parse(planroom(['profile', 'show', 'CRM', '--db', db2]).stdout)).toMatchObject({
      format: { decimal: ',' },
    });
  });

  it('refuses a profile with three problems naming all three, and keeps the stored one', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    expect(planroom(['profile', 'reset', 'ERP', '--db', db]).code).toBe(0);
    const before = sha256(db);
    const files = DEFAULT_PROFILES.ERP.files.map((f) =>
      f.table === 'locations'
        ? { ...f, columns: { ...f.columns, colour: 'Colour' }, values: { type: { SHOP: 'store' } } }
        : f,
    );
    const broken = {
      ...DEFAULT_PROFILES.ERP,
      format: { ...DEFAULT_PROFILES.ERP.format, thousands: '.', decimal: '.' },
      files,
    };
    writeFileSync(join(dir, 'erp.json'), JSON.stringify(broken));
    const r = planroom(['profile', 'set', 'ERP', join(dir, 'erp.json'), '--db', db]);
    expect(r.code).toBe(1);
    const i = DEFAULT_PROFILES.ERP.files.findIndex((f) => f.table === 'locations');
    expect(r.stderr.trim().split('\n')).toEqual([
      `planroom profile: The ERP profile is not valid: format: decimal and thousands separators must differ (both ".") — and 2 more problems. (field format) — Compare with \`planroom profile show\` for the shape, and \`planroom profile schema\` for the columns.`,
      `  field files.${i}.columns.colour: locations has no column "colour"`,
      `  field files.${i}.values.type.SHOP: locations.type takes only plant, dc, not "store"`,
    ]);
    expect(sha256(db)).toBe(before);
  });

  it('flags an extraction time after the meeting or over a year before it, on its source', () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    for (const [source, at] of [
      ['wms', '2026-12-02T06:00:00.000Z'],
      ['tms', '2025-10-01T00:00:00.000Z'],
      ['crm', null],
    ] as const) {
      cpSync(join(DEMO, source), join(dir, source), { recursive: true });
      if (at) {
        const manifest = join(dir, source, 'manifest.json');
        writeFileSync(
          manifest,
          readFileSync(manifest, 'utf8').replace(/"extracted_at": "[^"]+"/, `"extracted_at": "${at}"`),
        );
      }
      const r = planroom(['import', '--source', source.toUpperCase(), join(dir, source), '--db', db]);
      expect(r.code, r.stderr).toBe(0);
    }
    const created = planroom([
      'cycle',
      'create',
      '--name',
      '2026-12 S&OP',
      '--meeting',
      '2026-12-01T09:00:00Z',
      '--db',
      db,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const shown = planroom(['cycle', '--db', db]);
    const warnings = shown.stdout.split('\n').filter((l) => l.startsWith('WARNING'));
    // In the order the cycle lists its sources.
    expect(warnings).toEqual([
      'WARNING TMS: Extracted 426 days before the meeting (2025-10-01T00:00:00.000Z), more than a year: an old export, or a wrong clock or manifest.json.',
      "WARNING WMS: Extracted 21 hours after the meeting (2026-12-02T06:00:00.000Z): check the source system's clock or the export's manifest.json.",
    ]);
    const json = JSON.parse(planroom(['cycle', '--json', '--db', db]).stdout) as {
      sources: { source: string; extractionWarning: string | null }[];
    };
    expect(json.sources.find((s) => s.source === 'CRM')?.extractionWarning).toBeNull();
  });
});
