import { useEffect, useState } from 'react';
import type { SchemaTableT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';
import { FormResult } from './FormResult';

/**
 * The canonical tables a mapping profile maps onto, from the same API call as
 * `planroom profile schema`: each column's type, whether it is required, its allowed values and
 * what it means.
 */
export function CanonicalSchema() {
  const [tables, setTables] = useState<SchemaTableT[]>([]);
  const [name, setName] = useState('items');
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    void call('profile.schema', {}).then((r) => (r.ok ? setTables(r.data) : setError(r.error)));
  }, []);
  const table = tables.find((t) => t.name === name);
  return (
    <section aria-label="Canonical schema">
      <div className="form-row">
        <label>
          Table
          <select aria-label="Canonical table" value={name} onChange={(e) => setName(e.target.value)}>
            {tables.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.owner})
              </option>
            ))}
          </select>
        </label>
        {table && (
          <p className="muted small">
            {table.meaning} Key: {table.key.join(', ')}.
          </p>
        )}
        <FormResult error={error} done={null} />
      </div>
      {table && (
        <table className="grid compact" aria-label={`Columns of ${table.name}`}>
          <thead>
            <tr>
              <th>Column</th>
              <th>Type</th>
              <th>Required</th>
              <th>Allowed values</th>
              <th>Meaning</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr key={c.name}>
                <td className="mono">
                  {c.name}
                  {c.key && <span className="muted small"> key</span>}
                </td>
                <td>{c.type}</td>
                <td>{c.required ? 'required' : 'optional'}</td>
                <td>{c.allowed ? c.allowed.join(', ') : c.min !== null ? `≥ ${c.min}` : 'any'}</td>
                <td>{c.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
