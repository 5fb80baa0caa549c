// The cycle's decisions in priority order, as a listbox: Up/Down or j/k move the focus, Enter
// opens the detail, Alt+Up/Alt+Down or [ and ] move the focused decision (saved at once), and a
// row dragged onto another takes its place. Focus stays on the moved row after the reload.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DecisionInfoT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { ErrorBanner } from '../ErrorBanner';
import { hasFilters, useDecisionListStore } from '../../stores/decisionListStore';
import { useConflictIds } from '../sync/useConflictIds';
import { DecisionRow } from './DecisionRow';
import { DecisionListEmpty } from './DecisionListEmpty';
import { focusRow } from './focusRow';
import { NameAsk } from './NameAsk';
import { useMove, type MoveTo } from './useMove';

const DRAG_TYPE = 'application/x-planroom-decision';

export function DecisionList({ userName, onUserName }: { userName: string; onUserName: (n: string) => void }) {
  const list = useDecisionListStore((s) => s.list);
  const loading = useDecisionListStore((s) => s.loading);
  const error = useDecisionListStore((s) => s.error);
  const filters = useDecisionListStore((s) => s.filters);
  const openId = useDecisionListStore((s) => s.openId);
  const { load, open } = useDecisionListStore.getState();
  const decisions = list?.decisions ?? [];
  const [focusId, setFocusId] = useState<number | null>(null);
  const [dragId, setDragId] = useState<number | null>(null);
  const [overId, setOverId] = useState<number | null>(null);
  /** A move asked for before a name was given: done when the name is typed and Enter pressed. */
  const [pending, setPending] = useState<{ d: DecisionInfoT; to: MoveTo } | null>(null);
  const refocus = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const { move, announcement, setAnnouncement, error: moveError } = useMove(userName);
  const conflicts = useConflictIds(list);

  // The row that takes Tab: the focused one while it is listed, else the first.
  const tabId = decisions.some((d) => d.id === focusId) ? focusId : (decisions[0]?.id ?? null);

  useEffect(() => {
    if (refocus.current !== null && listRef.current && focusRow(refocus.current, listRef.current)) {
      refocus.current = null;
    }
  }, [list]);

  useEffect(() => {
    if (pending) nameRef.current?.focus();
  }, [pending]);

  async function moveTo(d: DecisionInfoT, to: MoveTo): Promise<void> {
    if (!userName.trim()) {
      setPending({ d, to });
      setAnnouncement('');
      return;
    }
    setPending(null);
    refocus.current = d.id;
    if (!(await move(d, to))) refocus.current = null;
  }

  /** Up or down among the rows shown: with filters, next to the visible neighbour, not a hidden one. */
  function step(index: number, dir: -1 | 1): void {
    const d = decisions[index]!;
    const neighbour = decisions[index + dir];
    if (!neighbour) {
      setAnnouncement(`${shownName(d.title, 80)} is already at the ${dir < 0 ? 'top' : 'bottom'} of the list`);
      return;
    }
    void moveTo(d, hasFilters(filters) ? neighbour.priorityRank : dir < 0 ? 'up' : 'down');
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>): void {
    const index = decisions.findIndex((d) => d.id === tabId);
    if (index < 0) return;
    const d = decisions[index]!;
    const up = (e.altKey && e.key === 'ArrowUp') || e.key === '[';
    const down = (e.altKey && e.key === 'ArrowDown') || e.key === ']';
    if (up || down) {
      e.preventDefault();
      step(index, up ? -1 : 1);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const go = (i: number): void => {
      const target = decisions[Math.max(0, Math.min(decisions.length - 1, i))]!;
      setFocusId(target.id);
      focusRow(target.id, listRef.current!);
    };
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        go(index + 1);
        break;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        go(index - 1);
        break;
      case 'Home':
        e.preventDefault();
        go(0);
        break;
      case 'End':
        e.preventDefault();
        go(decisions.length - 1);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        open(d.id);
        break;
      case 'Escape':
        if (openId !== null) {
          e.preventDefault();
          open(null);
        }
        break;
    }
  }

  const drag = (d: DecisionInfoT) => ({
    onDragStart(e: DragEvent<HTMLLIElement>) {
      e.dataTransfer.setData(DRAG_TYPE, String(d.id));
      e.dataTransfer.setData('text/plain', d.title);
      e.dataTransfer.effectAllowed = 'move';
      setDragId(d.id);
    },
    onDragOver(e: DragEvent<HTMLLIElement>) {
      if (dragId === null) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (overId !== d.id) setOverId(d.id);
    },
    onDrop(e: DragEvent<HTMLLIElement>) {
      e.preventDefault();
      const moved = decisions.find((x) => x.id === dragId);
      setDragId(null);
      setOverId(null);
      if (moved && moved.id !== d.id) {
        setFocusId(moved.id);
        void moveTo(moved, d.priorityRank);
      }
    },
    onDragEnd() {
      setDragId(null);
      setOverId(null);
    },
  });

  return (
    <div className="dec-list-wrap" aria-busy={loading}>
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {moveError && <ErrorBanner error={moveError} />}
      {pending && (
        <NameAsk
          userName={userName}
          onUserName={onUserName}
          why={`Recorded with the move of “${shownName(pending.d.title, 60)}”. Press Enter to move it.`}
          inputRef={nameRef}
          onEnter={() => {
            if (userName.trim()) {
              const { d, to } = pending;
              void moveTo(d, to);
            }
          }}
        />
      )}
      <p className="dec-live small" role="status" aria-live="polite">
        {announcement}
      </p>
      {!list && !error && <p className="muted dec-state">Loading decisions…</p>}
      {list && <DecisionListEmpty list={list} />}
      {decisions.length > 0 && (
        <>
          <div className="dec-head small" aria-hidden="true">
            <span>#</span>
            <span>Decision</span>
            <span>Owner, due, status</span>
          </div>
          <ul
            ref={listRef}
            className="dec-list"
            role="listbox"
            aria-label="Decisions by priority"
            aria-describedby="dec-keys"
            onKeyDown={onKeyDown}
          >
            {decisions.map((d) => (
              <DecisionRow
                key={d.id}
                d={d}
                conflict={conflicts.has(d.id)}
                focusable={d.id === tabId}
                open={d.id === openId}
                dragging={d.id === dragId}
                dropTarget={d.id === overId && d.id !== dragId}
                drag={drag(d)}
                onFocus={() => setFocusId(d.id)}
                onClick={() => {
                  setFocusId(d.id);
                  open(d.id);
                }}
              />
            ))}
          </ul>
          <p id="dec-keys" className="muted small">
            ↑/↓ or j/k to move between decisions, Enter to open one, Alt+↑/Alt+↓ or [ and ] to rank it higher or lower
            (saved at once), or drag a row onto another.
          </p>
        </>
      )}
      {/* Below the list: it arrives after the list, and moves nothing already shown. */}
      {decisions.some((d) => conflicts.has(d.id)) && (
        <p className="banner warn" role="note">
          <span>
            A decision above was changed on two laptops at once (marked “conflict”):{' '}
            <a href="#/sync">resolve it on the Sync page</a>.
          </span>
        </p>
      )}
    </div>
  );
}
