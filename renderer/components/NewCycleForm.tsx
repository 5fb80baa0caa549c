import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/domain/errors';
import { useCycleStore } from '../stores/cycleStore';
import { useDataIssueStore } from '../stores/dataIssueStore';
import { ErrorBanner } from './ErrorBanner';

/** A new meeting cycle pinning the latest snapshot of every source. */
export function NewCycleForm() {
  const createCycle = useCycleStore((s) => s.createCycle);
  const [name, setName] = useState('');
  const [meeting, setMeeting] = useState('');
  const [horizon, setHorizon] = useState(26);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setDone(null);
    // datetime-local has no zone: it is the user's local time.
    const meetingAt = new Date(meeting).toISOString();
    const r = await createCycle({ name: name.trim(), meetingAt, horizon });
    if (!r.ok) setError(r.error);
    else {
      setDone(`Cycle "${r.data.name}" created; it is now the current cycle.`);
      // The new cycle was reconciled on creation: show its data issues.
      await useDataIssueStore.getState().load();
    }
  }

  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} aria-label="New cycle">
      <label className="grow">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="2027-01 S&OP" required />
      </label>
      <label>
        Meeting
        <input type="datetime-local" value={meeting} onChange={(e) => setMeeting(e.target.value)} required />
      </label>
      <label>
        Horizon (weeks)
        <input
          type="number"
          min={1}
          max={260}
          value={horizon}
          onChange={(e) => setHorizon(Number(e.target.value))}
          required
        />
      </label>
      <button type="submit" disabled={name.trim() === '' || meeting === ''}>
        Create cycle
      </button>
      {error && <ErrorBanner error={error} />}
      {done && (
        <p className="ok-line" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
