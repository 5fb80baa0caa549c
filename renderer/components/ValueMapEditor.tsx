import type { CanonicalColumn } from '../../shared/domain/canonical';
import type { FileMapping } from '../../shared/domain/profile';

/**
 * A column's value map: each value the export writes and the canonical value it stands for
 * ("SHOP" → dc), applied before the value is checked. A column with a closed set offers only its
 * allowed values. The entries are derived from the mapping, so undo and reset show through.
 */
export function ValueMapEditor({
  table,
  column,
  values,
  onChange,
}: {
  table: string;
  column: CanonicalColumn;
  values: Record<string, string> | undefined;
  onChange: (values: Record<string, string> | undefined) => void;
}) {
  const entries = Object.entries(values ?? {});
  const set = (next: [string, string][]) => onChange(next.length === 0 ? undefined : Object.fromEntries(next));
  const label = `${table}.${column.name}`;
  const allowed = column.oneOf;
  return (
    <div className="value-map">
      {entries.map(([from, to], i) => (
        <div key={i} className="value-map-row">
          <input
            aria-label={`Export value ${i + 1} for ${label}`}
            placeholder="in the export"
            value={from}
            onChange={(e) => set(entries.map((x, k) => (k === i ? [e.target.value, x[1]] : x)))}
          />
          <span aria-hidden="true">→</span>
          {allowed ? (
            <select
              aria-label={`Canonical value ${i + 1} for ${label}`}
              value={to}
              onChange={(e) => set(entries.map((x, k) => (k === i ? [x[0], e.target.value] : x)))}
            >
              {!allowed.includes(to) && <option value={to}>{to || 'choose'}</option>}
              {allowed.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          ) : (
            <input
              aria-label={`Canonical value ${i + 1} for ${label}`}
              placeholder="canonical"
              value={to}
              onChange={(e) => set(entries.map((x, k) => (k === i ? [x[0], e.target.value] : x)))}
            />
          )}
          <button
            type="button"
            className="small"
            aria-label={`Remove value ${i + 1} of ${label}`}
            onClick={() => set(entries.filter((_, k) => k !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="small"
        aria-label={`Map a value of ${label}`}
        // One new entry at a time: its export value starts empty and must be typed first.
        disabled={entries.some(([from]) => from === '')}
        onClick={() => set([...entries, ['', allowed?.[0] ?? '']])}
      >
        + map a value
      </button>
    </div>
  );
}

/** The patch of a file mapping that sets one column's value map (or drops it when empty). */
export function withValueMap(
  mapping: FileMapping,
  column: string,
  map: Record<string, string> | undefined,
): Pick<FileMapping, 'values'> {
  const values = { ...mapping.values };
  if (map === undefined) delete values[column];
  else values[column] = map;
  return { values: Object.keys(values).length > 0 ? values : undefined };
}
