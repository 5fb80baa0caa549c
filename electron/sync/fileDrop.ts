// File drop (issue 17 item 4): for systems without an API, the decision log and the data issues
// as CSV and XLSX files in a folder they read. A run that finds entries the target has not yet
// delivered reads the whole state once (one read transaction, so the files agree with each other
// and with the entries they are marked as covering), writes each file atomically (temp file,
// fsync, rename: a reader never sees half a file) and marks those entries delivered. A run with
// nothing new writes nothing. The files are always the whole log, so any entry is "delivered" by
// the next rewrite, whichever it was.
import { join } from 'node:path';
import type { FileDropConfigT } from '../../shared/calls/sync';
import { crashPoint } from '../db/crashPoints';
import { markDeliveries, pendingFor } from '../db/repos/deliveries';
import type { ReadDb } from '../db/types';
import { tableCsv } from '../exports/tableCsv';
import type { Table } from '../exports/table';
import { partsWorkbook } from '../exports/xlsxWrite';
import { atomicWrite, removeStaleTemps } from '../fs/atomicWrite';
import { dataIssueTable, decisionTable } from './dropTables';
import { dropFolderError } from './dropFolder';
import type { TargetDeliveryDeps, TargetRunResult } from './targetDelivery';
import { FILE_DROP_KINDS } from './targets';

/** The files' names, without the extension: fixed, so the reading system knows what to pick up. */
export const DROP_FILES = { decisions: 'planroom-decisions', dataIssues: 'planroom-data-issues' } as const;

/**
 * Entries marked per run. A larger backlog is marked over the next runs, each rewriting the
 * files (they cover every entry anyway); it keeps one run's memory bounded.
 */
const MAX_MARKED = 20_000;

interface DropState {
  outboxIds: number[];
  decisions: Table;
  dataIssues: Table;
}

/** What the files hold and which entries they cover, read on one snapshot of the database. */
function readState(read: ReadDb, target: string): DropState | null {
  return read.transaction(() => {
    const kinds = JSON.stringify(FILE_DROP_KINDS);
    const { maxId } = read
      .prepare('SELECT max(id) AS maxId FROM outbox WHERE kind IN (SELECT value FROM json_each(?))')
      .get(kinds) as { maxId: number | null };
    if (maxId === null) return null;
    const ids = pendingFor(read, target, FILE_DROP_KINDS, MAX_MARKED)
      .map((e) => e.id)
      .filter((id) => id <= maxId);
    if (ids.length === 0) return null;
    return { outboxIds: ids, decisions: decisionTable(read), dataIssues: dataIssueTable(read) };
  })();
}

async function fileBytes(format: 'csv' | 'xlsx', title: string, table: Table, created: Date) {
  return format === 'csv' ? tableCsv(table) : partsWorkbook([{ title, tables: [table] }], { title, created });
}

export async function dropFiles(
  deps: TargetDeliveryDeps,
  target: string,
  cfg: FileDropConfigT,
): Promise<TargetRunResult> {
  const state = readState(deps.read, target);
  if (!state) return { pushed: 0, failed: 0 };
  const formats = [...new Set(cfg.formats)];
  const files = [
    { name: DROP_FILES.decisions, title: 'Decisions', table: state.decisions },
    { name: DROP_FILES.dataIssues, title: 'Data issues', table: state.dataIssues },
  ].flatMap((f) => formats.map((format) => ({ ...f, format, path: join(cfg.folder, `${f.name}.${format}`) })));
  const created = new Date(deps.now());
  try {
    // A writer killed before its rename left a temp file; it is never read, and removed here.
    await removeStaleTemps(
      cfg.folder,
      files.map((f) => f.path),
    );
    for (const f of files) {
      const bytes = await fileBytes(f.format, f.title, f.table, created);
      await atomicWrite(f.path, bytes, { beforeRename: () => crashPoint('file-drop', 'before-rename') });
    }
  } catch (e) {
    throw dropFolderError(cfg.folder, e);
  }
  const at = deps.now();
  await deps.writes.run(() =>
    markDeliveries(
      deps.db,
      target,
      state.outboxIds.map((outboxId) => ({ outboxId, state: 'delivered' as const })),
      at,
    ),
  );
  return { pushed: state.outboxIds.length, failed: 0 };
}
