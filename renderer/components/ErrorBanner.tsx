import { formatError, type AppErrorShape } from '../../shared/domain/errors';

export function ErrorBanner({ error, onRetry }: { error: AppErrorShape; onRetry?: () => void }) {
  return (
    <div className="banner error" role="alert">
      <span>{formatError(error)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
