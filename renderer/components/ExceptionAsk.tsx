import { useState } from 'react';
import { format } from 'date-fns';

/**
 * What a key on a row needs before it can act, asked in place below the list: the reviewer's
 * name (for `r` when none is set yet) or the owner and deadline of a parked exception (`p`).
 * Escape or Cancel gives the focus back to the row.
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
  const title = kind === 'park' ? `Park “${subject}” with an owner and a deadline` : `Mark “${subject}” reviewed`;
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
                autoFocus={!needName}
              />
            </label>
            <label>
              Deadline
              <input
                type="date"
                value={deadline}
                min={format(new Date(), 'yyyy-MM-dd')}
                onChange={(e) => setDeadline(e.target.value)}
                required
              />
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
