// First run: load the demo company shipped in assets/demo into an empty database, as one cycle
// with its pinned snapshot set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_SYSTEMS } from '../../shared/domain/canonical';
import type { CallContext } from '../../shared/dispatch';
import { currentCycle } from '../db/repos/cycles';
import type { WriteDb } from '../db/types';
import type { Manifest } from '../demo/generate';
import { demoDir } from '../paths';
import { importSource } from '../snapshots/importSource';
import { createCycle } from './cycles';

export const DEMO_CYCLE_NAME = 'Demo company';

/** Imports every source of a demo folder and creates its cycle; returns false if the db already has a cycle. */
export async function loadDemoCompany(db: WriteDb, dir: string = demoDir(), ctx: CallContext = {}): Promise<boolean> {
  if (currentCycle(db)) return false;
  for (const source of SOURCE_SYSTEMS) {
    await importSource(db, source, join(dir, source.toLowerCase()), {
      onProgress: (p) => ctx.progress?.({ label: `demo ${source} ${p.file}`, done: p.rows }),
    });
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'erp', 'manifest.json'), 'utf8')) as Manifest;
  const month = manifest.company.meeting_at.slice(0, 7);
  await createCycle(db, {
    name: `${month} S&OP (${DEMO_CYCLE_NAME.toLowerCase()})`,
    meetingAt: manifest.company.meeting_at,
    startPeriod: manifest.company.start_period,
    horizon: manifest.company.horizon,
  });
  return true;
}
