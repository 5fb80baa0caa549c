import type { AppErrorShape } from '../../shared/domain/errors';
import { ErrorBanner } from './ErrorBanner';

/** What a form's last submit said: the API's error (what, where, what next) or a done line. */
export function FormResult({ error, done }: { error: AppErrorShape | null; done: string | null }) {
  return (
    <>
      {error && <ErrorBanner error={error} />}
      {done && (
        <p className="ok-line" role="status">
          {done}
        </p>
      )}
    </>
  );
}
