import { useState } from 'react';
import { COMMAND_TARGETS } from '../commandTargets';
import { useCycleStore } from '../stores/cycleStore';
import { useDataIssueStore } from '../stores/dataIssueStore';
import { useSubmit } from '../useSubmit';
import { instantInZone, isTimeZone } from '../../shared/domain/timeZone';
import { localTimeZone, TIME_ZONES } from '../timeZones';
import { FormResult } from './FormResult';

/** A new meeting cycle pinning the latest snapshot of every source. */
export function NewCycleForm() {
  const createCycle = useCycleStore((s) => s.createCycle);
  const [name, setName] = useState('');
  const [meeting, setMeeting] = useState('');
  const [horizon, setHorizon] = useState(26);
  const [timeZone, setTimeZone] = useState(localTimeZone);
  const { busy, error, done, submit } = useSubmit();

  return (
    <form
      className="form-row"
      aria-label="New cycle"
      onSubmit={(e) =>
        void submit(
          e,
          // datetime-local has no zone: it is read in the cycle's zone, not the browser's.
          () =>
            createCycle({
              name: name.trim(),
              meetingAt:
                (isTimeZone(timeZone.trim()) && instantInZone(meeting, timeZone.trim())) ||
                new Date(meeting).toISOString(),
              horizon,
              timeZone: timeZone.trim(),
            }),
          async (c) => {
            // The new cycle was reconciled on creation: show its data issues.
            await useDataIssueStore.getState().load();
            return `Cycle "${c.name}" created (from ${c.startPeriod}, ${c.timeZone}); it is now the current cycle.`;
          },
        )
      }
    >
      <label className="grow">
        Name
        <input
          id={COMMAND_TARGETS['new-cycle']}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="2027-01 S&OP"
          required
        />
      </label>
      <label>
        Meeting
        <input type="datetime-local" value={meeting} onChange={(e) => setMeeting(e.target.value)} required />
      </label>
      <label>
        Time zone
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} list="new-cycle-zones" required />
        <datalist id="new-cycle-zones">
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
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
