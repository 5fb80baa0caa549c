// Pulls a source system from its connection into one snapshot (issue 18 item 3). Not built yet:
// the helper building it replaces this file.
import type { ImportResult } from '../snapshots/importSource';
import type { ImportProgress } from '../snapshots/importSource';
import type { SourceConnectionRow } from '../db/repos/sourceConnections';
import type { WriteDb } from '../db/types';
import type { SecretStore } from '../secrets/secretStore';
import { AppError } from '../../shared/domain/errors';

export interface PullOptions {
  secrets: SecretStore;
  onProgress?: (p: ImportProgress) => void;
}

/** One snapshot from the connection, all or nothing; the outcome is recorded on the connection. */
export function pullSource(db: WriteDb, conn: SourceConnectionRow, opts: PullOptions): Promise<ImportResult> {
  void db;
  void opts;
  return Promise.reject(new AppError('import_failed', `Pulling ${conn.source} is not built yet.`));
}
