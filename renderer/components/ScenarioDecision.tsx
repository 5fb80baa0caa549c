import { FIGURES, figureById, formatFigure, type Figure } from '../../shared/planning/figures';
import { shortUid } from '../figureFormat';
import { fmtDateTime } from '../format';
import { kpiLabel } from '../../shared/planning/kpiFormat';
import type { Choice } from '../stores/scenarioStore';
import type { DecisionStatus } from '../../shared/api';
import { STATUS_LABEL } from '../decisionLabels';
import { useNumberStyle } from '../useNumberStyle';

/** The decision a choice recorded: what it expects beside the baseline, and the exceptions it answers. */
export function ScenarioDecision({ choice, scenarioName }: { choice: Choice; scenarioName: string }) {
  const { decision, expectations, exceptionKeys } = choice;
  const aimed = (FIGURES as readonly Figure[]).find((f) => f.kpiId === decision.kpiId);
  const style = useNumberStyle();
  return (
    <div className="decision" role="status" aria-label={`Decision ${decision.uid}`} title={`Decision ${decision.uid}`}>
      <h3>
        Decision {shortUid(decision.uid)}: {decision.title}
      </h3>
      <p className="small">
        Scenario “{scenarioName}” chosen · priority #{decision.priorityRank} ·{' '}
        {STATUS_LABEL[decision.status as DecisionStatus] ?? decision.status} · owner {decision.owner}
        {decision.dueDate && ` · due ${decision.dueDate}`}
        {decision.kpiId &&
          ` · aims at ${kpiLabel(decision.kpiId)}${aimed ? ` (expected ${aimed.label} ${formatFigure(aimed.unit, decision.expectedValue, style)})` : ''}`}{' '}
        · recorded by {decision.recordedBy}, {fmtDateTime(decision.recordedAt)} · answers {exceptionKeys.length}{' '}
        baseline exception(s)
      </p>
      <table className="grid compact" aria-label="Expected values">
        <thead>
          <tr>
            <th>Expected</th>
            <th className="num">Baseline</th>
            <th className="num">With the scenario</th>
          </tr>
        </thead>
        <tbody>
          {expectations.map((x) => {
            const f = figureById(x.figure);
            const unit = f?.unit ?? 'ratio';
            return (
              <tr key={x.figure} className={f?.kpiId === decision.kpiId ? 'strong' : ''}>
                <td>{f?.label ?? x.figure}</td>
                <td className="num">{formatFigure(unit, x.baseline, style)}</td>
                <td className="num">{formatFigure(unit, x.expected, style)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
