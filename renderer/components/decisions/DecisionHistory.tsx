// A decision's append-only history, oldest first: who, when, what changed (old -> new) and the
// comment of each event.
import type { DecisionEventT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { aimedFigure, changeValue, FIELD_LABEL } from '../../decisionLabels';
import { fmtDateTime } from '../../format';

const KIND_LABEL: Record<DecisionEventT['kind'], string> = {
  recorded: 'recorded it',
  changed: 'changed',
  moved: 'moved it',
  commented: 'commented',
  carried_over: 'carried it over',
  follow_up: 'noted the follow-up',
};

export function DecisionHistory({ history, kpiId }: { history: DecisionEventT[]; kpiId: string | null }) {
  const unit = aimedFigure(kpiId)?.unit;
  return (
    <ol className="dec-history" aria-label="History">
      {history.map((h) => (
        <li key={h.seq} data-kind={h.kind}>
          <div>
            <span className="strong">{shownName(h.actor, 80)}</span> {KIND_LABEL[h.kind]}{' '}
            <span className="muted small">{fmtDateTime(h.at)}</span>
          </div>
          {h.kind !== 'recorded' && h.changes.length > 0 && (
            <ul className="dec-changes small">
              {h.changes.map((c, i) => (
                <li key={i}>
                  {FIELD_LABEL[c.field] ?? c.field}: {changeValue(c.field, c.from, unit)} →{' '}
                  {changeValue(c.field, c.to, unit)}
                </li>
              ))}
            </ul>
          )}
          {h.comment && <blockquote className="dec-comment">{h.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
