// Field writes (migration 0012): every change of a decision's or a data issue's field, local or
// pulled from another laptop, with its hybrid logical clock and the heads it saw. The value in
// force and the conflicts are computed from them (shared/sync/fieldMerge.ts), never stored, so
// the same writes give the same state on every laptop. The clock is kept in sync_state ('hlc')
// and advanced in the caller's transaction.
import { mergeField, type FieldState, type FieldWrite } from '../../../shared/sync/fieldMerge';
import { receive, tick } from '../../../shared/sync/hlc';
import type { ReadDb, WriteDb } from '../types';
import { laptopId } from './sync';

export type Entity = 'decision' | 'data_issue';

/** A write as it travels in an outbox payload (value as a JSON value, not text). */
export interface WireWrite {
  entity: Entity;
  uid: string;
  field: string;
  value: unknown;
  hlc: string;
  bases: string[];
  laptopId: string;
  actor: string;
  at: string;
}

const lastHlc = (db: ReadDb): string | null =>
  (db.prepare("SELECT value FROM sync_state WHERE key = 'hlc'").get() as { value: string } | undefined)?.value ?? null;

const saveHlc = (db: WriteDb, hlc: string): void => {
  db.prepare(
    "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(hlc);
};

/** The clock of a local event at `at`. */
export function nextHlc(db: WriteDb, at: string): string {
  const hlc = tick(lastHlc(db), Date.parse(at), laptopId(db));
  saveHlc(db, hlc);
  return hlc;
}

/** Moves the clock past a pulled one, so a later local edit sorts after what it saw. */
export function seeHlc(db: WriteDb, remote: string, nowMs: number): void {
  saveHlc(db, receive(lastHlc(db), remote, nowMs, laptopId(db)));
}

interface Row {
  entity: Entity;
  entity_uid: string;
  field: string;
  hlc: string;
  laptop_id: string;
  value: string;
  bases: string;
  actor: string;
  at: string;
}

const toWrite = (r: Row): FieldWrite => ({
  hlc: r.hlc,
  value: r.value,
  bases: JSON.parse(r.bases) as string[],
  laptopId: r.laptop_id,
  actor: r.actor,
  at: r.at,
});

export function fieldState(db: ReadDb, entity: Entity, uid: string, field: string): FieldState {
  const rows = db
    .prepare('SELECT * FROM field_writes WHERE entity = ? AND entity_uid = ? AND field = ?')
    .all(entity, uid, field) as Row[];
  return mergeField(rows.map(toWrite));
}

/** Every field with a write of one entity, with its state. */
export function entityStates(db: ReadDb, entity: Entity, uid: string): Map<string, FieldState> {
  const rows = db.prepare('SELECT * FROM field_writes WHERE entity = ? AND entity_uid = ?').all(entity, uid) as Row[];
  return mergeGrouped(rows, (r) => r.field);
}

function mergeGrouped(rows: readonly Row[], key: (r: Row) => string): Map<string, FieldState> {
  const groups = new Map<string, FieldWrite[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(toWrite(r));
    else groups.set(k, [toWrite(r)]);
  }
  return new Map([...groups].map(([k, ws]) => [k, mergeField(ws)]));
}

/** One field of every entity with a write to it (a cycle's rank field), by entity uid. */
export function fieldStates(db: ReadDb, entity: Entity, field: string): Map<string, FieldState> {
  const rows = db.prepare('SELECT * FROM field_writes WHERE entity = ? AND field = ?').all(entity, field) as Row[];
  return mergeGrouped(rows, (r) => r.entity_uid);
}

/** Stores writes (a write already here is left as it is); returns how many are new. */
export function insertWrites(db: WriteDb, writes: readonly WireWrite[]): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO field_writes (entity, entity_uid, field, hlc, laptop_id, value, bases, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  for (const w of writes) {
    n += insert.run(
      w.entity,
      w.uid,
      w.field,
      w.hlc,
      w.laptopId,
      JSON.stringify(w.value ?? null),
      JSON.stringify(w.bases),
      w.actor,
      w.at,
    ).changes;
  }
  return n;
}

/**
 * A local edit of one field: it saw every current head (so editing a field in conflict resolves
 * it), stored now, returned for the outbox payload.
 */
export function writeLocal(
  db: WriteDb,
  w: { entity: Entity; uid: string; field: string; value: unknown; hlc: string; actor: string; at: string },
): WireWrite {
  const heads = fieldState(db, w.entity, w.uid, w.field).heads.map((h) => h.hlc);
  const wire: WireWrite = { ...w, value: w.value ?? null, bases: heads, laptopId: laptopId(db) };
  insertWrites(db, [wire]);
  return wire;
}

/** The value in force of a field, parsed; undefined when it has no write. */
export const winningValue = (s: FieldState): unknown => (s.winner ? JSON.parse(s.winner.value) : undefined);

export interface ConflictRow {
  entity: Entity;
  uid: string;
  field: string;
  state: FieldState;
}

/** Every field with 2+ heads of different values (rank fields never count: their order merges). */
export function listConflicts(db: ReadDb): ConflictRow[] {
  const rows = db
    .prepare(
      `SELECT w.* FROM field_writes w
         JOIN (SELECT entity, entity_uid, field FROM field_writes WHERE field NOT LIKE 'rank:%'
                GROUP BY entity, entity_uid, field HAVING count(*) > 1) g
           ON g.entity = w.entity AND g.entity_uid = w.entity_uid AND g.field = w.field
        ORDER BY w.entity, w.entity_uid, w.field`,
    )
    .all() as Row[];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.entity}\u0000${r.entity_uid}\u0000${r.field}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: ConflictRow[] = [];
  for (const g of groups.values()) {
    const state = mergeField(g.map(toWrite));
    if (state.candidates.length > 1)
      out.push({ entity: g[0]!.entity, uid: g[0]!.entity_uid, field: g[0]!.field, state });
  }
  return out;
}
