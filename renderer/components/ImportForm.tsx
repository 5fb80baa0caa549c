import { useState } from 'react';
import type { ImportResultT } from '../../shared/api';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { fmtInt } from '../format';
import { useCycleStore } from '../stores/cycleStore';
import { useProgress } from '../useProgress';
import { useSubmit } from '../useSubmit';
import { COMMAND_TARGETS } from '../commandTargets';
import { FolderInput } from './FolderInput';
import { FormResult } from './FormResult';
import { ImportProgress } from './ImportProgress';
import { ImportedFiles } from './ImportedFiles';

/** Import one source system's export folder (a path on this computer) as a new snapshot. */
export function ImportForm({ onRejected }: { onRejected: (snapshotId: number) => void }) {
  const importSnapshot = useCycleStore((s) => s.importSnapshot);
  const [source, setSource] = useState<SourceSystem>('ERP');
  const [dir, setDir] = useState('');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [progressId, setProgressId] = useState<string | null>(null);
  const [last, setLast] = useState<ImportResultT | null>(null);
  const progress = useProgress(progressId);
  const { busy, error, done, submit } = useSubmit();

  const run = async (e: React.FormEvent) => {
    const id = crypto.randomUUID();
    setProgressId(id);
    setLast(null);
    await submit(
      e,
      () => importSnapshot({ source, dir: dir.trim(), skipBadRows, progressId: id }),
      (r) => {
        setLast(r);
        if (r.unchanged) return `${source}: identical to snapshot #${r.snapshotId}, nothing imported.`;
        const rejected = r.rejectedCount > 0 ? `; ${fmtInt(r.rejectedCount)} bad rows set aside` : '';
        return `${source}: snapshot #${r.snapshotId} with ${fmtInt(r.rowCount)} rows${rejected}.`;
      },
    );
    setProgressId(null);
  };

  return (
    <form className="form-row" aria-label="Import exports" onSubmit={(e) => void run(e)}>
      <label>
        Source
        <select value={source} onChange={(e) => setSource(e.target.value as SourceSystem)} disabled={busy}>
          {SOURCE_SYSTEMS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <FolderInput
        labelClassName="grow"
        label="Export folder"
        id={COMMAND_TARGETS.import}
        what={`${source} export folder`}
        value={dir}
        onChange={setDir}
        placeholder="/path/to/exports/erp"
        required
        disabled={busy}
      />
      <label
        className="inline"
        title="Import the good rows and keep the bad ones aside for review, instead of stopping"
      >
        <input
          type="checkbox"
          checked={skipBadRows}
          onChange={(e) => setSkipBadRows(e.target.checked)}
          disabled={busy}
        />
        Skip bad rows
      </label>
      <button type="submit" disabled={busy || dir.trim() === ''}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      {busy && <ImportProgress progress={progress} />}
      <FormResult error={error} done={done} />
      {last && !last.unchanged && (
        <ImportedFiles files={last.files} label="Files read" onRejected={() => onRejected(last.snapshotId)} />
      )}
    </form>
  );
}
