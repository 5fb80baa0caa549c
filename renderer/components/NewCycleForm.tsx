import { useState } from 'react';
import { useCycleStore } from '../stores/cycleStore';
import { useDataIssueStore } from '../stores/dataIssueStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

/** A new meeting cycle pinning the latest snapshot of every source. */
export function NewCycleForm() {
  const createCycle = useCycleStore((s) => s.createCycle);
  const [name, setName] = useState('');
  const [meeting, setMeeting] = useState('');
  const [horizon, setHorizon] = useState(26);
  const { busy, error, done, submit } = useSubmit();

  return (
    <form
      className="form-row"
      aria-label="New cycle"
      onSubmit={(e) =>
        void submit(
          e,
          // datetime-local has no zone: it is the user's local time.
          () => createCycle({ name: name.trim(), meetingAt: new Date(meeting).toISOString(), horizon }),
          async (c) => {
            // The new cycle was reconciled on creation: show its data issues.
            await useDataIssueStore.getState().load();
            return `Cycle "${c.name}" created; it is now the current cycle.`;
          },
        )
      }
    >
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
      <button type="submit" disabled={busy || name.trim() === '' || meeting === ''}>
        Create cycle
      </button>
      <FormResult error={error} done={done} />
    </form>
  );
}
