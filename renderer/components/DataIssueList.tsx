import { Fragment, useEffect, useState } from 'react';
import { DATA_ISSUE_KINDS } from '../../shared/api';
import { useShallow } from 'zustand/react/shallow';
import { selectFilteredIssues, selectOwners, selectSources, useDataIssueStore } from '../stores/dataIssueStore';
import { DataIssueDetail } from './DataIssueDetail';
import { ErrorBanner } from './ErrorBanner';

const KIND_LABEL: Record<(typeof DATA_ISSUE_KINDS)[number], string> = {
  stock_mismatch: 'Stock mismatch',
  missing_shipment: 'No shipment planned',
  unknown_key: 'Unknown key',
  stale_source: 'Stale source',
  overestimated_demand: 'Overestimated demand',
  exception_parked: 'Parked exception',
};

/** The cycle's data issues: filtered by status, owner and source; a row opens its detail. */
export function DataIssueList({ userName }: { userName: string }) {
  const { filters, error, loaded, load, setFilters, reconcile } = useDataIssueStore();
  // Derived arrays: compared shallowly, or each render would see a new value and loop.
  const issues = useDataIssueStore(useShallow(selectFilteredIssues));
  const owners = useDataIssueStore(useShallow(selectOwners));
  const sources = useDataIssueStore(useShallow(selectSources));
  const [openId, setOpenId] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  async function rerun(): Promise<void> {
    const r = await reconcile({});
    setNote(
      r.ok ? `${r.data.open} open: ${r.data.opened} new, ${r.data.closed} closed because the cause is gone.` : null,
    );
  }

  return (
    <div aria-label="Data issues">
      <div className="form-row filters">
        <label>
          Status
          <select
            value={filters.status}
            onChange={(e) => setFilters({ status: e.target.value as 'open' | 'closed' | '' })}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="">All</option>
          </select>
        </label>
        <label>
          Owner
          <select value={filters.owner} onChange={(e) => setFilters({ owner: e.target.value })}>
            <option value="">All owners</option>
            {owners.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={filters.source} onChange={(e) => setFilters({ source: e.target.value })}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void rerun()}>
          Re-run checks
        </button>
        {note && (
          <p className="ok-line" role="status">
            {note}
          </p>
        )}
      </div>
      {error && <ErrorBanner error={error} />}
      {/* A fixed-height box: the page below does not jump when the list arrives (no layout shift). */}
      <div className="issue-scroll" role="region" aria-label="Data issues (scrolls)" tabIndex={0}>
        <table className="grid" aria-label="Data issue list">
          <thead>
            <tr>
              <th>Issue</th>
              <th>Source</th>
              <th>Owner</th>
              <th>Assignee</th>
              <th>Deadline</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <Fragment key={i.id}>
                <tr
                  className="clickable"
                  data-issue={i.id}
                  aria-expanded={openId === i.id}
                  onClick={() => setOpenId(openId === i.id ? null : i.id)}
                >
                  <td>
                    <span className="strong">{KIND_LABEL[i.kind]}</span>
                    <div className="small">{i.summary}</div>
                  </td>
                  <td>{i.source ?? <span className="muted">not pinned</span>}</td>
                  <td>{i.ownerRole}</td>
                  <td>{i.assignee ?? <span className="muted">unassigned</span>}</td>
                  <td className="nowrap">{i.deadline}</td>
                  <td>
                    <span className={i.status === 'open' ? 'badge warn' : 'badge ok'}>{i.status}</span>
                  </td>
                </tr>
                {openId === i.id && (
                  <tr>
                    <td colSpan={6}>
                      <DataIssueDetail issue={i} userName={userName} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
            {issues.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {loaded ? 'No data issues match.' : 'Loading the data issues…'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
