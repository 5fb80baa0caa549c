import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../shared/api';
import { describeDue, DUE_HINT, parseDue } from '../../shared/domain/dueDate';
import { call } from '../api/client';

/**
 * What a key on a row needs before it can act, asked in place below the list: the reviewer's
 * name (for `r` when none is set yet) or the owner role and deadline of the data issue a parked
 * exception becomes (`p`). The deadline is typed as for a decision's due date ("fri", "+3d")
 * and shows the day it reads. Escape or Cancel gives the focus back to the row.
 */
export function ExceptionAsk({
  kind,
  subject,
  needName,
  onDone,
  onCancel,
}: {
  kind: 'name' | 'park';
  subject: string;
  /** No reviewer name is set yet: the form asks it too. */
  needName: boolean;
  onDone(answer: { name: string; owner: string; deadline: string }): void;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [owners, setOwners] = useState<ApiOutput<'decision.owners'> | null>(null);
  useEffect(() => {
    if (kind === 'park') void call('decision.owners', {}).then((r) => r.ok && setOwners(r.data));
  }, [kind]);
  const deadlineIso = owners && deadline.trim() ? parseDue(deadline, owners.today) : null;
  const title =
    kind === 'park' ? `Park “${subject}” as a data issue, with an owner and a deadline` : `Mark “${subject}” reviewed`;
  return (
    <form
      className="exc-ask card"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onDone({ name: name.trim(), owner: owner.trim(), deadline });
      }}
    >
      <p className="strong">{title}</p>
      <div className="form-row">
        {needName && (
          <label>
            Your name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={80}
              autoFocus
              autoComplete="name"
            />
          </label>
        )}
        {kind === 'park' && (
          <>
            <label>
              Owner role
              <input
                value={owner}
                onChange={(e) => setOwner(e.target.value)}
                required
                maxLength={80}
                placeholder="e.g. Demand planner"
                list="park-owner-suggestions"
                autoFocus={!needName}
              />
              <datalist id="park-owner-suggestions">
                {owners?.suggestions.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.why}
                  </option>
                ))}
              </datalist>
            </label>
            <label>
              Deadline
              <input
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
                required
                maxLength={40}
                placeholder="fri, +3d, 2026-12-04"
                aria-describedby="park-deadline-read"
              />
              <span id="park-deadline-read" className="muted small" aria-live="polite">
                {deadlineIso
                  ? `by ${describeDue(deadlineIso)}`
                  : deadline.trim() && owners
                    ? `not a date: type ${DUE_HINT}`
                    : ''}
              </span>
            </label>
          </>
        )}
        <button type="submit" className="primary">
          {kind === 'park' ? 'Park' : 'Mark reviewed'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
