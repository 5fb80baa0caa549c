// The detail of the decision open in the list, beside it (not a modal: the list stays usable):
// its fields, expected figures and history, and the status, edits and comments, each saved with
// the user's name through decision.set. Escape closes it and puts focus back on its row.
import { useEffect, useRef, useState } from 'react';
import type { DecisionStatus } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { shownName } from '../../../shared/domain/displayName';
import { call } from '../../api/client';
import { STATUS_LABEL } from '../../decisionLabels';
import { useDecisionListStore } from '../../stores/decisionListStore';
import { useDecisionStore } from '../../stores/decisionStore';
import { ErrorBanner } from '../ErrorBanner';
import { DecisionCommentForm } from './DecisionCommentForm';
import { DecisionEditForm, type DecisionPatch } from './DecisionEditForm';
import { DecisionFacts } from './DecisionFacts';
import { DecisionHistory } from './DecisionHistory';
import { DecisionStatusButtons } from './DecisionStatusButtons';
import { focusRow } from './focusRow';
import { NameAsk } from './NameAsk';
import { useDecisionDetail } from './useDecisionDetail';

export function DecisionPanel({
  userName,
  onUserName,
  today,
}: {
  userName: string;
  onUserName: (name: string) => void;
  today: string;
}) {
  const openId = useDecisionListStore((s) => s.openId);
  const { detail, error: loadError, reload, setDetail } = useDecisionDetail(openId);
  const [busy, setBusy] = useState(false);
  /** What the last save said, and beside which part of the panel (the one it came from). */
  const [result, setResult] = useState<{ at: Part; error: AppErrorShape | null; done: string } | null>(null);
  /** Once a change was asked for without a name, the field stays until the panel closes. */
  const [askName, setAskName] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  function close(): void {
    const id = openId;
    useDecisionListStore.getState().open(null);
    setAskName(false);
    // Its row, or the list's current row when a filter hid it meanwhile.
    if (id !== null && !focusRow(id)) document.querySelector<HTMLElement>('.dec-row[tabindex="0"]')?.focus();
  }

  // Another decision opened: what was said of the last one goes. On a narrow window the panel is
  // below the list: brought into view when it would open out of sight.
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    setResult(null);
    const el = panelRef.current;
    if (openId !== null && el && el.getBoundingClientRect().top > window.innerHeight) el.scrollIntoView();
  }, [openId]);

  async function save(at: Part, patch: DecisionPatch, said: string): Promise<boolean> {
    if (openId === null) return false;
    if (!userName.trim()) {
      setAskName(true);
      setResult(null);
      // The field may only now be rendered: focus it once it is.
      queueMicrotask(() => nameRef.current?.focus());
      return false;
    }
    setBusy(true);
    const r = await call('decision.set', { id: openId, ...patch, by: userName.trim() });
    setBusy(false);
    if (!r.ok) {
      setResult({ at, error: r.error, done: '' });
      return false;
    }
    setResult({ at, error: null, done: said });
    setDetail(r.data);
    useDecisionStore.getState().changed();
    return true;
  }

  // Escape closes the detail wherever focus is (in the panel, or nowhere after a click on text),
  // unless something nearer took it first (the list, the capture form, which is then open).
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (openId === null) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented || useDecisionStore.getState().capture) return;
      e.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId]);

  if (openId === null) {
    return (
      <aside className="dec-panel card empty" aria-label="Decision detail">
        <p className="muted">Open a decision (Enter, or a click) to see its history and change it.</p>
      </aside>
    );
  }

  return (
    <aside ref={panelRef} className="dec-panel card" aria-label="Decision detail" data-decision-id-open={openId}>
      <div className="row-head">
        <h2>{detail ? shownName(detail.title, 200) : 'Decision'}</h2>
        <button type="button" className="link" onClick={close}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
      {loadError && <ErrorBanner error={loadError} onRetry={() => void reload()} />}
      {!detail && !loadError && <p className="muted">Loading the decision…</p>}
      {detail && (
        <>
          {(askName || !userName.trim()) && (
            <NameAsk
              userName={userName}
              onUserName={(n) => {
                setAskName(true);
                onUserName(n);
              }}
              why="Recorded with each change and comment."
              inputRef={nameRef}
            />
          )}
          <DecisionStatusButtons
            status={detail.status}
            busy={busy}
            onStatus={(s: DecisionStatus) =>
              void save('status', { status: s }, `Status set to ${STATUS_LABEL[s].toLowerCase()}.`)
            }
          />
          <SaveResult at="status" result={result} reserve />
          <DecisionFacts d={detail} />
          <h3>Change</h3>
          <DecisionEditForm
            key={`${detail.id}:${detail.updatedAt}`}
            d={detail}
            today={today}
            busy={busy}
            onSave={(p) => save('edit', p, 'Changes saved.')}
          />
          <SaveResult at="edit" result={result} />
          <DecisionCommentForm busy={busy} onComment={(text) => save('comment', { comment: text }, 'Comment added.')} />
          <SaveResult at="comment" result={result} />
          <h3>History</h3>
          <DecisionHistory history={detail.history} kpiId={detail.kpi?.id ?? null} />
        </>
      )}
    </aside>
  );
}

type Part = 'status' | 'edit' | 'comment';

/** The answer to a save, shown beside the part that saved; the status line keeps its height. */
function SaveResult({
  at,
  result,
  reserve = false,
}: {
  at: Part;
  result: { at: Part; error: AppErrorShape | null; done: string } | null;
  reserve?: boolean;
}) {
  const mine = result?.at === at ? result : null;
  return (
    <>
      {(reserve || mine?.done) && (
        <p className="dec-save-line small" role="status" data-part={at}>
          {mine?.done ?? ''}
        </p>
      )}
      {mine?.error && <ErrorBanner error={mine.error} />}
    </>
  );
}
