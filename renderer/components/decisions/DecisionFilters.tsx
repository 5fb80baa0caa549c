// Filters of the decision list: statuses (any of those ticked), owner, function, due on or
// before a date, and words in the title, rationale, owner, KPI or scenario. The server filters.
import { AGENDA_FUNCTIONS, DECISION_STATUSES, type DecisionStatus } from '../../../shared/api';
import { FUNCTION_LABEL, STATUS_LABEL } from '../../decisionLabels';
import { hasFilters, useDecisionListStore, type DecisionFilters as Filters } from '../../stores/decisionListStore';

export function DecisionFilters() {
  const filters = useDecisionListStore((s) => s.filters);
  const owners = useDecisionListStore((s) => s.owners);
  const list = useDecisionListStore((s) => s.list);
  const { setFilters, clearFilters } = useDecisionListStore.getState();

  const toggle = (s: DecisionStatus, on: boolean): void =>
    setFilters({ status: on ? [...filters.status, s] : filters.status.filter((x) => x !== s) });

  return (
    <form className="dec-filters" aria-label="Filter decisions" role="search" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="dec-status-filter">
        <legend>Status</legend>
        {DECISION_STATUSES.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" checked={filters.status.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            {STATUS_LABEL[s]}
          </label>
        ))}
      </fieldset>
      <label>
        Owner
        <select value={filters.owner} onChange={(e) => setFilters({ owner: e.target.value })}>
          <option value="">All owners</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        Function
        <select value={filters.fn} onChange={(e) => setFilters({ fn: e.target.value as Filters['fn'] })}>
          <option value="">All functions</option>
          {AGENDA_FUNCTIONS.map((f) => (
            <option key={f} value={f}>
              {FUNCTION_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Due before
        <input type="date" value={filters.dueBefore} onChange={(e) => setFilters({ dueBefore: e.target.value })} />
      </label>
      <label className="grow">
        Search
        <input
          type="search"
          value={filters.q}
          maxLength={200}
          placeholder="title, owner, KPI, scenario…"
          onChange={(e) => setFilters({ q: e.target.value })}
        />
      </label>
      <div className="dec-filter-end">
        <button type="button" className={`link${hasFilters(filters) ? '' : ' invisible'}`} onClick={clearFilters}>
          Clear filters
        </button>
        <span className="muted small" role="status">
          {list ? `${list.decisions.length} of ${list.total} decision(s)` : ''}
        </span>
      </div>
    </form>
  );
}
