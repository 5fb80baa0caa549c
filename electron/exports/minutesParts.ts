// The minutes as parts and tables (table.ts), the same for every format: one part per sheet of
// the workbook and per section of the Markdown and the printed minutes. Column labels, units and
// what a missing value reads ("no data", "not recorded") are decided here, once.
import type { DecisionInfoT, ExceptionInfoT, KpiInfoT } from '../../shared/api';
import { KPI_AIM } from '../../shared/planning/decisionAim';
import { FIGURES, figureById } from '../../shared/planning/figures';
import type { KpiId } from '../../shared/planning/settings';
import { wallClockInZone } from '../../shared/domain/timeZone';
import type { MinutesData } from './minutesData';
import { num, type Cell, type Part, type Table } from './table';

const words = (id: string): string => id.replace(/_/g, ' ');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** What an exception is about, as the Exceptions page names it. */
export function exceptionSubject(
  e: Pick<ExceptionInfoT, 'orderId' | 'sku' | 'location' | 'resource' | 'lane' | 'kpiId' | 'family' | 'key'>,
): string {
  return (
    e.orderId ??
    (e.sku ? `${e.sku}@${e.location ?? ''}` : null) ??
    e.resource ??
    e.lane ??
    (e.kpiId ? `${e.kpiId} ${e.family ?? 'total'}` : e.key)
  );
}

/** A KPI metric's unit: turns a number, freight money, every other figure a share. */
const metricUnit = (metric: string) => (metric === 'turns' ? 'turns' : metric === 'freight_cost' ? 'money' : 'pct');

function meetingPart(m: MinutesData): Part {
  const rows: Cell[][] = [
    ['Cycle', m.cycle.name],
    ['Meeting', m.cycle.meetingLocal],
    ['Time zone', m.cycle.timeZone],
    ['Currency', m.cycle.currency],
    ['Previous cycle', m.previousCycle ?? 'none'],
    ['Exported', wallClockInZone(m.exportedAt, m.cycle.timeZone)],
  ];
  return {
    title: 'Meeting',
    tables: [
      {
        columns: [
          { label: 'Item', width: 18 },
          { label: 'Value', width: 40 },
        ],
        rows,
        empty: '',
      },
    ],
  };
}

function attendancePart(m: MinutesData): Part {
  return {
    title: 'Attendance',
    tables: [
      {
        columns: [
          { label: 'Name', width: 24 },
          { label: 'Role', width: 18, missing: '' },
          { label: 'E-mail', width: 28, missing: '' },
          { label: 'Present', width: 9 },
        ],
        rows: m.attendance.map((a) => [a.name, a.role || null, a.email, yesNo(a.present)]),
        empty: 'No attendance recorded.',
      },
    ],
  };
}

function agendaPart(m: MinutesData): Part {
  const recorded = m.agenda.filter((a) => a.actualMinutes !== null);
  return {
    title: 'Agenda',
    tables: [
      {
        columns: [
          { label: '#', width: 4 },
          { label: 'Item', width: 50 },
          { label: 'Function', width: 12 },
          { label: 'Owner', width: 14 },
          { label: 'Planned', width: 10 },
          { label: 'Actual', width: 13, missing: 'not recorded' },
        ],
        rows: m.agenda.map((a) => [
          num(a.position, 'count'),
          a.title,
          a.function,
          a.ownerRole,
          num(a.plannedMinutes, 'minutes'),
          num(a.actualMinutes, 'minutes'),
        ]),
        empty: 'No agenda.',
        note:
          recorded.length === 0
            ? 'Actual minutes were not recorded for any item.'
            : `Actual minutes recorded for ${recorded.length} of ${m.agenda.length} items.`,
      },
    ],
  };
}

function kpiRows(k: KpiInfoT): Cell[][] {
  return Object.entries(k.metrics).map(([metric, x]) => {
    const unit = metricUnit(metric);
    const breach = k.breached.filter((b) => b.split(' ')[0] === metric).join(', ');
    return [
      k.name,
      words(metric),
      num(x, unit),
      k.previous ? num(k.previous[metric], unit) : null,
      breach ? `BREACH ${breach}` : '',
      k.ownerRole,
      x === null ? `no data: ${k.noData[metric] ?? 'nothing to compute over'}` : k.window.label,
    ];
  });
}

function kpiPart(m: MinutesData): Part {
  const breached = m.kpis.filter((k) => k.breached.length > 0);
  return {
    title: 'KPIs',
    tables: [
      {
        columns: [
          { label: 'KPI', width: 22 },
          { label: 'Figure', width: 16 },
          { label: 'Value', width: 10 },
          { label: m.previousCycle ? `Previous (${m.previousCycle})` : 'Previous', width: 12 },
          { label: 'Breach', width: 24, missing: '' },
          { label: 'Owner', width: 12 },
          { label: 'Window', width: 50 },
        ],
        rows: m.kpis.flatMap(kpiRows),
        empty: 'No KPI values: the cycle has not been computed.',
        note:
          breached.length === 0
            ? 'No KPI breached its triggers.'
            : `Breached: ${breached.map((k) => `${k.name} (${k.breached.join(', ')}) -> ${k.ownerRole}`).join('; ')}.`,
      },
    ],
  };
}

function exceptionPart(m: MinutesData): Part {
  return {
    title: 'Exceptions reviewed',
    tables: [
      {
        columns: [
          { label: 'Type', width: 22 },
          { label: 'Subject', width: 26 },
          { label: `Value at risk (${m.cycle.currency})`, width: 16 },
          { label: 'Status', width: 10 },
          { label: 'Note', width: 40, missing: '' },
          { label: 'Reviewed by', width: 14, missing: '' },
          { label: 'Still raised', width: 8 },
        ],
        rows: m.exceptions.map((e) => [
          words(e.type),
          exceptionSubject(e),
          num(e.valueAtRisk, 'money'),
          e.reviewStatus,
          e.note,
          e.reviewedBy,
          yesNo(e.resolvedAt === null),
        ]),
        empty: 'No exception was reviewed.',
        note:
          m.exceptionsReviewed > m.exceptions.length
            ? `The ${m.exceptions.length} largest of ${m.exceptionsReviewed} reviewed exceptions.`
            : undefined,
      },
    ],
  };
}

function dataIssuePart(m: MinutesData): Part {
  return {
    title: 'Data issues',
    tables: [
      {
        columns: [
          { label: 'Kind', width: 20 },
          { label: 'Source', width: 8, missing: 'not pinned' },
          { label: 'Summary', width: 60 },
          { label: 'Owner', width: 12 },
          { label: 'Assignee', width: 14, missing: 'unassigned' },
          { label: 'Deadline', width: 12 },
          { label: 'Status', width: 8 },
        ],
        rows: m.dataIssues.map((d) => [
          words(d.kind),
          d.source,
          d.summary,
          d.ownerRole,
          d.assignee,
          d.deadline,
          d.status,
        ]),
        empty: 'No data issue was raised.',
      },
    ],
  };
}

/** The comparison table: each figure, the baseline, and each scenario with its delta. */
export function comparisonTable(compared: NonNullable<MinutesData['scenarios']['compared']>): Table {
  const columns = [
    { label: 'Figure', width: 30 },
    { label: 'Baseline', width: 14 },
    ...compared.scenarios.flatMap(({ scenario }) => [
      { label: scenario.name, width: 14 },
      { label: `Δ ${scenario.name}`, width: 12, missing: '' },
    ]),
  ];
  const rows = FIGURES.map((f): Cell[] => [
    f.label,
    num(compared.baseline.figures[f.id], f.unit),
    ...compared.scenarios.flatMap(({ outcome }) => [
      num(outcome.figures[f.id], f.unit),
      num(outcome.deltas[f.id], f.unit, true),
    ]),
  ]);
  return { title: 'Comparison with the baseline', columns, rows, empty: 'No scenario to compare.' };
}

function scenarioPart(m: MinutesData): Part {
  const { all, compared } = m.scenarios;
  const shown = new Set(compared?.scenarios.map((s) => s.scenario.id) ?? []);
  const left = all.filter((s) => !shown.has(s.id));
  const chosen = all.filter((s) => s.chosen);
  const list: Table = {
    title: 'Scenarios',
    columns: [
      { label: 'Scenario', width: 24 },
      { label: 'Owner', width: 14 },
      { label: 'Levers', width: 60, missing: 'none: the baseline' },
      { label: 'Assumptions', width: 40, missing: '' },
      { label: 'Chosen', width: 40, missing: 'no' },
    ],
    rows: all.map((s) => [
      s.name,
      s.owner,
      s.leverText.length ? s.leverText.join('; ') : null,
      s.assumptions || null,
      s.chosen ? `yes: decision "${s.chosen.title}" (${s.chosen.status}, ${s.chosen.owner})` : null,
    ]),
    empty: 'No scenario was built for this cycle.',
    note:
      all.length === 0
        ? undefined
        : chosen.length === 0
          ? 'No scenario was chosen.'
          : `Chosen: ${chosen.map((s) => s.name).join(', ')}.`,
  };
  const tables = [list];
  if (compared) {
    tables.push({
      ...comparisonTable(compared),
      note: left.length ? `Not compared here (at most 4): ${left.map((s) => s.name).join(', ')}.` : undefined,
    });
  }
  return { title: 'Scenarios', tables };
}

/** A decision's expected value in its KPI's figure unit. */
function expected(d: DecisionInfoT): Cell {
  const figure = d.kpi ? figureById(KPI_AIM[d.kpi.id as KpiId]?.figure ?? '') : undefined;
  return figure ? num(d.expectedValue, figure.unit) : d.expectedValue === null ? null : String(d.expectedValue);
}

function decisionPart(m: MinutesData): Part {
  return {
    title: 'Decisions',
    tables: [
      {
        columns: [
          { label: 'Rank', width: 6 },
          { label: 'Decision', width: 44 },
          { label: 'Owner', width: 16 },
          { label: 'Due', width: 12, missing: 'no due date' },
          { label: 'Status', width: 12 },
          { label: 'KPI', width: 20, missing: '' },
          { label: 'Expected', width: 10, missing: '' },
          { label: 'Answers', width: 30, missing: '' },
          { label: 'Scenario', width: 18, missing: '' },
          { label: 'Recorded by', width: 16 },
          { label: 'On', width: 12 },
          { label: 'Note', width: 24, missing: '' },
        ],
        rows: m.decisions.map((d) => [
          num(d.priorityRank, 'count'),
          d.title,
          d.owner,
          d.dueDate,
          words(d.status),
          d.kpi?.name ?? null,
          expected(d),
          d.exceptions.length ? d.exceptions.map((e) => e.subject).join(', ') : null,
          d.scenario?.name ?? null,
          d.recordedBy,
          d.recordedAt.slice(0, 10),
          [d.overdue ? 'OVERDUE' : '', d.carriedFrom ? `carried over from ${d.carriedFrom.name}` : '']
            .filter(Boolean)
            .join('; ') || null,
        ]),
        empty: 'No decision was recorded.',
      },
    ],
  };
}

/** The minutes' parts in the order of the meeting. */
export function minutesParts(m: MinutesData): Part[] {
  return [
    meetingPart(m),
    attendancePart(m),
    agendaPart(m),
    kpiPart(m),
    exceptionPart(m),
    dataIssuePart(m),
    scenarioPart(m),
    decisionPart(m),
  ];
}
