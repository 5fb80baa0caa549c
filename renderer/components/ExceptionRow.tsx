import { memo } from 'react';
import type { ExceptionInfoT } from '../../shared/api';
import { formatMoney, type NumberStyle } from '../../shared/domain/numberFormat';
import { REVIEW_LABEL, subjectOf, TYPE_LABEL } from '../exceptionLabels';
import { fmtInt } from '../format';

/** One row's height in px; the CSS gives `.exc-row` the same, so no row ever changes the layout. */
export const ROW_HEIGHT = 40;

/**
 * One row of the virtual exception list, at its rank's place. Memoised, with no handlers of its
 * own (the list listens once, on its body): while the list scrolls, only the rows coming into
 * view render; the others are left as they are, so a frame costs a few rows, not a screenful.
 */
export const ExceptionRow = memo(function ExceptionRow({
  index,
  row,
  active,
  open,
  style,
  cycleId,
}: {
  index: number;
  /** Undefined until its window of rows has arrived: a placeholder keeps its place. */
  row: ExceptionInfoT | undefined;
  active: boolean;
  open: boolean;
  style: NumberStyle;
  cycleId: number | undefined;
}) {
  // Keyed by rank (by the list), not by exception: the element stays, and keeps the focus, when
  // the row's data arrives in place of its placeholder.
  const common = {
    role: 'row',
    'data-index': index,
    'aria-rowindex': index + 2,
    tabIndex: active ? 0 : -1,
    style: { top: index * ROW_HEIGHT },
  } as const;
  if (!row) {
    return (
      <div {...common} className="exc-row waiting" aria-busy="true">
        <span role="gridcell" className="num">
          {fmtInt(index + 1)}
        </span>
        <span role="gridcell" className="muted">
          Loading…
        </span>
      </div>
    );
  }
  return (
    <div
      {...common}
      data-key={row.key}
      className={`exc-row clickable${row.resolvedAt ? ' resolved' : ''}${open ? ' open' : ''}`}
      aria-expanded={open}
    >
      <span role="gridcell" className="num">
        {fmtInt(index + 1)}
      </span>
      <span role="gridcell" className="num strong">
        {formatMoney(row.valueAtRisk, style)}
      </span>
      <span role="gridcell">
        <span className={`type-tag ${row.type}`}>{TYPE_LABEL[row.type]}</span>
      </span>
      <span role="gridcell" className="cut" title={subjectOf(row)}>
        {subjectOf(row)}
      </span>
      <span role="gridcell" className="nowrap">
        {row.periodFrom
          ? row.periodFrom === row.periodTo
            ? row.periodFrom
            : `${row.periodFrom} – ${row.periodTo}`
          : ''}
      </span>
      <span role="gridcell" className="cut">
        <span className={`badge${row.reviewStatus === 'new' ? '' : ' ok'}`}>{REVIEW_LABEL[row.reviewStatus]}</span>
        {row.note && <span className="muted small"> {row.note}</span>}
      </span>
      <span role="gridcell" className="small cut">
        {cycleId !== undefined && row.firstSeen.cycleId !== cycleId
          ? `open since ${row.firstSeen.name}`
          : 'new this cycle'}
      </span>
    </div>
  );
});
