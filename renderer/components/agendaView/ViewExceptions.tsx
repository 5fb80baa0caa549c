// The view's exceptions: the Exceptions page's own list (virtual, worked from the keyboard:
// j/k, Enter, r, p, d, s) with the type filter set to the view's type, shown as its chip. The
// Exceptions page's filters are put back as they were when the view closes.
import { useEffect } from 'react';
import type { ExceptionType } from '../../../shared/planning/exceptions';
import { TYPE_LABEL } from '../../exceptionLabels';
import { NO_FILTERS, useExceptionStore } from '../../stores/exceptionStore';
import { ExceptionTable } from '../ExceptionTable';

export function ViewExceptions({ types }: { types: readonly ExceptionType[] }) {
  const type = useExceptionStore((s) => s.filters.type);
  const setFilters = useExceptionStore((s) => s.setFilters);
  const first = types[0];

  useEffect(() => {
    if (!first) return;
    const before = useExceptionStore.getState().filters;
    // Not a moment of the previous filter's rows under this view's heading.
    useExceptionStore.setState({ page: null, rows: {} });
    setFilters({ ...NO_FILTERS, type: first });
    return () => useExceptionStore.setState({ filters: before });
  }, [first, setFilters]);

  if (!first) return null;
  return (
    <div className="card view-exceptions">
      <h2>
        {types.map((t) => TYPE_LABEL[t]).join(' and ')} <span className="muted small">ranked by value at risk</span>
      </h2>
      {types.length > 1 && (
        <div className="form-row view-types" role="group" aria-label="Exception type shown">
          {types.map((t) => (
            <button key={t} type="button" aria-pressed={type === t} onClick={() => setFilters({ type: t })}>
              {TYPE_LABEL[t]}
            </button>
          ))}
        </div>
      )}
      <ExceptionTable />
    </div>
  );
}
