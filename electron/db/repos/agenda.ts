// The meeting agenda: time boxes per function, in order.
import type { ReadDb, WriteDb } from '../types';

export interface AgendaRow {
  id: number;
  position: number;
  title: string;
  function: string;
  owner_role: string;
  minutes: number;
}

// DOMAIN.md "The meeting": last cycle's decisions first, then each function's time box.
export const DEFAULT_AGENDA: readonly Omit<AgendaRow, 'id' | 'position'>[] = [
  {
    title: "Last cycle's decisions: done, and what they moved",
    function: 'review',
    owner_role: 'Facilitator',
    minutes: 10,
  },
  { title: 'Demand: forecast accuracy, demand shifts', function: 'demand', owner_role: 'Sales', minutes: 15 },
  { title: 'Supply: capacity and plan adherence', function: 'supply', owner_role: 'Operations', minutes: 15 },
  {
    title: 'Logistics: OTIF risk, lanes and freight cost',
    function: 'logistics',
    owner_role: 'Logistics',
    minutes: 10,
  },
  { title: 'Warehouse: stock below safety, turns', function: 'warehouse', owner_role: 'Warehouse', minutes: 10 },
  { title: 'Finance: revenue, margin, inventory value', function: 'finance', owner_role: 'Finance', minutes: 10 },
  {
    title: 'Executive decisions: choose scenarios, rank decisions',
    function: 'executive',
    owner_role: 'COO',
    minutes: 20,
  },
];

/**
 * The quarterly meeting: the same functions with longer time boxes, and a strategy item (the
 * portfolio and the capacity plan beyond the horizon) before the executive decisions.
 */
export const QUARTERLY_AGENDA: readonly Omit<AgendaRow, 'id' | 'position'>[] = [
  {
    title: "Last quarter's decisions: done, and what they moved",
    function: 'review',
    owner_role: 'Facilitator',
    minutes: 15,
  },
  { title: 'Demand: forecast accuracy, demand shifts', function: 'demand', owner_role: 'Sales', minutes: 20 },
  { title: 'Supply: capacity and plan adherence', function: 'supply', owner_role: 'Operations', minutes: 20 },
  {
    title: 'Logistics: OTIF risk, lanes and freight cost',
    function: 'logistics',
    owner_role: 'Logistics',
    minutes: 15,
  },
  { title: 'Warehouse: stock below safety, turns', function: 'warehouse', owner_role: 'Warehouse', minutes: 15 },
  { title: 'Finance: revenue, margin, inventory value', function: 'finance', owner_role: 'Finance', minutes: 15 },
  {
    title: 'Strategy: product portfolio and long-range capacity',
    function: 'executive',
    owner_role: 'CEO',
    minutes: 30,
  },
  {
    title: 'Executive decisions: choose scenarios, rank decisions',
    function: 'executive',
    owner_role: 'COO',
    minutes: 30,
  },
];

export function insertDefaultAgenda(db: WriteDb, cycleId: number): void {
  insertAgenda(db, cycleId, DEFAULT_AGENDA);
}

/** Appends the items at positions 1..n (the cycle's agenda must be empty). */
export function insertAgenda(db: WriteDb, cycleId: number, items: readonly Omit<AgendaRow, 'id' | 'position'>[]): void {
  const insert = db.prepare(
    'INSERT INTO agenda_items (cycle_id, position, title, function, owner_role, minutes) VALUES (?, ?, ?, ?, ?, ?)',
  );
  items.forEach((a, i) => insert.run(cycleId, i + 1, a.title, a.function, a.owner_role, a.minutes));
}

export function deleteAgenda(db: WriteDb, cycleId: number): void {
  db.prepare('DELETE FROM agenda_items WHERE cycle_id = ?').run(cycleId);
}

/** One item of a saved agenda: `id` keeps an item, none adds one. */
export type AgendaDraftRow = Omit<AgendaRow, 'id'> & { id?: number };

/**
 * Replaces the cycle's agenda with `items` (validated by the caller): kept items are updated in
 * place (their actual minutes stay), the others deleted, new ones inserted.
 */
export function saveAgendaRows(db: WriteDb, cycleId: number, items: readonly AgendaDraftRow[]): void {
  const kept = new Set(items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
  for (const row of listAgenda(db, cycleId)) {
    if (!kept.has(row.id)) db.prepare('DELETE FROM agenda_items WHERE id = ?').run(row.id);
  }
  // UNIQUE (cycle_id, position) holds after every statement: move the kept items out of the
  // way first, then set each position.
  db.prepare('UPDATE agenda_items SET position = position + 100000 WHERE cycle_id = ?').run(cycleId);
  const update = db.prepare(
    'UPDATE agenda_items SET position = ?, title = ?, function = ?, owner_role = ?, minutes = ? WHERE id = ? AND cycle_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO agenda_items (cycle_id, position, title, function, owner_role, minutes) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const i of items) {
    if (i.id === undefined) insert.run(cycleId, i.position, i.title, i.function, i.owner_role, i.minutes);
    else update.run(i.position, i.title, i.function, i.owner_role, i.minutes, i.id, cycleId);
  }
}

export function listAgenda(db: ReadDb, cycleId: number): AgendaRow[] {
  return db
    .prepare(
      'SELECT id, position, title, function, owner_role, minutes FROM agenda_items WHERE cycle_id = ? ORDER BY position',
    )
    .all(cycleId) as AgendaRow[];
}
