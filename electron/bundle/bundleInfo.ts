// What a bundle says about itself: a row of sync_state written by the export (the cycle, when,
// from which laptop, at which schema). An import keeps it, so a database always tells whether it
// began as a bundle and whose.
import { z } from 'zod';
import type { ReadDb } from '../db/types';

export const BUNDLE_KEY = 'bundle';
/** Written by the import: the laptop this copy replaced as the sender of the outbox it carried. */
export const IMPORTED_KEY = 'bundle_import';

export const BundleInfoSchema = z.object({
  cycleId: z.number().int(),
  cycleName: z.string(),
  exportedAt: z.string(),
  /** The laptop id of the database it was exported from. */
  exportedBy: z.string(),
  schema: z.number().int(),
});
export type BundleInfo = z.infer<typeof BundleInfoSchema>;

/** The bundle's own description, or null for a database that is not a bundle (a backup, say). */
export function readBundleInfo(db: ReadDb): BundleInfo | null {
  const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(BUNDLE_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = BundleInfoSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
