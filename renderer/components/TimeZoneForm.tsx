import { useEffect, useState } from 'react';
import { useCycleStore } from '../stores/cycleStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';
import { TIME_ZONES } from '../timeZones';

/**
 * The current cycle's time zone: the start week, the meeting day and every date derived from the
 * meeting are read in it. A start week derived from the meeting follows a change.
 */
export function TimeZoneForm({ userName }: { userName: string }) {
  const cycle = useCycleStore((s) => s.overview?.cycle);
  const setTimeZone = useCycleStore((s) => s.setTimeZone);
  const [zone, setZone] = useState(cycle?.timeZone ?? '');
  const { busy, error, done, submit } = useSubmit();
  useEffect(() => setZone(cycle?.timeZone ?? ''), [cycle?.id, cycle?.timeZone]);
  if (!cycle) return null;

  return (
    <form
      className="form-row"
      aria-label="Cycle time zone"
      onSubmit={(e) =>
        void submit(
          e,
          () => setTimeZone({ timeZone: zone.trim(), by: userName }),
          async (c) => `Time zone ${c.timeZone}; the plan starts ${c.startPeriod}.`,
        )
      }
    >
      <label className="grow">
        Time zone of the cycle
        <input
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          list="time-zones"
          placeholder="Europe/Berlin"
          aria-describedby="tz-hint"
          required
        />
      </label>
      <datalist id="time-zones">
        {TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <button type="submit" disabled={busy || !userName || zone.trim() === '' || zone.trim() === cycle.timeZone}>
        Set time zone
      </button>
      <span id="tz-hint" className="small muted">
        Start week, meeting day and source dates are read in it{userName ? '' : ' (enter your name above first)'}.
      </span>
      <FormResult error={error} done={done} />
    </form>
  );
}
