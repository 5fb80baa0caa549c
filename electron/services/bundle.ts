// bundle.export: the app's "Export a cycle bundle" button. The same export as `planroom bundle
// export` (electron/bundle/), written to a private temporary folder and handed back as a file
// (FileOut, base64) for the browser to save. Sized for the cycles a download carries well; a
// bigger one is refused with the command to run instead, which writes the file directly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import { exportBundle } from '../bundle/exportBundle';
import { getCycle } from '../db/repos/cycles';
import { fileSlug } from '../exports/table';
import { cycleIdOrCurrent } from './cycles';
import { kpiList, type PlanningContext } from './planning';

/** The demo company S cycle is about 3 MB, M about 38 MB: past this, base64 in one answer is the wrong way to move it. */
export const MAX_DOWNLOAD_BYTES = 16 * 1024 * 1024;

export const BUNDLE_MIME = 'application/vnd.sqlite3';

export async function bundleExportFile(
  ctx: PlanningContext,
  input: ApiInput<'bundle.export'>,
  maxBytes = MAX_DOWNLOAD_BYTES,
): Promise<ApiOutput<'bundle.export'>> {
  const cycleId = cycleIdOrCurrent(ctx.read, input.cycleId);
  // Computed and stored first (and the previous cycle's KPIs, for the trends): the bundle opens on results.
  await kpiList(ctx, { cycleId, offset: 0, limit: 1 });
  const cycle = getCycle(ctx.read, cycleId)!;
  const fileName = `${fileSlug(cycle.name, `cycle-${cycleId}`)}.planroom`;
  const dir = mkdtempSync(join(tmpdir(), 'planroom-bundle-download-'));
  try {
    const out = join(dir, fileName);
    const summary = await exportBundle(ctx.read, cycleId, out);
    if (summary.bytes > maxBytes) {
      throw new AppError(
        'invalid_input',
        `This cycle's bundle is ${(summary.bytes / 1048576).toFixed(0)} MB, too big to download here (at most ${(maxBytes / 1048576).toFixed(0)} MB).`,
        { hint: `Run \`planroom bundle export --cycle ${cycleId} --out ${fileName}\` on this laptop instead.` },
      );
    }
    return { fileName, mime: BUNDLE_MIME, encoding: 'base64', content: readFileSync(out).toString('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
