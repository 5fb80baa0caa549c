// A cycle's scenarios: name, owner, assumptions and levers (JSON, validated by the service before
// it gets here), the outcome last computed for each, and the append-only log of changes.
import { AppError } from '../../../shared/domain/errors';
import type { LeverT } from '../../../shared/planning/levers';
import { nowIso, type ReadDb, type WriteDb } from '../types';
import { writeTx } from '../writeTx';

export interface ScenarioRow {
  id: number;
  cycle_id: number;
  name: string;
  owner: string;
  assumptions: string;
  levers: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  /** The decision that chose it, if any. */
  decision_id: number | null;
  decision_uid: string | null;
  decision_title: string | null;
  decision_status: string | null;
  decision_owner: string | null;
  decision_recorded_by: string | null;
  decision_recorded_at: string | null;
}

export interface OutcomeRow {
  scenario_id: number;
  input_key: string;
  outcome: string;
  baseline_outcome: string;
  resolved_keys: string;
  compute_ms: number;
  incremental: number;
  computed_at: string;
}

const SELECT = `
  SELECT s.*, d.id AS decision_id, d.uid AS decision_uid, d.title AS decision_title, d.status AS decision_status,
         d.owner AS decision_owner, d.recorded_by AS decision_recorded_by, d.recorded_at AS decision_recorded_at
  FROM scenarios s
  LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE scenario_id = s.id AND status <> 'dropped')`;

export function listScenarios(db: ReadDb, cycleId: number): ScenarioRow[] {
  return db.prepare(`${SELECT} WHERE s.cycle_id = ? ORDER BY s.id`).all(cycleId) as ScenarioRow[];
}

export function getScenario(db: ReadDb, id: number): ScenarioRow | undefined {
  return db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as ScenarioRow | undefined;
}

export interface ScenarioFields {
  name: string;
  owner: string;
  assumptions: string;
  levers: LeverT[];
}

/** A name already used in the cycle is a conflict the user can fix, not a constraint error. */
function nameFree(db: ReadDb, cycleId: number, name: string, except = -1): void {
  const taken = db
    .prepare('SELECT 1 FROM scenarios WHERE cycle_id = ? AND name = ? AND id <> ?')
    .get(cycleId, name, except);
  if (taken) {
    throw new AppError('conflict', `The cycle already has a scenario named "${name}".`, {
      where: { field: 'name', value: name },
      hint: 'Scenarios of a cycle are told apart by name; pick another one.',
    });
  }
}

export function insertScenario(
  db: WriteDb,
  cycleId: number,
  f: ScenarioFields,
  by: string,
  action: 'create' | 'duplicate',
): number {
  const at = nowIso();
  return writeTx(db, 'scenario', () => {
    nameFree(db, cycleId, f.name);
    const id = Number(
      db
        .prepare(
          `INSERT INTO scenarios (cycle_id, name, owner, assumptions, levers, created_at, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(cycleId, f.name, f.owner, f.assumptions, JSON.stringify(f.levers), at, at, by).lastInsertRowid,
    );
    logScenario(db, id, cycleId, action, f, by, at);
    return id;
  });
}

export function updateScenario(db: WriteDb, row: ScenarioRow, f: ScenarioFields, by: string): void {
  const at = nowIso();
  writeTx(db, 'scenario', () => {
    nameFree(db, row.cycle_id, f.name, row.id);
    db.prepare(
      `UPDATE scenarios SET name = ?, owner = ?, assumptions = ?, levers = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(f.name, f.owner, f.assumptions, JSON.stringify(f.levers), at, by, row.id);
    logScenario(db, row.id, row.cycle_id, 'update', f, by, at);
  });
}

export function deleteScenario(db: WriteDb, row: ScenarioRow, by: string): void {
  writeTx(db, 'scenario', () => {
    db.prepare('DELETE FROM scenarios WHERE id = ?').run(row.id);
    logScenario(db, row.id, row.cycle_id, 'delete', { name: row.name }, by, nowIso());
  });
}

export function logScenario(
  db: WriteDb,
  scenarioId: number,
  cycleId: number,
  action: 'create' | 'update' | 'duplicate' | 'delete' | 'choose',
  payload: unknown,
  by: string,
  at: string,
): void {
  db.prepare(
    'INSERT INTO scenario_log (scenario_id, cycle_id, action, payload, actor, at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(scenarioId, cycleId, action, JSON.stringify(payload), by, at);
}

export function getOutcome(db: ReadDb, scenarioId: number): OutcomeRow | undefined {
  return db.prepare('SELECT * FROM scenario_outcomes WHERE scenario_id = ?').get(scenarioId) as OutcomeRow | undefined;
}

export function saveOutcome(db: WriteDb, row: OutcomeRow): void {
  db.prepare(
    `INSERT INTO scenario_outcomes (scenario_id, input_key, outcome, baseline_outcome, resolved_keys, compute_ms,
       incremental, computed_at) VALUES (@scenario_id, @input_key, @outcome, @baseline_outcome, @resolved_keys,
       @compute_ms, @incremental, @computed_at)
     ON CONFLICT (scenario_id) DO UPDATE SET input_key = excluded.input_key, outcome = excluded.outcome,
       baseline_outcome = excluded.baseline_outcome, resolved_keys = excluded.resolved_keys,
       compute_ms = excluded.compute_ms, incremental = excluded.incremental, computed_at = excluded.computed_at`,
  ).run(row);
}
