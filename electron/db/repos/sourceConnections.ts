// Source connections in SQLite (migration 0014): settings (never a secret), schedule, and the
// last pull's outcome.
import { SourceConnection, PullOutcome, type PullOutcome as PullOutcomeT } from '../../../shared/calls/sources';
import type { SourceSystem } from '../../../shared/domain/canonical';
import type { ReadDb, WriteDb } from '../types';
import { nowIso } from '../types';

export interface SourceConnectionRow {
  source: SourceSystem;
  connection: SourceConnection;
  schedule: string | null;
  updatedAt: string;
  lastPull: PullOutcomeT | null;
  lastGoodPullAt: string | null;
}

interface Row {
  source: SourceSystem;
  settings: string;
  schedule: string | null;
  updated_at: string;
  last_pull: string | null;
  last_good_pull_at: string | null;
}

const toRow = (r: Row): SourceConnectionRow => ({
  source: r.source,
  connection: SourceConnection.parse(JSON.parse(r.settings)),
  schedule: r.schedule,
  updatedAt: r.updated_at,
  lastPull: r.last_pull === null ? null : PullOutcome.parse(JSON.parse(r.last_pull)),
  lastGoodPullAt: r.last_good_pull_at,
});

export function listConnections(db: ReadDb): SourceConnectionRow[] {
  return (db.prepare('SELECT * FROM source_connections ORDER BY source').all() as Row[]).map(toRow);
}

export function getConnection(db: ReadDb, source: SourceSystem): SourceConnectionRow | undefined {
  const r = db.prepare('SELECT * FROM source_connections WHERE source = ?').get(source) as Row | undefined;
  return r && toRow(r);
}

/** Sets a source's connection and schedule; a changed kind or place keeps the last pull shown. */
export function saveConnection(
  db: WriteDb,
  source: SourceSystem,
  connection: SourceConnection,
  schedule: string | null,
): void {
  db.prepare(
    `INSERT INTO source_connections (source, kind, settings, schedule, updated_at)
     VALUES (@source, @kind, @settings, @schedule, @at)
     ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, settings = excluded.settings,
       schedule = excluded.schedule, updated_at = excluded.updated_at`,
  ).run({ source, kind: connection.kind, settings: JSON.stringify(connection), schedule, at: nowIso() });
}

export function deleteConnection(db: WriteDb, source: SourceSystem): boolean {
  return db.prepare('DELETE FROM source_connections WHERE source = ?').run(source).changes > 0;
}

/** Records a pull's outcome; a good one also moves the modified-since mark to when it started. */
export function recordPull(db: WriteDb, source: SourceSystem, outcome: PullOutcomeT, startedAt: string): void {
  db.prepare(
    `UPDATE source_connections SET last_pull = @pull,
       last_good_pull_at = CASE WHEN @ok THEN @started ELSE last_good_pull_at END
     WHERE source = @source`,
  ).run({ source, pull: JSON.stringify(outcome), ok: outcome.ok ? 1 : 0, started: startedAt });
}
