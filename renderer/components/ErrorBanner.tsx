import { describeWhere, formatError, type AppErrorShape } from '../../shared/domain/errors';

/** An API error: what, where, what next; and every problem found when there were several. */
export function ErrorBanner({ error, onRetry }: { error: AppErrorShape; onRetry?: () => void }) {
  const details = error.details ?? [];
  return (
    <div className="banner error" role="alert">
      <span>{formatError(error)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
      {details.length > 1 && (
        <table className="grid compact error-details" aria-label="Problems found">
          <thead>
            <tr>
              <th>Where</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {details.map((d, i) => (
              <tr key={i}>
                <td className="mono small">{describeWhere(d.where)}</td>
                <td>{d.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
