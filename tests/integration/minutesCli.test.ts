// `planroom minutes export` and `planroom scenario workbook` on the demo company: the file is
// written under its own name in the current folder (or --out), its path printed, and an existing
// file is never overwritten without --force.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planroom, ROOT } from '../helpers/cli';
import { openDemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('planroom minutes export', () => {
  const dir = tempDir('planroom-minutes-cli-', 'all');
  const db = join(dir, 'p.db');

  beforeAll(async () => {
    const api = await openDemoApi(dir);
    await api.call('decision.add', { title: 'Ship | split loads', owner: 'Logistics', due: '+1w', by: 'Facilitator' });
    await api.call('scenario.create', {
      name: 'Promo',
      owner: 'Sales',
      levers: [{ kind: 'demand_lift', percent: 5 }],
      by: 't',
    });
    await api.close();
  });

  it('writes the Markdown under its own name in the current folder and prints the path', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'planroom.cjs'), 'minutes', 'export', '--format', 'md', '--db', db],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PLANROOM_DB: '' },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const path = r.stdout.trim();
    expect(path).toBe(join(dir, 'minutes-2026-12-s-op-demo-company.md'));
    const md = readFileSync(path, 'utf8');
    expect(md).toMatch(/^# Minutes: 2026-12 S&OP/);
    expect(md).toContain('Ship \\| split loads');
  });

  it('refuses to overwrite without --force, and overwrites with it', () => {
    const out = join(dir, 'minutes.md');
    writeFileSync(out, 'keep me');
    const refused = planroom(['minutes', 'export', '--format', 'md', '--out', out, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists already.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = planroom(['minutes', 'export', '--format', 'md', '--out', out, '--force', '--db', db]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Minutes/);
  });

  it('asks for a format it knows', () => {
    const r = planroom(['minutes', 'export', '--format', 'docx', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format pdf\|xlsx\|md/);
  });

  it('writes the scenario workbook', () => {
    const out = join(dir, 'scenarios.xlsx');
    const r = planroom(['scenario', 'workbook', 'Promo', '--out', out, '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: out, fileName: 'scenarios-2026-12-s-op-demo-company.xlsx' });
    expect(existsSync(out)).toBe(true);
  });
});
