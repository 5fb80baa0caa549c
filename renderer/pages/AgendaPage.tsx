import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Attendance } from '../components/decisions/Attendance';
import { FollowUp } from '../components/decisions/FollowUp';
import { AgendaEditor } from '../components/meeting/AgendaEditor';
import { MeetingRun } from '../components/meeting/MeetingRun';
import { PresentButton } from '../components/presenter/PresentButton';
import { announceRunChanged } from '../components/presenter/roomChannel';
import { OpenItemLink } from '../components/agendaView/OpenItemLink';
import { useReturnFocus } from '../components/agendaView/returnFocus';
import { SourceTable } from '../components/SourceTable';
import { wallClockInZone } from '../../shared/domain/timeZone';
import { fmtInt } from '../format';
import { selectAgendaMinutes, selectStaleSources, useCycleStore } from '../stores/cycleStore';

export function AgendaPage() {
  const overview = useCycleStore((s) => s.overview);
  const status = useCycleStore((s) => s.status);
  const minutes = useCycleStore(selectAgendaMinutes);
  // A derived array: compare shallowly, or every render would see a "new" value and loop.
  const stale = useCycleStore(useShallow(selectStaleSources));
  // Back from an item's view: the focus returns to that item's Open link.
  useReturnFocus();
  const [editing, setEditing] = useState(false);
  // Bumped when the editor closes: the run view reads the agenda again (titles, time boxes).
  const [edits, setEdits] = useState(0);
  const editButton = useRef<HTMLButtonElement>(null);
  // Each snapshot's origin says whether its data was pulled or exported (the snapshot set's table).
  const snapshots = useCycleStore((s) => s.snapshots);
  const loadSnapshots = useCycleStore((s) => s.loadSnapshots);
  useEffect(() => {
    void loadSnapshots();
  }, [loadSnapshots]);
  const origins = useMemo(() => new Map(snapshots.map((s) => [s.id, s.origin])), [snapshots]);

  if (status !== 'ready' && !overview) return <p className="muted">Loading the cycle…</p>;
  if (!overview) {
    return (
      <section>
        <h1>No cycle yet</h1>
        <p>
          Import each source's exports (<code>planroom import --source ERP DIR</code>) and create a cycle (
          <code>planroom cycle create</code>).
        </p>
      </section>
    );
  }
  const { cycle } = overview;
  return (
    <section aria-label="Current cycle">
      <header className="page-head">
        <div>
          <h1>{cycle.name}</h1>
          <p className="muted">
            Meeting {wallClockInZone(cycle.meetingAt, cycle.timeZone)} · horizon {cycle.horizonPeriods} weeks from{' '}
            {cycle.startPeriod} · {cycle.currency}
          </p>
        </div>
        <div className="stats">
          <PresentButton className="present-open" />
          <a className="stat" href="#/data" title="Data issues are assigned and tracked, not discussed in the meeting">
            <span className="stat-value">{fmtInt(overview.openDataIssues)}</span>
            <span className="stat-label">open data issues</span>
          </a>
          <div className="stat">
            <span className="stat-value">{fmtInt(overview.totalRows)}</span>
            <span className="stat-label">rows in the snapshot set</span>
          </div>
        </div>
      </header>

      {stale.length > 0 && (
        <div className="banner warn" role="status">
          {stale.join(', ')} {stale.length === 1 ? 'is' : 'are'} older than the freshness limit at the meeting. The
          meeting uses the pinned snapshot as it is; its owner has a data issue to fix it.
        </div>
      )}

      <MeetingRun key={edits} onChange={announceRunChanged} />

      <div className="card">
        <h2>Snapshot set</h2>
        <SourceTable sources={overview.sources} missing={overview.missingSources} origins={origins} />
      </div>

      <div className="card">
        <div className="row-head">
          <h2>
            Agenda <span className="muted small">{minutes} min</span>
          </h2>
          <button type="button" ref={editButton} aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Close the editor' : 'Edit agenda'}
          </button>
        </div>
        {editing && (
          <AgendaEditor
            onClose={() => {
              setEditing(false);
              setEdits((n) => n + 1);
              editButton.current?.focus();
            }}
          />
        )}
        <ol className="agenda agenda-list" hidden={editing}>
          {overview.agenda.map((a, i) => (
            <li key={a.id}>
              <span className="agenda-title">{a.title}</span>
              <span className="muted">{a.ownerRole}</span>
              <span className="agenda-min">{a.minutes} min</span>
              <OpenItemLink item={a} from="list" />
              {/* Item 1 is last cycle's decisions: followed up right here. */}
              {i === 0 && <FollowUp />}
            </li>
          ))}
        </ol>
      </div>

      <Attendance />
    </section>
  );
}
