// The last pull of a source: when, ok or failed, rows, rows/s and how long it took; a failure's
// message with what to do (the previous snapshot stays pinned).
import type { PullOutcome } from '../../../shared/calls/sources';
import { fmtDateTime, fmtInt } from '../../format';
import { formatError } from '../../../shared/domain/errors';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export function LastPull({ pull, label }: { pull: PullOutcome | null; label: string }) {
  return (
    <div className="source-last-pull" aria-label={label} role="group">
      <dl className="sync-facts">
        <div>
          <dt>Last pull</dt>
          <dd>{pull ? fmtDateTime(pull.at) : 'never'}</dd>
        </div>
        <div>
          <dt>Result</dt>
          <dd>
            {!pull ? (
              '—'
            ) : pull.ok ? (
              <span className="badge ok">{pull.unchanged ? 'ok, unchanged' : 'ok'}</span>
            ) : (
              <span className="badge warn">failed</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{pull ? fmtInt(pull.rows) : '—'}</dd>
        </div>
        <div>
          <dt>Rows/s</dt>
          <dd>{pull ? fmtInt(Math.round(pull.rowsPerSecond)) : '—'}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{pull ? seconds(pull.durationMs) : '—'}</dd>
        </div>
      </dl>
      {/* A note, not an alert: it is the stored state, read on every visit, not news. */}
      {pull?.error && (
        <p className="banner error" role="note">
          <span>Last pull failed: {formatError(pull.error)}</span>
        </p>
      )}
    </div>
  );
}
