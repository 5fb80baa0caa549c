// What a file drop writes: the decision log (every cycle's listing, in rank order) and the data
// issues, as two tables (exports/table.ts) with a stable column order and snake_case headers that
// the README documents for whoever reads the files. Dates and times are ISO text as stored;
// ranks, ids and expected values are numbers. Read on the caller's one read transaction.
import { KPI_AIM } from '../../shared/planning/decisionAim';
import { figureById } from '../../shared/planning/figures';
import type { KpiId } from '../../shared/planning/settings';
import { listCycles, type CycleRow } from '../db/repos/cycles';
import { listIssues } from '../db/repos/dataIssues';
import { listCycleDecisions } from '../db/repos/decisions';
import type { ReadDb } from '../db/types';
import { num, type Cell, type Column, type Table } from '../exports/table';

/** An empty cell stays empty in a file read by a program ("no data" would read as a value). */
const col = (label: string, width = 14): Column => ({ label, width, missing: '' });

export const DECISION_COLUMNS: Column[] = [
  col('cycle', 16),
  col('rank', 6),
  col('uid', 38),
  col('title', 44),
  col('owner', 16),
  col('due_date', 12),
  col('status', 12),
  col('function', 12),
  col('kpi', 16),
  col('expected_value', 14),
  col('scenario', 18),
  col('recorded_by', 16),
  col('recorded_at', 26),
  col('updated_at', 26),
];

export const DATA_ISSUE_COLUMNS: Column[] = [
  col('id', 8),
  col('cycle', 16),
  col('kind', 20),
  col('source', 10),
  col('summary', 60),
  col('owner_role', 12),
  col('assignee', 14),
  col('deadline', 12),
  col('status', 8),
  col('created_at', 26),
  col('closed_at', 26),
  col('closed_by', 16),
  col('exception_key', 30),
];

/** Oldest cycle first, as they were held. */
const cyclesInOrder = (db: ReadDb): CycleRow[] => listCycles(db).reverse();

/** An expected value in its KPI's unit (a share as a percentage in Excel), else a plain number. */
function expectedCell(kpiId: string | null, value: number | null): Cell {
  const figure = kpiId ? figureById(KPI_AIM[kpiId as KpiId]?.figure ?? '') : undefined;
  return num(value, figure?.unit ?? 'ratio');
}

export function decisionTable(db: ReadDb): Table {
  const rows: Cell[][] = [];
  for (const c of cyclesInOrder(db)) {
    for (const d of listCycleDecisions(db, c.id)) {
      rows.push([
        c.name,
        num(d.priority_rank, 'count'),
        d.uid,
        d.title,
        d.owner,
        d.due_date,
        d.status,
        d.function,
        d.kpi_id,
        expectedCell(d.kpi_id, d.expected_value),
        d.scenario_name,
        d.recorded_by,
        d.recorded_at,
        d.updated_at,
      ]);
    }
  }
  return { columns: DECISION_COLUMNS, rows, empty: '' };
}

export function dataIssueTable(db: ReadDb): Table {
  const rows: Cell[][] = [];
  for (const c of cyclesInOrder(db)) {
    const issues = listIssues(db, { cycleId: c.id }).sort((a, b) => a.id - b.id);
    for (const i of issues) {
      rows.push([
        num(i.id, 'count'),
        c.name,
        i.kind,
        i.source_id,
        i.summary,
        i.owner_role,
        i.assignee,
        i.deadline,
        i.status,
        i.created_at,
        i.closed_at,
        i.closed_by,
        i.exception_key,
      ]);
    }
  }
  return { columns: DATA_ISSUE_COLUMNS, rows, empty: '' };
}
