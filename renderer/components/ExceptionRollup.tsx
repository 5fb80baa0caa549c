import { formatMoney } from '../../shared/domain/numberFormat';
import { useShallow } from 'zustand/react/shallow';
import { fmtInt } from '../format';
import { useNumberStyle } from '../useNumberStyle';
import { TYPE_LABEL } from '../exceptionLabels';
import { GROUP_FIELD, useExceptionStore, type RollupBy } from '../stores/exceptionStore';
import type { ExceptionType } from '../../shared/planning/exceptions';

const BY: { id: RollupBy; label: string }[] = [
  { id: 'family', label: 'Family' },
  { id: 'item', label: 'Item' },
  { id: 'resource', label: 'Resource' },
  { id: 'lane', label: 'Lane' },
];

/** Exceptions rolled up by a dimension, largest value first; a group filters the list. */
export function ExceptionRollup() {
  const { rollup, rollupBy, setRollupBy, filters, setFilters } = useExceptionStore(
    // Only what it shows: the rows arriving window by window while the list scrolls re-render the list, not this.
    useShallow((s) => ({
      rollup: s.rollup,
      rollupBy: s.rollupBy,
      setRollupBy: s.setRollupBy,
      filters: s.filters,
      setFilters: s.setFilters,
    })),
  );
  const style = useNumberStyle();
  // A group chosen is the list's filter on that field (a chip on the list, removable there too).
  const field = GROUP_FIELD[rollupBy];
  const chosen = filters[field] ? { by: rollupBy, value: filters[field] } : null;
  return (
    <div className="rollup" aria-label="Roll-up">
      <div className="form-row">
        <label>
          Roll up by
          <select value={rollupBy} onChange={(e) => setRollupBy(e.target.value as RollupBy)}>
            {BY.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        {chosen && (
          <button type="button" className="link" onClick={() => setFilters({ [field]: '' })}>
            Show all ({chosen.by} {chosen.value} chosen)
          </button>
        )}
      </div>
      <table className="grid compact" aria-label="Roll-up groups">
        <thead>
          <tr>
            <th>{BY.find((b) => b.id === rollupBy)!.label}</th>
            <th className="num">Count</th>
            <th className="num">Value at risk</th>
          </tr>
        </thead>
        <tbody>
          {(rollup?.groups ?? []).map((g) => (
            <tr
              key={g.group}
              className={`clickable${chosen?.value === g.group ? ' selected' : ''}`}
              onClick={() => setFilters({ [field]: g.group })}
              title={Object.entries(g.byType)
                .map(([t, n]) => `${TYPE_LABEL[t as ExceptionType]}: ${n}`)
                .join('\n')}
            >
              <td>{g.group}</td>
              <td className="num">{fmtInt(g.count, style)}</td>
              <td className="num">{formatMoney(g.valueAtRisk, style)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rollup && rollup.total > rollup.groups.length && (
        <p className="muted small">
          Top {rollup.groups.length} of {fmtInt(rollup.total, style)} groups.
        </p>
      )}
    </div>
  );
}
