import { useState } from 'react';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { fmtInt } from '../format';
import { useCycleStore } from '../stores/cycleStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

/** Import one source system's export folder (a path on this computer) as a new snapshot. */
export function ImportForm() {
  const importSnapshot = useCycleStore((s) => s.importSnapshot);
  const [source, setSource] = useState<SourceSystem>('ERP');
  const [dir, setDir] = useState('');
  const { busy, error, done, submit } = useSubmit();

  return (
    <form
      className="form-row"
      aria-label="Import exports"
      onSubmit={(e) =>
        void submit(
          e,
          () => importSnapshot({ source, dir: dir.trim() }),
          (r) =>
            r.unchanged
              ? `${source}: identical to snapshot #${r.snapshotId}, nothing imported.`
              : `${source}: snapshot #${r.snapshotId} with ${fmtInt(r.rowCount)} rows.`,
        )
      }
    >
      <label>
        Source
        <select value={source} onChange={(e) => setSource(e.target.value as SourceSystem)} disabled={busy}>
          {SOURCE_SYSTEMS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="grow">
        Export folder
        <input
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          placeholder="/path/to/exports/erp"
          required
          disabled={busy}
        />
      </label>
      <button type="submit" disabled={busy || dir.trim() === ''}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      {busy && <progress aria-label="Import in progress" />}
      <FormResult error={error} done={done} />
    </form>
  );
}
