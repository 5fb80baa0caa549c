import { Fragment } from 'react';
import type { ApiOutput } from '../../shared/api';
import { deltaTone, FIGURES, formatDelta, formatFigure, GROUP_LABEL, type Figure } from '../../shared/planning/figures';
import { shortUid } from '../figureFormat';
import { fmtDateTime, fmtNum } from '../format';
import { useNumberStyle } from '../useNumberStyle';

type Comparison = ApiOutput<'scenario.compare'>;
const GROUPS = Object.keys(GROUP_LABEL) as Figure['group'][];

/** Baseline and scenarios side by side, figure by figure, each delta coloured by which way is better. */
export function ScenarioComparison({
  comparison,
  choosing,
  onChoose,
}: {
  comparison: Comparison;
  choosing: number | null;
  onChoose: (id: number) => void;
}) {
  const { baseline, scenarios } = comparison;
  const figures: readonly Figure[] = FIGURES;
  const style = useNumberStyle();
  return (
    <table className="grid compact compare" aria-label="Scenario comparison">
      <thead>
        <tr>
          <th>Figure</th>
          <th className="num">Baseline</th>
          {scenarios.map(({ scenario: s }) => (
            <th key={s.id} className="num" data-scenario={s.name}>
              <div className="col-name">{s.name}</div>
              <div className="muted small col-owner">{s.owner}</div>
              {s.chosen ? (
                <span className="badge ok" title={`Decision ${s.chosen.uid}: ${s.chosen.title}`}>
                  Chosen — {shortUid(s.chosen.uid)}
                </span>
              ) : (
                <button type="button" onClick={() => onChoose(s.id)} aria-pressed={choosing === s.id}>
                  Choose this scenario
                </button>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {GROUPS.map((g) => (
          <Fragment key={g}>
            <tr className="group-row">
              <th colSpan={2 + scenarios.length}>{GROUP_LABEL[g]}</th>
            </tr>
            {figures
              .filter((f) => f.group === g)
              .map((f) => (
                <tr key={f.id} data-figure={f.id}>
                  <td title={f.hint}>{f.label}</td>
                  <td className="num">{formatFigure(f.unit, baseline.figures[f.id], style)}</td>
                  {scenarios.map(({ scenario: s, outcome }) => {
                    const d = outcome.deltas[f.id];
                    return (
                      <td key={s.id} className="num">
                        <span className="value">{formatFigure(f.unit, outcome.figures[f.id], style)}</span>
                        <span className={`delta ${deltaTone(f, d)}`}>{formatDelta(f.unit, d, style)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
          </Fragment>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td className="muted small">Computed</td>
          <td className="num muted small">the cycle’s</td>
          {scenarios.map(({ scenario: s, outcome: o }) => (
            <td key={s.id} className="num muted small" title={`Computed ${fmtDateTime(o.computedAt)}`}>
              {fmtNum(o.computeMs, style)} ms, {o.incremental ? 'incremental' : 'full recompute'}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
