// A dry run of an import (`planroom import --check`, "Validate" on the Data page): the whole
// import, every file read, mapped and checked as for real, into a scratch database in the
// temporary folder that is deleted afterwards. The user's database is only read (the stored
// profile), never locked or written, so a check can run while another import does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiOutput } from '../../shared/api';
import type { SourceSystem } from '../../shared/domain/canonical';
import { AppError } from '../../shared/domain/errors';
import type { SourceProfile } from '../../shared/domain/profile';
import { openDatabase } from '../db/open';
import { importSource, type ImportOptions } from './importSource';

export async function checkImport(
  source: SourceSystem,
  dir: string,
  profile: SourceProfile,
  opts: Pick<ImportOptions, 'onProgress' | 'skipBadRows'> = {},
): Promise<ApiOutput<'snapshot.check'>> {
  const scratch = mkdtempSync(join(tmpdir(), 'planroom-check-'));
  const db = openDatabase(join(scratch, 'check.db'));
  try {
    const r = await importSource(db, source, dir, { ...opts, profile });
    return {
      source,
      passed: true,
      rowCount: r.rowCount,
      rowCounts: r.rowCounts,
      rejectedCount: r.rejectedCount,
      extractedAt: r.extractedAt,
      files: r.files,
      problem: null,
    };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return {
      source,
      passed: false,
      rowCount: 0,
      rowCounts: {},
      rejectedCount: 0,
      extractedAt: null,
      files: [],
      problem: e.toShape(),
    };
  } finally {
    db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
