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

export function insertDefaultAgenda(db: WriteDb, cycleId: number): void {
  const insert = db.prepare(
    'INSERT INTO agenda_items (cycle_id, position, title, function, owner_role, minutes) VALUES (?, ?, ?, ?, ?, ?)',
  );
  DEFAULT_AGENDA.forEach((a, i) => insert.run(cycleId, i + 1, a.title, a.function, a.owner_role, a.minutes));
}

export function listAgenda(db: ReadDb, cycleId: number): AgendaRow[] {
  return db
    .prepare(
      'SELECT id, position, title, function, owner_role, minutes FROM agenda_items WHERE cycle_id = ? ORDER BY position',
    )
    .all(cycleId) as AgendaRow[];
}
