// The engine's settings and the KPI definitions: validated by the zod schemas of
// shared/planning/settings.ts on the way in, every change logged in settings_log.
import type { ApiOutput } from '../../../shared/api';
import { AppError } from '../../../shared/domain/errors';
import { parseOrThrow } from '../../../shared/domain/validate';
import {
  DEFAULT_SETTINGS,
  KpiDefinition,
  PlanningSettings,
  type KpiDefinitionT,
  type KpiId,
} from '../../../shared/planning/settings';
import { nowIso, type ReadDb, type WriteDb } from '../types';
import { writeTx } from '../writeTx';

export type StoredSettings = ApiOutput<'planning.settings'>;

export function getPlanningSettings(db: ReadDb): StoredSettings {
  const row = db.prepare('SELECT settings, updated_by, updated_at FROM planning_settings WHERE id = 1').get() as
    { settings: string; updated_by: string; updated_at: string } | undefined;
  if (!row) return { settings: DEFAULT_SETTINGS, updatedBy: null, updatedAt: null };
  return {
    settings: PlanningSettings.parse(JSON.parse(row.settings)),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function savePlanningSettings(db: WriteDb, input: unknown, by: string): StoredSettings {
  const settings = parseOrThrow(PlanningSettings, input, 'The planning settings are');
  const at = nowIso();
  writeTx(db, 'settings', () => {
    db.prepare(
      `INSERT INTO planning_settings (id, settings, updated_by, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
    ).run(JSON.stringify(settings), by, at);
    logChange(db, 'planning', settings, by, at);
  });
  return { settings, updatedBy: by, updatedAt: at };
}

interface KpiRow {
  id: string;
  name: string;
  definition: string;
  owner_role: string;
  triggers: string;
  playbook: string;
  updated_at: string;
  updated_by: string | null;
}

export type StoredKpiDefinition = KpiDefinitionT & { updatedBy: string | null; updatedAt: string };

export function listKpiDefinitions(db: ReadDb): StoredKpiDefinition[] {
  const rows = db.prepare('SELECT * FROM kpi_definitions ORDER BY rowid').all() as KpiRow[];
  return rows.map((r) => ({
    ...KpiDefinition.parse({
      id: r.id,
      name: r.name,
      definition: r.definition,
      ownerRole: r.owner_role,
      triggers: JSON.parse(r.triggers) as unknown,
      playbook: r.playbook,
    }),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** Owner role, triggers and playbook are settings; the id, name and definition are not. */
export function saveKpiDefinition(db: WriteDb, id: KpiId, input: unknown, by: string): StoredKpiDefinition {
  const current = listKpiDefinitions(db).find((d) => d.id === id);
  if (!current) throw new AppError('not_found', `No KPI "${id}".`);
  const patch = Object.fromEntries(
    Object.entries(typeof input === 'object' && input !== null ? input : {}).filter(([, v]) => v !== undefined),
  );
  const def = parseOrThrow(
    KpiDefinition,
    { ...current, ...patch, id, name: current.name, definition: current.definition },
    `KPI ${id} is`,
  );
  const at = nowIso();
  writeTx(db, 'settings', () => {
    db.prepare(
      'UPDATE kpi_definitions SET owner_role = ?, triggers = ?, playbook = ?, updated_by = ?, updated_at = ? WHERE id = ?',
    ).run(def.ownerRole, JSON.stringify(def.triggers), def.playbook, by, at, id);
    logChange(db, id, { ownerRole: def.ownerRole, triggers: def.triggers, playbook: def.playbook }, by, at);
  });
  return { ...def, updatedBy: by, updatedAt: at };
}

function logChange(db: WriteDb, subject: string, value: unknown, by: string, at: string): void {
  db.prepare('INSERT INTO settings_log (subject, value, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(
    subject,
    JSON.stringify(value),
    by,
    at,
  );
}

/** `what` names the subject with its verb: "The planning settings are", "KPI otif is". */
