import { useEffect, useState, type FormEvent } from 'react';
import type { ApiOutput } from '../../shared/api';
import { call } from '../api/client';
import { fmtDateTime } from '../format';
import { useCycleStore } from '../stores/cycleStore';
import { useDataIssueStore } from '../stores/dataIssueStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';
import { asOfText } from './sources/snapshotOrigin';

/** Pin another snapshot of a source to the current cycle, with a reason; and the pin history. */
export function PinForm({ userName }: { userName: string }) {
  const snapshots = useCycleStore((s) => s.snapshots);
  const overview = useCycleStore((s) => s.overview);
  const reload = useCycleStore((s) => s.loadOverview);
  const reloadSnapshots = useCycleStore((s) => s.loadSnapshots);
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, done, submit } = useSubmit();
  const [log, setLog] = useState<ApiOutput<'cycle.pinLog'>>([]);
  const pinned = new Set(overview?.sources.map((s) => s.snapshotId));
  const candidates = snapshots.filter((s) => !pinned.has(s.id));

  async function loadLog(): Promise<void> {
    const r = await call('cycle.pinLog', {});
    if (r.ok) setLog(r.data);
  }
  useEffect(() => {
    void loadLog();
  }, [overview?.cycle.id]);

  function pin(e: FormEvent): void {
    const snap = candidates.find((s) => String(s.id) === choice);
    if (!snap) return;
    void submit(
      e,
      () => call('cycle.pin', { source: snap.source, snapshotId: snap.id, by: userName, reason }),
      async (r) => {
        setReason('');
        setChoice('');
        await Promise.all([reload(), reloadSnapshots(), loadLog(), useDataIssueStore.getState().load()]);
        return `${snap.source} #${snap.id} pinned; data issues: ${r.reconciliation.open} open (${r.reconciliation.opened} new, ${r.reconciliation.closed} closed).`;
      },
    );
  }

  return (
    <div>
      <form className="form-row" aria-label="Pin snapshot" onSubmit={pin}>
        <label>
          Snapshot
          <select value={choice} onChange={(e) => setChoice(e.target.value)} required>
            <option value="">{candidates.length === 0 ? 'no other snapshot' : 'choose…'}</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.source} #{s.id}, {asOfText(s.origin, s.extractedAt)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why this snapshot" required />
        </label>
        <button type="submit" disabled={busy || !userName || !choice || !reason.trim()}>
          Pin to cycle
        </button>
        <FormResult error={error} done={done} />
      </form>
      {log.length > 0 && (
        <table className="grid compact" aria-label="Pin history">
          <thead>
            <tr>
              <th>When</th>
              <th>Source</th>
              <th>Change</th>
              <th>By</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {log.map((p) => (
              <tr key={p.id}>
                <td>{fmtDateTime(p.at)}</td>
                <td>{p.source}</td>
                <td>
                  {p.oldSnapshotId === null ? 'pinned' : `#${p.oldSnapshotId} →`} #{p.newSnapshotId}
                </td>
                <td>{p.by}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
