import { useState, type SyntheticEvent } from 'react';
import type { ApiResult, DataIssueT } from '../../shared/api';
import { fmtDateTime } from '../format';
import { useDataIssueStore } from '../stores/dataIssueStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

const EVIDENCE_SHOWN = 20;

/** One data issue opened up: its evidence rows, its comments, and assign / comment / close. */
export function DataIssueDetail({ issue, userName }: { issue: DataIssueT; userName: string }) {
  const { assign, comment, close } = useDataIssueStore();
  const [assignee, setAssignee] = useState(issue.assignee ?? '');
  const [text, setText] = useState('');
  const { busy, error, submit } = useSubmit();
  const columns = Object.keys(issue.evidence.rows[0] ?? {});

  /** Assign, comment and close reload the list on success (the store does); clear the text box. */
  function run<T>(e: SyntheticEvent, action: () => Promise<ApiResult<T>>): void {
    void submit(e, action, () => {
      setText('');
      return '';
    });
  }

  return (
    <div className="issue-detail">
      <h3>
        Evidence{' '}
        <span className="muted small">
          {Math.min(EVIDENCE_SHOWN, issue.evidence.rows.length)} of {issue.evidence.total} row(s)
        </span>
      </h3>
      <table className="grid compact">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c.replaceAll('_', ' ')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issue.evidence.rows.slice(0, EVIDENCE_SHOWN).map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>
                  {typeof r[c] === 'number' ? Math.round((r[c] as number) * 1000) / 1000 : String(r[c] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Comments</h3>
      {issue.comments.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <ul className="comments">
          {issue.comments.map((c, i) => (
            <li key={i}>
              <span className="strong">{c.author}</span> <span className="muted small">{fmtDateTime(c.createdAt)}</span>
              <div>{c.body}</div>
            </li>
          ))}
        </ul>
      )}

      <FormResult error={error} done={null} />
      {issue.status === 'open' && (
        <div className="form-row">
          <form
            className="form-row"
            aria-label="Assign"
            onSubmit={(e) => run(e, () => assign({ id: issue.id, assignee, by: userName }))}
          >
            <label>
              Assignee
              <input value={assignee} onChange={(e) => setAssignee(e.target.value)} required />
            </label>
            <button type="submit" disabled={busy || !userName || !assignee.trim()}>
              Assign
            </button>
          </form>
          <form
            className="form-row grow"
            aria-label="Comment or close"
            onSubmit={(e) => run(e, () => comment({ id: issue.id, author: userName, body: text }))}
          >
            <label className="grow">
              Comment, or the reason for closing
              <input value={text} onChange={(e) => setText(e.target.value)} required />
            </label>
            <button type="submit" disabled={busy || !userName || !text.trim()}>
              Comment
            </button>
            <button
              type="button"
              disabled={busy || !userName || !text.trim()}
              onClick={(e) => run(e, () => close({ id: issue.id, by: userName, reason: text }))}
            >
              Close issue
            </button>
          </form>
        </div>
      )}
      {!userName && <p className="muted small">Enter your name above to assign, comment or close.</p>}
    </div>
  );
}
