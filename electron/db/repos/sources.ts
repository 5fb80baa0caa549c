// Source systems (ERP, TMS, WMS, CRM...) and their freshness limits.
import type { ReadDb, WriteDb } from '../types';
import { nowIso } from '../types';

export interface SourceRow {
  id: string;
  name: string;
  system: string;
  owner_role: string;
  freshness_limit_hours: number;
}

export function ensureSource(db: WriteDb, id: string, ownerRole: string): void {
  db.prepare(
    `INSERT INTO sources (id, name, system, owner_role, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(id, id, id.toLowerCase(), ownerRole, nowIso());
}

export function listSources(db: ReadDb): SourceRow[] {
  return db
    .prepare('SELECT id, name, system, owner_role, freshness_limit_hours FROM sources ORDER BY id')
    .all() as SourceRow[];
}
