// A comment on a decision, appended to its history. Ctrl+Enter (or the button) adds it.
import { useState } from 'react';

export function DecisionCommentForm({ busy, onComment }: { busy: boolean; onComment(text: string): Promise<boolean> }) {
  const [text, setText] = useState('');
  const submit = async (): Promise<void> => {
    if (!text.trim() || busy) return;
    if (await onComment(text.trim())) setText('');
  };
  return (
    <form
      className="dec-comment-form"
      aria-label="Add a comment"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Comment
        <textarea
          value={text}
          rows={3}
          maxLength={4000}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      <button type="submit" disabled={busy || !text.trim()}>
        Add comment
      </button>
    </form>
  );
}
