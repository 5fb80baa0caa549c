// One decision in the ranked list: rank, title, what it aims at and answers, owner, due date and
// status. The row itself is the focusable, draggable element; the list handles keys and drops.
import type { DragEvent, MouseEvent } from 'react';
import type { DecisionInfoT } from '../../../shared/api';
import { describeDue } from '../../../shared/domain/dueDate';
import { shownName } from '../../../shared/domain/displayName';
import { expectedText, FUNCTION_LABEL, STATUS_LABEL } from '../../decisionLabels';
import { useNumberStyle } from '../../useNumberStyle';
import { TYPE_LABEL } from '../../exceptionLabels';
import { fmtDateTime } from '../../format';
import type { ExceptionType } from '../../../shared/planning/exceptions';

export interface RowDrag {
  onDragStart(e: DragEvent<HTMLLIElement>): void;
  onDragOver(e: DragEvent<HTMLLIElement>): void;
  onDrop(e: DragEvent<HTMLLIElement>): void;
  onDragEnd(): void;
}

const exceptionLabel = (e: DecisionInfoT['exceptions'][number]): string =>
  `${e.type && e.type in TYPE_LABEL ? TYPE_LABEL[e.type as ExceptionType] : 'Exception'} ${shownName(e.subject, 60)}`;

export function DecisionRow({
  d,
  conflict = false,
  focusable,
  open,
  dragging,
  dropTarget,
  drag,
  onClick,
  onFocus,
}: {
  d: DecisionInfoT;
  /** Changed on two laptops at once (resolved on the Sync page). */
  conflict?: boolean;
  focusable: boolean;
  open: boolean;
  dragging: boolean;
  dropTarget: boolean;
  drag: RowDrag;
  onClick(e: MouseEvent<HTMLLIElement>): void;
  onFocus(): void;
}) {
  const style = useNumberStyle();
  const cls = ['dec-row', open && 'open', dragging && 'dragging', dropTarget && 'drop-target', d.overdue && 'late']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      role="option"
      aria-selected={open}
      tabIndex={focusable ? 0 : -1}
      className={cls}
      data-decision-id={d.id}
      data-title={d.title}
      data-status={d.status}
      draggable
      onClick={onClick}
      onFocus={onFocus}
      {...drag}
    >
      <span className="dec-rank">{d.priorityRank}</span>
      <div className="dec-main">
        <div className="dec-title">{shownName(d.title, 200)}</div>
        <div className="dec-meta small">
          {d.kpi ? (
            <span>
              KPI {d.kpi.name}, {d.expectedValue === null ? 'no expected value' : `expected ${expectedText(d, style)}`}
            </span>
          ) : (
            <span>no KPI</span>
          )}
          {d.function && <span>{FUNCTION_LABEL[d.function]}</span>}
          {d.exceptions.length > 0 && <span>answers {d.exceptions.map(exceptionLabel).join('; ')}</span>}
          {d.scenario && <span>scenario {shownName(d.scenario.name, 80)}</span>}
          {d.carriedFrom && <span className="carried">carried over from {shownName(d.carriedFrom.name, 80)}</span>}
        </div>
        <div className="dec-meta small">
          recorded by {shownName(d.recordedBy, 80)}, {fmtDateTime(d.recordedAt)}
        </div>
      </div>
      <div className="dec-side">
        <span className="dec-owner">{shownName(d.owner, 80)}</span>
        <span className="dec-due">
          {d.dueDate ? describeDue(d.dueDate) : <span className="muted">no due date</span>}
          {d.overdue && <span className="badge late">overdue</span>}
        </span>
        <span className={`badge status ${d.status}`}>{STATUS_LABEL[d.status]}</span>
        {conflict && <span className="badge warn">conflict</span>}
      </div>
    </li>
  );
}
