// The status of a decision, changed with one press: proposed, agreed, in progress, done, dropped.
import { DECISION_STATUSES, type DecisionStatus } from '../../../shared/api';
import { STATUS_LABEL } from '../../decisionLabels';

export function DecisionStatusButtons({
  status,
  busy,
  onStatus,
}: {
  status: DecisionStatus;
  busy: boolean;
  onStatus(s: DecisionStatus): void;
}) {
  return (
    <div className="dec-status-buttons" role="group" aria-label="Status">
      {DECISION_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={`status-button ${s}`}
          aria-pressed={s === status}
          aria-busy={busy}
          onClick={() => s !== status && !busy && onStatus(s)}
        >
          {STATUS_LABEL[s]}
        </button>
      ))}
    </div>
  );
}
