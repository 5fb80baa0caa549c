import type { ApiOutput } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { LEVER_LABELS, type LeverT } from '../../shared/planning/levers';
import { leverLine } from '../leverDrafts';
import { ErrorBanner } from './ErrorBanner';
import { ScenarioLeverFields } from './ScenarioLeverFields';

/** One lever of the scenario: what it does in words, its inputs when open, the server's error on it. */
export function ScenarioLeverRow({
  index,
  lever,
  open,
  readOnly,
  keys,
  periods,
  error,
  onToggle,
  onChange,
  onRemove,
}: {
  index: number;
  lever: LeverT;
  open: boolean;
  readOnly: boolean;
  keys: ApiOutput<'scenario.keys'> | null;
  periods: string[];
  error: { error: AppErrorShape; field: string | null } | null;
  onToggle: () => void;
  onChange: (l: LeverT) => void;
  onRemove: () => void;
}) {
  const line = leverLine(lever);
  return (
    <li className={`lever${error ? ' invalid' : ''}`} data-lever={index}>
      <div className="row-head">
        <span>
          <span className="lever-kind">{LEVER_LABELS[lever.kind]}</span>{' '}
          {/* The server's error on this lever says it better than the local check. */}
          {(line.ok || !error) && <span className={line.ok ? '' : 'warn-text'}>{line.text}</span>}
        </span>
        {!readOnly && (
          <span className="lever-actions">
            <button type="button" className="link" onClick={onToggle} aria-expanded={open}>
              {open ? 'Done' : 'Edit'}
            </button>
            <button type="button" className="link" onClick={onRemove}>
              Remove
            </button>
          </span>
        )}
      </div>
      {open && !readOnly && keys && (
        <ScenarioLeverFields
          lever={lever}
          onChange={onChange}
          keys={keys}
          periods={periods}
          invalid={error?.field ?? null}
        />
      )}
      {error && <ErrorBanner error={error.error} />}
    </li>
  );
}
