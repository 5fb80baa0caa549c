import { useState, type FormEvent } from 'react';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import type { AppErrorShape } from '../../shared/domain/errors';
import { fmtInt } from '../format';
import { useCycleStore } from '../stores/cycleStore';
import { ErrorBanner } from './ErrorBanner';

/** Import one source system's export folder (a path on this computer) as a new snapshot. */
export function ImportForm() {
  const importSnapshot = useCycleStore((s) => s.importSnapshot);
  const [source, setSource] = useState<SourceSystem>('ERP');
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await importSnapshot({ source, dir: dir.trim() });
    setBusy(false);
    if (!r.ok) setError(r.error);
    else
      setDone(
        r.data.unchanged
          ? `${source}: identical to snapshot #${r.data.snapshotId}, nothing imported.`
          : `${source}: snapshot #${r.data.snapshotId} with ${fmtInt(r.data.rowCount)} rows.`,
      );
  }

  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} aria-label="Import exports">
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
      {error && <ErrorBanner error={error} />}
      {done && (
        <p className="ok-line" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
