// Cuts a copy of the database down to one cycle (a traveller's bundle). It reads the schema's
// foreign keys rather than a list of tables, so tables a later migration adds are pruned with
// their parents: a row whose parent went is deleted (or, for an optional reference, set NULL).
//
// What stays:
// - the cycle, in full: every row of every table that belongs to it by a cycle_id column;
// - its previous cycle, in part: its KPI values (the trend beside each KPI) and its decision list
//   (the follow-up of last cycle's decisions in agenda item 1); nothing else of it;
// - the decisions those two cycles list, with their whole history, wherever they were recorded,
//   and what they show: the scenario one chose, the exceptions one answers (in an earlier cycle);
// - the snapshots the cycle pins, with their rows; other snapshots go (a pin-log entry that names
//   one keeps its other side, or goes when it needs the missing one);
// - the cycle rows other kept rows name (the cycle a decision was recorded in, an exception's
//   first-seen cycle): the row only, closed, so the bundle's current cycle is the bundled one;
// - tables not tied to a cycle or a snapshot as they are (sources, profiles, KPI definitions,
//   settings, the outbox and the sync state).
import type Database from 'better-sqlite3';
import { danglingWhere, foreignKeys, quoteName as q, type ForeignKey } from './schemaGraph';

/** The previous cycle's tables the bundled cycle reads (see above); the rest of it is left out. */
const PREVIOUS_CYCLE_TABLES = new Set(['kpi_values', 'cycle_decisions']);

/** Tables whose cycle_id names where a row came from, not what owns it (pruned by their links). */
const NOT_OWNED_BY_CYCLE = new Set(['decisions']);

/**
 * A link the schema does not declare as a foreign key, kept like one: a kept decision's answered
 * exceptions (decision_exceptions -> exceptions by cycle and key) stay with their details.
 */
const UNDECLARED_LINKS: readonly { table: string; from: string[]; parent: string; to: string[] }[] = [
  { table: 'decision_exceptions', from: ['cycle_id', 'exception_key'], parent: 'exceptions', to: ['cycle_id', 'key'] },
];

/** The fixed-point loop ends long before this; more rounds would mean a cycle in the schema. */
const MAX_ROUNDS = 50;

/**
 * Prunes `db` (a copy: foreign keys are switched off while rows go, checked at the end) to cycle
 * `cycleId`. Triggers are set aside meanwhile: decision_events refuses every DELETE, which is
 * right for a laptop's log and wrong for leaving another cycle's history out of a bundle.
 */
export function pruneToCycle(db: Database.Database, cycleId: number): void {
  db.pragma('foreign_keys = OFF');
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER ${q(t.name)}`);
    pruneRows(db, cycleId);
    for (const t of triggers) db.exec(t.sql);
  })();
  const left = db.pragma('foreign_key_check') as unknown[];
  if (left.length > 0) throw new Error(`pruning left ${left.length} dangling references`);
  db.pragma('foreign_keys = ON');
}

function pruneRows(db: Database.Database, cycleId: number): void {
  const fks = foreignKeys(db);
  const previous = (
    db.prepare('SELECT previous_cycle_id AS p FROM cycles WHERE id = ?').get(cycleId) as { p: number | null }
  ).p;
  const full = [cycleId];
  const withPrevious = previous === null ? full : [cycleId, previous];

  // 1. Rows owned by other cycles, except what a kept decision needs: its own rows (answered
  // exceptions, expectations) and the rows it points at (the scenario it chose), wherever they are.
  db.exec('CREATE TEMP TABLE kept_decisions (id INTEGER PRIMARY KEY)');
  db.prepare(
    'INSERT OR IGNORE INTO kept_decisions SELECT decision_id FROM cycle_decisions WHERE cycle_id IN (SELECT value FROM json_each(?))',
  ).run(JSON.stringify(withPrevious));
  const owned = fks
    .filter((fk) => fk.parent === 'cycles' && fk.from.length === 1 && fk.from[0] === 'cycle_id')
    .map((fk) => fk.table)
    .filter((t) => t !== 'cycles' && !NOT_OWNED_BY_CYCLE.has(t));
  // A decision's own rows first, so the rows they point at are still there to be kept.
  const isDecisionChild = (t: string) => fks.some((fk) => fk.table === t && fk.parent === 'decisions');
  for (const table of [...owned.filter(isDecisionChild), ...owned.filter((t) => !isDecisionChild(t))]) {
    const keep = PREVIOUS_CYCLE_TABLES.has(table) ? withPrevious : full;
    const spared = [
      ...fks
        .filter((fk) => fk.table === table && fk.parent === 'decisions')
        .map((fk) => `${q(fk.from[0]!)} IN (SELECT id FROM kept_decisions)`),
      ...fks
        .filter((fk) => fk.table === 'decisions' && fk.parent === table)
        .map(
          (fk) =>
            `EXISTS (SELECT 1 FROM decisions d JOIN kept_decisions k ON k.id = d.id WHERE ${fk.from
              .map((c, i) => `d.${q(c)} = t.${q(fk.to[i]!)}`)
              .join(' AND ')})`,
        ),
      ...UNDECLARED_LINKS.filter((l) => l.parent === table).map(
        (l) =>
          `EXISTS (SELECT 1 FROM ${q(l.table)} x WHERE ${l.from.map((c, i) => `x.${q(c)} = t.${q(l.to[i]!)}`).join(' AND ')})`,
      ),
    ];
    const unless = spared.length > 0 ? ` AND NOT (${spared.join(' OR ')})` : '';
    db.prepare(`DELETE FROM ${q(table)} AS t WHERE cycle_id NOT IN (SELECT value FROM json_each(?))${unless}`).run(
      JSON.stringify(keep),
    );
  }
  // 2. Decisions no kept cycle lists.
  db.exec('DELETE FROM decisions WHERE id NOT IN (SELECT id FROM kept_decisions)');
  db.exec('DROP TABLE temp.kept_decisions');
  // 3. Snapshots the cycle does not pin; then whatever points at a row that went (their rows, the
  // history of the decisions that went), until nothing does.
  db.exec('DELETE FROM snapshots WHERE id NOT IN (SELECT snapshot_id FROM cycle_snapshots)');
  settleDangling(db, fks);
  // 4. Cycles nothing kept names.
  const named = new Set<number>(withPrevious);
  for (const fk of fks) {
    if (fk.parent !== 'cycles' || fk.table === 'cycles' || fk.from.length !== 1) continue;
    const col = q(fk.from[0]!);
    for (const r of db.prepare(`SELECT DISTINCT ${col} AS id FROM ${q(fk.table)} WHERE ${col} IS NOT NULL`).all() as {
      id: number;
    }[])
      named.add(r.id);
  }
  db.prepare('DELETE FROM cycles WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify([...named]));
  db.prepare("UPDATE cycles SET status = 'closed' WHERE id <> ?").run(cycleId);
  pruneSyncLog(db, cycleId);
  settleDangling(db, fks);
}

/**
 * 5. The sync log keeps only what concerns the rows that stayed: the outbox entries and field
 * writes of the kept decisions and data issues, the bundled cycle's reviews and exports. Pulled
 * hub events go (the import resets the pull cursor, so the traveller pulls them again and the
 * merge skips what it holds). No other cycle's titles travel in the bundle.
 */
function pruneSyncLog(db: Database.Database, cycleId: number): void {
  db.exec('DELETE FROM hub_events');
  db.exec(
    `DELETE FROM field_writes WHERE
       (entity = 'decision' AND entity_uid NOT IN (SELECT uid FROM decisions))
       OR (entity = 'data_issue' AND entity_uid NOT IN
             (SELECT c.uid || ':' || i.fingerprint FROM data_issues i JOIN cycles c ON c.id = i.cycle_id))`,
  );
  db.prepare(
    `DELETE FROM outbox WHERE CASE kind
       WHEN 'decision_event' THEN coalesce(json_extract(payload, '$.uid') NOT IN (SELECT uid FROM decisions), 1)
       WHEN 'data_issue_change' THEN coalesce(json_extract(payload, '$.issue.cycle_id') <> @cycle, 1)
       WHEN 'minutes_export' THEN coalesce(json_extract(payload, '$.cycleId') <> @cycle, 1)
       WHEN 'exception_review' THEN coalesce(json_extract(payload, '$.cycle') <> (SELECT name FROM cycles WHERE id = @cycle), 1)
       ELSE 1 END`,
  ).run({ cycle: cycleId });
}

/** Deletes child rows whose parent is gone (or clears an optional reference), to a fixed point. */
function settleDangling(db: Database.Database, fks: ForeignKey[]): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = 0;
    for (const fk of fks) {
      const where = danglingWhere(fk);
      const clear = fk.nullable && fk.onDelete !== 'CASCADE';
      const sql = clear
        ? `UPDATE ${q(fk.table)} AS c SET ${fk.from.map((c) => `${q(c)} = NULL`).join(', ')} WHERE ${where}`
        : `DELETE FROM ${q(fk.table)} AS c WHERE ${where}`;
      changed += db.prepare(sql).run().changes;
    }
    if (changed === 0) return;
  }
  throw new Error('pruning did not settle: the foreign keys form a loop');
}
