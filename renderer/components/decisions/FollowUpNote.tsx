// The "why it diverged" note on one of last cycle's decisions, written in this meeting and
// appended to the decision's history; shows who wrote the last one and when.
import { useState } from 'react';
import type { FollowUpItemT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { call } from '../../api/client';
import { fmtDateTime } from '../../format';
import { useSubmit } from '../../useSubmit';
import { FormResult } from '../FormResult';

export function FollowUpNote({
  item,
  userName,
  onSaved,
}: {
  item: FollowUpItemT;
  userName: string;
  onSaved: (item: FollowUpItemT) => void;
}) {
  const [text, setText] = useState(item.note ?? '');
  const [missingName, setMissingName] = useState(false);
  const { busy, error, submit } = useSubmit();
  const title = shownName(item.decision.title, 80);

  return (
    <form
      className="followup-note"
      aria-label={`Why it diverged: ${title}`}
      onSubmit={(e) => {
        if (!userName) {
          e.preventDefault();
          setMissingName(true);
          return;
        }
        setMissingName(false);
        void submit(
          e,
          () => call('decision.note', { id: item.decision.id, note: text, by: userName }),
          (saved) => {
            onSaved(saved);
            return '';
          },
        );
      }}
    >
      <div className="followup-note-row">
        <input
          aria-label={`Why it diverged: ${title}`}
          value={text}
          maxLength={4000}
          placeholder="what happened instead, and why"
          aria-invalid={error || missingName ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" aria-busy={busy}>
          Save note
        </button>
      </div>
      {missingName && (
        <p className="field-note field-error" role="alert">
          Type your name first (above the table): the note is recorded with it.
        </p>
      )}
      <FormResult error={error} done={null} />
      {item.note !== null && item.noteBy && item.noteAt && (
        <p className="muted small note-by">
          by {shownName(item.noteBy)}, {fmtDateTime(item.noteAt)}
        </p>
      )}
    </form>
  );
}
