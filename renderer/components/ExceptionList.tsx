import { useNumberStyle } from '../useNumberStyle';
import { useShallow } from 'zustand/react/shallow';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ExceptionInfoT } from '../../shared/api';
import { useExceptionStore } from '../stores/exceptionStore';
import { useVirtualRows } from '../useVirtualRows';
import { isTyping } from './decisions/captureFields';
import { ExceptionRow, ROW_HEIGHT } from './ExceptionRow';

export { ROW_HEIGHT };

/** The rank of the row an event happened in, from its data-index. */
function rankOf(target: EventTarget): number | null {
  const el = (target as HTMLElement).closest?.('[data-index]');
  return el ? Number((el as HTMLElement).dataset.index) : null;
}

export type RowAction = 'open' | 'review' | 'park' | 'decide' | 'scenarios';
const ACTION_KEY: Record<string, RowAction> = { r: 'review', p: 'park', d: 'decide', s: 'scenarios' };

export interface ExceptionListHandle {
  /** Puts the focus back on the row with this rank (after a form or the detail closes). */
  focusRow(index: number): void;
}

/**
 * The ranked exceptions as one virtual grid: only the rows in view (plus a few) are in the DOM,
 * fetched in windows as they scroll in. One tab stop (roving tabindex); j/k or the arrows move,
 * Home/End jump, Enter opens, r/p/d/s act on the focused row.
 */
export function ExceptionList({
  openKey,
  onAction,
  handle,
}: {
  openKey: string | null;
  onAction(action: RowAction, row: ExceptionInfoT, index: number): void;
  handle: { current: ExceptionListHandle | null };
}) {
  const { page, rows, ensureRange } = useExceptionStore(
    useShallow((s) => ({ page: s.page, rows: s.rows, ensureRange: s.ensureRange })),
  );
  const style = useNumberStyle();
  const total = page?.total ?? 0;
  const box = useRef<HTMLDivElement>(null);
  const { first, last, reveal } = useVirtualRows(box, total, ROW_HEIGHT);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // A new filter gives a new list: the tab stop goes back to its first row.
  useEffect(() => setActive(0), [page]);
  useEffect(() => ensureRange(first, last), [first, last, page, ensureRange]);

  function focusRow(index: number): void {
    if (total === 0) return;
    const i = Math.max(0, Math.min(total - 1, index));
    setActive(i);
    pendingFocus.current = i;
    reveal(i);
  }
  handle.current = { focusRow };

  // After the render that put the row in the DOM, the focus goes to it (without scrolling again).
  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    const page = Math.max(1, Math.floor((box.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const move: Record<string, number> = {
      ArrowDown: active + 1,
      j: active + 1,
      ArrowUp: active - 1,
      k: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: total - 1,
    };
    if (e.key in move && !e.shiftKey) {
      e.preventDefault();
      focusRow(move[e.key]!);
      return;
    }
    const row = rows[active];
    if (!row || e.shiftKey) return;
    const action = e.key === 'Enter' || e.key === ' ' ? 'open' : ACTION_KEY[e.key];
    if (!action) return;
    e.preventDefault();
    onAction(action, row, active);
  }

  const activeInDom = active >= first && active <= last;
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);

  return (
    <div
      className="exc-grid"
      role="grid"
      aria-label="Ranked exceptions"
      aria-rowcount={total + 1}
      aria-keyshortcuts="j k ArrowDown ArrowUp Home End Enter r p d s"
    >
      <div role="rowgroup" className="exc-head">
        <div role="row" className="exc-row" aria-rowindex={1}>
          <span role="columnheader" className="num">
            #
          </span>
          <span role="columnheader" className="num">
            Value at risk
          </span>
          <span role="columnheader">Type</span>
          <span role="columnheader">Subject</span>
          <span role="columnheader">Periods</span>
          <span role="columnheader">Review</span>
          <span role="columnheader">Since</span>
        </div>
      </div>
      <div
        role="rowgroup"
        className="exc-body"
        ref={box}
        // The list's one tab stop is its focused row; when that row is scrolled out of the DOM the
        // scroller takes the tab stop and hands the focus on to the row.
        tabIndex={activeInDom ? -1 : 0}
        onFocus={(e) => {
          if (e.target === e.currentTarget) focusRow(active);
          else {
            const i = rankOf(e.target);
            if (i !== null) setActive(i);
          }
        }}
        // One listener for every row (the rows have none, so they need not render again).
        onClick={(e) => {
          const i = rankOf(e.target);
          const row = i === null ? undefined : rows[i];
          if (i === null || !row) return;
          focusRow(i);
          onAction('open', row, i);
        }}
        onKeyDown={onKeyDown}
      >
        <div className="exc-sizer" style={{ height: total * ROW_HEIGHT }}>
          {indexes.map((i) => (
            <ExceptionRow
              key={i}
              index={i}
              row={rows[i]}
              active={i === active}
              open={openKey !== null && rows[i]?.key === openKey}
              style={style}
              cycleId={page?.cycleId}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
