import type { SourceStatusT } from '../../shared/api';
import { fmtAge, fmtDateTime, fmtInt, fmtTable } from '../format';

/** The cycle's pinned snapshot set: one row per source with its age at the meeting and row counts. */
export function SourceTable({ sources, missing }: { sources: SourceStatusT[]; missing: string[] }) {
  return (
    <table className="grid" aria-label="Pinned snapshots">
      <thead>
        <tr>
          <th>Source</th>
          <th>Owner</th>
          <th>Snapshot</th>
          <th>Exported</th>
          <th className="num">Age at meeting</th>
          <th className="num">Rows</th>
          <th>Tables</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.source} data-source={s.source}>
            <td className="strong">{s.source}</td>
            <td>{s.ownerRole}</td>
            <td>#{s.snapshotId}</td>
            <td>
              {fmtDateTime(s.extractedAt)}
              {s.extractionWarning && (
                <div className="extraction-warning" role="note" aria-label={`${s.source} extraction time`}>
                  {s.extractionWarning}
                </div>
              )}
            </td>
            <td className="num">
              <span
                className={s.stale || s.extractionWarning ? 'badge warn' : 'badge ok'}
                title={`Freshness limit ${s.freshnessLimitHours} h`}
              >
                {fmtAge(s.ageHours)} {s.stale ? 'stale' : s.extractionWarning ? '' : 'fresh'}
              </span>
            </td>
            <td className="num">{fmtInt(s.rowCount)}</td>
            <td className="muted small">
              {Object.entries(s.rowCounts)
                .map(([t, n]) => `${fmtTable(t)} ${fmtInt(n)}`)
                .join(' · ')}
            </td>
          </tr>
        ))}
        {missing.map((m) => (
          <tr key={m} data-source={m}>
            <td className="strong">{m}</td>
            <td colSpan={6} className="muted">
              No snapshot pinned in this cycle
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
