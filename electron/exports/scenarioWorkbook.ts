// The scenario comparison as a workbook: a side-by-side sheet (every figure, the baseline, each
// scenario and its delta) and one sheet per scenario with its owner, assumptions, levers, its
// figures beside the baseline, and the largest exceptions it resolves and raises.
import type { ApiOutput, ExceptionBriefT } from '../../shared/api';
import { FIGURES } from '../../shared/planning/figures';
import { comparisonTable } from './minutesParts';
import { num, type Part, type Table } from './table';
import { partsWorkbook } from './xlsxWrite';

type Compared = ApiOutput<'scenario.compare'>;

function briefs(title: string, list: readonly ExceptionBriefT[], empty: string): Table {
  return {
    title,
    columns: [
      { label: 'Type', width: 22 },
      { label: 'Subject', width: 26 },
      { label: 'Value at risk', width: 14 },
    ],
    rows: list.map((e) => [e.type.replace(/_/g, ' '), e.subject, num(e.valueAtRisk, 'money')]),
    empty,
  };
}

function scenarioPart(c: Compared, s: Compared['scenarios'][number]): Part {
  const { scenario, outcome } = s;
  return {
    title: scenario.name,
    tables: [
      {
        columns: [
          { label: 'Scenario', width: 30 },
          { label: scenario.name, width: 14 },
        ],
        rows: [
          ['Owner', scenario.owner],
          ['Assumptions', scenario.assumptions || 'none written'],
          ['Chosen', scenario.chosen ? `decision "${scenario.chosen.title}" (${scenario.chosen.status})` : 'no'],
          ['Computed', outcome.computedAt],
        ],
        empty: '',
      },
      {
        title: 'Levers',
        // One column: a lever's sentence runs on over the empty cells beside it.
        columns: [{ label: 'Lever', width: 30 }],
        rows: scenario.leverText.map((t, i) => [`${i + 1}. ${t}`]),
        empty: 'No levers: the baseline.',
      },
      {
        title: 'Figures',
        columns: [
          { label: 'Figure', width: 30 },
          { label: 'Baseline', width: 14 },
          { label: scenario.name, width: 14 },
          { label: 'Δ', width: 12, missing: '' },
        ],
        rows: FIGURES.map((f) => [
          f.label,
          num(c.baseline.figures[f.id], f.unit),
          num(outcome.figures[f.id], f.unit),
          num(outcome.deltas[f.id], f.unit, true),
        ]),
        empty: '',
      },
      briefs('Largest baseline exceptions it resolves', outcome.resolved, 'None resolved.'),
      briefs('Largest exceptions it raises', outcome.added, 'None raised.'),
    ],
  };
}

export function scenarioWorkbookParts(c: Compared): Part[] {
  return [{ title: 'Side by side', tables: [comparisonTable(c)] }, ...c.scenarios.map((s) => scenarioPart(c, s))];
}

export const scenarioWorkbook = (c: Compared, cycleName: string): Promise<Buffer> =>
  partsWorkbook(scenarioWorkbookParts(c), { title: `Scenarios: ${cycleName}`, created: new Date() });
