import { formatMoney } from '../../shared/domain/numberFormat';
import { useShallow } from 'zustand/react/shallow';
import { useNumberStyle } from '../useNumberStyle';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { REVIEW_STATUSES } from '../../shared/api';
import { cutInput } from '../../shared/domain/errors';
import { EXCEPTION_TYPES, type ExceptionType } from '../../shared/planning/exceptions';
import { REVIEW_LABEL, TYPE_LABEL } from '../exceptionLabels';
import { filterPhrases, SEARCH_LABEL } from '../exceptionFilterText';
import { fmtInt } from '../format';
import { NO_FILTERS, useExceptionStore, type SearchField } from '../stores/exceptionStore';

/** The KPI owner roles, each answering for its KPI's exceptions: what the owner filter offers. */
function useOwnerRoles(): string[] {
  const [roles, setRoles] = useState<string[]>([]);
  useEffect(() => {
    void call('kpi.definitions', {}).then(
      (r) => r.ok && setRoles([...new Set(r.data.map((d) => d.ownerRole))].sort((a, b) => a.localeCompare(b))),
    );
  }, []);
  return roles;
}

/** The exception list's filters: type, owner, review, a search by SKU/family/resource/lane, chips and the count. */
export function ExceptionFilterBar() {
  const { page, filters, setFilters } = useExceptionStore(
    // Only what it shows: the rows arriving window by window while the list scrolls re-render the list, not this.
    useShallow((s) => ({ page: s.page, filters: s.filters, setFilters: s.setFilters })),
  );
  const style = useNumberStyle();
  const [field, setField] = useState<SearchField>('sku');
  const [text, setText] = useState('');
  const phrases = filterPhrases(filters);
  const roles = useOwnerRoles();
  return (
    <div className="exc-filters">
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
          Owner
          <select value={filters.ownerRole} onChange={(e) => setFilters({ ownerRole: e.target.value })}>
            <option value="">Any owner</option>
            {/* A role set by a chip that no KPI has any more stays choosable, so the select shows it. */}
            {(filters.ownerRole && !roles.includes(filters.ownerRole) ? [filters.ownerRole, ...roles] : roles).map(
              (r) => (
                <option key={r} value={r}>
                  {cutInput(r)}
                </option>
              ),
            )}
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
        <form
          className="exc-search"
          role="search"
          aria-label="Find exceptions"
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) return;
            setFilters({ [field]: value });
            setText('');
          }}
        >
          <label>
            Find by
            <select value={field} onChange={(e) => setField(e.target.value as SearchField)}>
              {(Object.keys(SEARCH_LABEL) as SearchField[]).map((f) => (
                <option key={f} value={f}>
                  {SEARCH_LABEL[f]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="sr-only">{SEARCH_LABEL[field]} (exact)</span>
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={`exact ${SEARCH_LABEL[field]}`}
              maxLength={200}
            />
          </label>
          <button type="submit">Filter</button>
        </form>
      </div>
      <div className="chips" aria-label="Filters in force">
        {phrases.map((p) => (
          <button
            key={p.text}
            type="button"
            className="chip"
            aria-label={`Remove filter ${cutInput(p.text)}`}
            onClick={() => setFilters(p.reset)}
          >
            {cutInput(p.text)} <span aria-hidden="true">×</span>
          </button>
        ))}
        {phrases.length > 1 && (
          <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
            Clear all
          </button>
        )}
      </div>
      <p className="muted small count-line" role="status">
        {page
          ? [
              `${fmtInt(page.total, style)} exception${page.total === 1 ? '' : 's'}`,
              ...phrases.map((p) => cutInput(p.text)),
            ].join(' · ') + ` — ${formatMoney(page.totalValue, style)} at risk`
          : ' '}
      </p>
    </div>
  );
}
