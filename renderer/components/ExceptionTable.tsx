import { Fragment, useState } from 'react';
import { REVIEW_STATUSES } from '../../shared/api';
import { EXCEPTION_TYPES, type ExceptionType } from '../../shared/planning/exceptions';
import { REVIEW_LABEL, subjectOf, TYPE_LABEL } from '../exceptionLabels';
import { formatMoney } from '../../shared/domain/numberFormat';
import { fmtInt } from '../format';
import { useNumberStyle } from '../useNumberStyle';
import { PAGE_SIZE, useExceptionStore } from '../stores/exceptionStore';
import { ExceptionDetail } from './ExceptionDetail';

/** The ranked exception list: filters, one page at a time, a row opens its detail. */
export function ExceptionTable({ userName }: { userName: string }) {
  const { page, filters, offset, setFilters, setOffset } = useExceptionStore();
  const [openKey, setOpenKey] = useState<string | null>(null);
  const style = useNumberStyle();
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  return (
    <div aria-label="Exception list">
      <div className="form-row filters">
        <label>
          Type
          <select value={filters.type} onChange={(e) => setFilters({ type: e.target.value as ExceptionType | '' })}>
            <option value="">All types</option>
            {EXCEPTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Review
          <select
            value={filters.reviewStatus}
            onChange={(e) => setFilters({ reviewStatus: e.target.value as (typeof REVIEW_STATUSES)[number] | '' })}
          >
            <option value="">Any</option>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REVIEW_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={filters.includeResolved}
            onChange={(e) => setFilters({ includeResolved: e.target.checked })}
          />
          Also no longer raised
        </label>
        {page && (
          <p className="muted small" role="status">
            {fmtInt(total, style)} exception(s), {formatMoney(page.totalValue, style)} at risk
          </p>
        )}
      </div>
      <table className="grid" aria-label="Ranked exceptions">
        <thead>
          <tr>
            <th className="num">#</th>
            <th className="num">Value at risk</th>
            <th>Type</th>
            <th>Subject</th>
            <th>Periods</th>
            <th>Review</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e, i) => (
            <Fragment key={e.key}>
              <tr
                className={`clickable${e.resolvedAt ? ' resolved' : ''}`}
                aria-expanded={openKey === e.key}
                // Reachable by keyboard too: Tab to a row, Enter or Space opens its detail.
                tabIndex={0}
                onClick={() => setOpenKey(openKey === e.key ? null : e.key)}
                onKeyDown={(ev) => {
                  if ((ev.key === 'Enter' || ev.key === ' ') && ev.target === ev.currentTarget) {
                    ev.preventDefault();
                    setOpenKey(openKey === e.key ? null : e.key);
                  }
                }}
              >
                <td className="num">{offset + i + 1}</td>
                <td className="num strong">{formatMoney(e.valueAtRisk, style)}</td>
                <td>
                  <span className={`type-tag ${e.type}`}>{TYPE_LABEL[e.type]}</span>
                </td>
                <td>{subjectOf(e)}</td>
                <td className="nowrap">
                  {e.periodFrom ? (e.periodFrom === e.periodTo ? e.periodFrom : `${e.periodFrom} – ${e.periodTo}`) : ''}
                </td>
                <td>
                  <span className={`badge${e.reviewStatus === 'new' ? '' : ' ok'}`}>
                    {REVIEW_LABEL[e.reviewStatus]}
                  </span>
                  {e.note && <span className="muted small"> {e.note}</span>}
                </td>
                <td className="small">
                  {page && e.firstSeen.cycleId !== page.cycleId ? `open since ${e.firstSeen.name}` : 'new this cycle'}
                </td>
              </tr>
              {openKey === e.key && (
                <tr>
                  <td colSpan={7}>
                    <ExceptionDetail exceptionKey={e.key} userName={userName} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {total > PAGE_SIZE && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Previous
          </button>
          <span className="small muted">
            {offset + 1}–{Math.min(total, offset + PAGE_SIZE)} of {fmtInt(total)}
          </span>
          <button type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}
