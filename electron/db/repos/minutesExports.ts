// A minutes export leaves a trace: one outbox entry for the hub (kind minutes_export) saying which
// cycle's minutes were exported, in which format and file, its size and SHA-256, when and by
// whom. Written after the file is made, in one short transaction of its own: a PDF takes seconds
// to print and no write transaction is held meanwhile; a refused export writes nothing.
import type { WriteDb } from '../types';
import { writeTx } from '../writeTx';
import { enqueue } from './outbox';

export interface MinutesExportEntry {
  cycleId: number;
  cycleName: string;
  format: 'md' | 'xlsx' | 'pdf';
  fileName: string;
  bytes: number;
  sha256: string;
  exportedAt: string;
  by: string | null;
}

export function recordMinutesExport(db: WriteDb, e: MinutesExportEntry): void {
  // Keyed by what was exported and when (to the millisecond, as the minutes print it): another
  // export of the same cycle is another entry, a retried delivery of this one is not.
  writeTx(db, 'minutes-export', () => enqueue(db, 'minutes_export', [e.cycleId, e.sha256, e.exportedAt], e));
}
