import { PageHead } from '../components/PageHead';
import { useEffect, useState } from 'react';
import { CanonicalSchema } from '../components/CanonicalSchema';
import { DataIssueList } from '../components/DataIssueList';
import { ImportForm } from '../components/ImportForm';
import { NewCycleForm } from '../components/NewCycleForm';
import { OnboardingFlow } from '../components/onboarding/OnboardingFlow';
import { TimeZoneForm } from '../components/TimeZoneForm';
import { PinForm } from '../components/PinForm';
import { ProfileEditor } from '../components/ProfileEditor';
import { RejectedCount } from '../components/RejectedCount';
import { RejectedRows } from '../components/RejectedRows';
import { SourceConnections } from '../components/sources/SourceConnections';
import { asOfText } from '../components/sources/snapshotOrigin';
import { useUserName } from '../useUserName';
import { shownName } from '../../shared/domain/displayName';
import { fmtDateTime, fmtInt } from '../format';
import { useCycleStore } from '../stores/cycleStore';

/** Every imported snapshot, per source; the pinned one of the current cycle is marked. */
export function DataPage() {
  const snapshots = useCycleStore((s) => s.snapshots);
  const overview = useCycleStore((s) => s.overview);
  const loadSnapshots = useCycleStore((s) => s.loadSnapshots);
  useEffect(() => {
    void loadSnapshots();
  }, [loadSnapshots]);
  const pinned = new Set(overview?.sources.map((s) => s.snapshotId));
  const [userName, setUserName] = useUserName();
  const [rejectedOf, setRejectedOf] = useState<number | null>(null);

  return (
    <section aria-label="Data">
      <PageHead title="Data" userName={userName} onUserName={setUserName} nameFor="for comments and pins" />
      <div className="card">
        <h2>Data issues</h2>
        <DataIssueList userName={userName.trim()} />
      </div>
      <div className="card">
        <h2>Import exports</h2>
        <ImportForm onRejected={setRejectedOf} />
      </div>
      <SourceConnections />
      <div className="card">
        <h2>Onboard your own exports</h2>
        <p className="muted small">
          Point at a folder of one source system&apos;s exports, map its headers, validate without storing, then import.
        </p>
        <OnboardingFlow userName={userName.trim()} />
      </div>
      <div className="card">
        <h2>Mapping profiles</h2>
        <ProfileEditor userName={userName.trim()} />
      </div>
      <div className="card">
        <h2>Canonical schema</h2>
        <CanonicalSchema />
      </div>
      <div className="card">
        <h2>Current cycle: time zone and snapshot set</h2>
        <TimeZoneForm userName={userName.trim()} />
        <PinForm userName={userName.trim()} />
      </div>
      <div className="card">
        <h2>New cycle</h2>
        <NewCycleForm />
      </div>
      <div className="card">
        <h2>Snapshots</h2>
        {snapshots.length === 0 ? (
          <p className="muted">No snapshot imported yet.</p>
        ) : (
          <table className="grid" aria-label="Snapshot list">
            <thead>
              <tr>
                <th>Source</th>
                <th>Snapshot</th>
                <th>Data as of</th>
                <th>Imported</th>
                <th className="num">Rows</th>
                <th className="num">Rejected</th>
                <th>Checksum</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <td className="strong">{s.source}</td>
                  <td>
                    #{s.id} {pinned.has(s.id) && <span className="badge ok">pinned</span>}
                  </td>
                  <td>{asOfText(s.origin, s.extractedAt)}</td>
                  <td>{fmtDateTime(s.importedAt)}</td>
                  <td className="num">{fmtInt(s.rowCount)}</td>
                  <RejectedCount count={s.rejectedCount} onOpen={() => setRejectedOf(s.id)} />
                  <td className="mono small">{s.checksum.slice(0, 12)}</td>
                  <td className="muted small">{shownName(s.origin)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rejectedOf !== null && <RejectedRows snapshotId={rejectedOf} onClose={() => setRejectedOf(null)} />}
      </div>
    </section>
  );
}
