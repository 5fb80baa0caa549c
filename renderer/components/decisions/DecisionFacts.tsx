// Every field of one decision, and the figures it expects beside the baseline's when it came
// from a scenario.
import type { DecisionDetailT } from '../../../shared/api';
import { describeDue } from '../../../shared/domain/dueDate';
import { shownName } from '../../../shared/domain/displayName';
import { figureById, formatFigure } from '../../../shared/planning/figures';
import { expectedText, FUNCTION_LABEL } from '../../decisionLabels';
import { TYPE_LABEL } from '../../exceptionLabels';
import { fmtDateTime } from '../../format';
import { useNumberStyle } from '../../useNumberStyle';
import type { ExceptionType } from '../../../shared/planning/exceptions';

export function DecisionFacts({ d }: { d: DecisionDetailT }) {
  const style = useNumberStyle();
  return (
    <>
      <dl className="dec-facts">
        <dt>Rank</dt>
        <dd>
          {d.priorityRank} in {shownName(d.cycleName, 80)}
        </dd>
        <dt>Owner</dt>
        <dd>{shownName(d.owner, 80)}</dd>
        <dt>Due</dt>
        <dd>
          {d.dueDate ? describeDue(d.dueDate) : 'no due date'}
          {d.overdue && <span className="badge late">overdue</span>}
        </dd>
        <dt>KPI</dt>
        <dd>{d.kpi ? d.kpi.name : 'none'}</dd>
        <dt>Expected</dt>
        <dd>{expectedText(d, style)}</dd>
        <dt>Function</dt>
        <dd>{d.function ? FUNCTION_LABEL[d.function] : 'none'}</dd>
        <dt>Answers</dt>
        <dd>
          {d.exceptions.length === 0
            ? 'no exception'
            : d.exceptions
                .map(
                  (e) =>
                    `${e.type && e.type in TYPE_LABEL ? TYPE_LABEL[e.type as ExceptionType] : 'Exception'} ${shownName(e.subject, 60)}`,
                )
                .join('; ')}
        </dd>
        <dt>Scenario</dt>
        <dd>{d.scenario ? shownName(d.scenario.name, 80) : 'none'}</dd>
        {d.carriedFrom && (
          <>
            <dt>Carried over</dt>
            <dd>from {shownName(d.carriedFrom.name, 80)}</dd>
          </>
        )}
        <dt>Rationale</dt>
        <dd className="prewrap">{d.rationale || 'none given'}</dd>
        <dt>Recorded</dt>
        <dd>
          by {shownName(d.recordedBy, 80)}, {fmtDateTime(d.recordedAt)}
        </dd>
      </dl>
      {d.expectations.length > 0 && (
        <table className="grid compact" aria-label="Expected figures">
          <thead>
            <tr>
              <th>Figure</th>
              <th className="num">Baseline</th>
              <th className="num">Expected</th>
            </tr>
          </thead>
          <tbody>
            {d.expectations.map((x) => {
              const f = figureById(x.figure);
              const show = (v: number | null): string =>
                v === null ? 'no data' : formatFigure(f?.unit ?? 'ratio', v, style);
              return (
                <tr key={x.figure}>
                  <td>{f?.label ?? x.figure}</td>
                  <td className="num">{show(x.baseline)}</td>
                  <td className="num">{show(x.expected)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
