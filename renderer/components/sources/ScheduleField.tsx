// When the app pulls the source by itself: a five-field cron expression in the cycle's time zone,
// or nothing for on demand only; the next pull the saved schedule gives is shown beside it.
import type { AppErrorShape } from '../../../shared/domain/errors';
import { fmtDateTime } from '../../format';
import { FieldError } from '../FieldError';
import { formFieldOf } from './fieldErrors';

export function ScheduleField({
  idPrefix,
  value,
  nextPullAt,
  error,
  onChange,
}: {
  idPrefix: string;
  value: string;
  /** From the saved status: null without a schedule (or none saved yet). */
  nextPullAt: string | null;
  error: AppErrorShape | null;
  onChange(v: string): void;
}) {
  const help = `${idPrefix}-schedule-help`;
  return (
    <div className="form-row source-schedule">
      <label>
        Schedule (cron)
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="on demand only"
          maxLength={100}
          spellCheck={false}
          className="mono"
          aria-invalid={error && formFieldOf(error) === 'schedule' ? true : undefined}
          aria-describedby={`${help} ${idPrefix}-schedule-err`}
        />
        <FieldError id={`${idPrefix}-schedule-err`} field="schedule" error={error} fieldOf={formFieldOf} />
      </label>
      <p id={help} className="muted small source-schedule-help">
        Minute, hour, day, month, weekday: <code>0 6 * * 1-5</code> = 06:00 on weekdays, in the cycle&apos;s time zone,
        while Planroom runs. Empty: on demand only.
        <br />
        <span className="source-next">
          Next pull: {nextPullAt ? <strong>{fmtDateTime(nextPullAt)}</strong> : 'none scheduled'}
        </span>
      </p>
    </div>
  );
}
