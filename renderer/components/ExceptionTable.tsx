import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExceptionInfoT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { EXCEPTION_KPI } from '../../shared/planning/decisionAim';
import { call } from '../api/client';
import { REVIEW_LABEL, subjectOf } from '../exceptionLabels';
import { filterPhrases } from '../exceptionFilterText';
import { useDecisionStore } from '../stores/decisionStore';
import { NO_FILTERS, useExceptionStore } from '../stores/exceptionStore';
import { useUserName } from '../useUserName';
import { ErrorBanner } from './ErrorBanner';
import { ExceptionAsk } from './ExceptionAsk';
import { ExceptionDetail } from './ExceptionDetail';
import { ExceptionFilterBar } from './ExceptionFilterBar';
import { ExceptionList, type ExceptionListHandle, type RowAction } from './ExceptionList';

type Focused = { row: ExceptionInfoT; index: number };
type ReviewStatus = ExceptionInfoT['reviewStatus'];

/**
 * The ranked exception list, worked from the keyboard: filters and chips on top, the virtual
 * list, what a key asks in place, and the opened detail below the list (outside it, so the
 * list keeps its fixed height and its virtual rows).
 */
export function ExceptionTable() {
  const { page, filters, setFilters, patchRow } = useExceptionStore(
    // Only what it shows: the rows arriving window by window while the list scrolls re-render the list, not this.
    useShallow((s) => ({ page: s.page, filters: s.filters, setFilters: s.setFilters, patchRow: s.patchRow })),
  );
  const [userName, setUserName] = useUserName();
  const [open, setOpen] = useState<Focused | null>(null);
  const [ask, setAsk] = useState<(Focused & { kind: 'name' | 'park' }) | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  /** Bumped by a review from the list, so an open detail shows the new status. */
  const [version, setVersion] = useState(0);
  const list = useRef<ExceptionListHandle | null>(null);

  async function review(f: Focused, status: ReviewStatus, note: string | undefined, by: string): Promise<void> {
    const r = await call('exception.review', { key: f.row.key, status, note, by });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    patchRow(r.data);
    setVersion((v) => v + 1);
    setSaid(`${subjectOf(f.row)}: ${REVIEW_LABEL[status].toLowerCase()}${note ? ` (${note})` : ''}.`);
  }

  /** Opens a data issue for the exception; the server marks the exception actioned with it. */
  async function park(f: Focused, ownerRole: string, deadline: string, by: string): Promise<void> {
    const r = await call('dataIssue.park', { key: f.row.key, ownerRole, deadline, by });
    if (!r.ok) {
      // The form stays open with what was typed, the refusal above it.
      setError(r.error);
      return;
    }
    setError(null);
    const now = await call('exception.get', { key: f.row.key });
    if (now.ok) patchRow(now.data);
    setVersion((v) => v + 1);
    setSaid(`${subjectOf(f.row)}: parked as data issue #${r.data.id}, ${ownerRole}, deadline ${r.data.deadline}.`);
    closeAsk();
  }

  function onAction(action: RowAction, row: ExceptionInfoT, index: number): void {
    const f = { row, index };
    if (action === 'open') setOpen(open?.row.key === row.key ? null : f);
    else if (action === 'review') {
      if (userName.trim()) void review(f, 'reviewed', row.note ?? undefined, userName.trim());
      else setAsk({ ...f, kind: 'name' });
    } else if (action === 'park') setAsk({ ...f, kind: 'park' });
    else if (action === 'decide') {
      useDecisionStore.getState().openCapture({
        kind: 'exception',
        exceptionKey: row.key,
        subject: subjectOf(row),
        kpiId: row.kpiId ?? EXCEPTION_KPI[row.type],
      });
    } else window.location.hash = '#/scenarios';
  }

  function closeAsk(): void {
    const back = ask?.index;
    setAsk(null);
    if (back !== undefined) list.current?.focusRow(back);
  }

  const phrases = filterPhrases(filters);
  const empty = page !== null && page.total === 0;
  return (
    <div aria-label="Exception list">
      <ExceptionFilterBar />
      {error && <ErrorBanner error={error} />}
      {empty ? (
        <div className="exc-empty" role="status">
          {phrases.length > 0 ? (
            <>
              <p>No exception matches {phrases.map((p) => p.text).join(' and ')}.</p>
              <button type="button" onClick={() => setFilters(NO_FILTERS)}>
                Clear the filters
              </button>
            </>
          ) : (
            <p>This cycle raises no exceptions.</p>
          )}
        </div>
      ) : (
        <ExceptionList openKey={open?.row.key ?? null} onAction={onAction} handle={list} />
      )}
      <p className="muted small keys-hint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>r</kbd> reviewed · <kbd>p</kbd> park as a data
        issue (owner, deadline) · <kbd>d</kbd> decide · <kbd>s</kbd> scenarios
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {ask && (
        <ExceptionAsk
          key={`${ask.kind}-${ask.row.key}`}
          kind={ask.kind}
          subject={subjectOf(ask.row)}
          needName={!userName.trim()}
          onCancel={closeAsk}
          onDone={({ name, owner, deadline }) => {
            const by = userName.trim() || name;
            if (!userName.trim()) setUserName(name);
            if (ask.kind === 'park') void park(ask, owner, deadline, by);
            else void review(ask, 'reviewed', ask.row.note ?? undefined, by).then(closeAsk);
          }}
        />
      )}
      {open && (
        <div
          className="exc-detail-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              const back = open.index;
              setOpen(null);
              list.current?.focusRow(back);
            }
          }}
        >
          <ExceptionDetail key={`${open.row.key}-${version}`} exceptionKey={open.row.key} userName={userName.trim()} />
        </div>
      )}
    </div>
  );
}
