import type { SourceStatusT } from '../../shared/api';
import { fmtAge, fmtInt, fmtTable } from '../format';
import { asOfText } from './sources/snapshotOrigin';

/**
 * The cycle's pinned snapshot set: one row per source with when its data is from ("pulled" from a
 * connection or "exported" to files, told by the snapshot's origin), its age at the meeting and
 * row counts.
 */
export function SourceTable({
  sources,
  missing,
  origins = new Map(),
}: {
  sources: SourceStatusT[];
  missing: string[];
  /** Snapshot id -> SnapshotInfo.origin; a snapshot not in it shows its time alone. */
  origins?: ReadonlyMap<number, string>;
}) {
  return (
    <table className="grid" aria-label="Pinned snapshots">
      <thead>
        <tr>
          <th>Source</th>
          <th>Owner</th>
          <th>Snapshot</th>
          <th>Data as of</th>
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
              {asOfText(origins.get(s.snapshotId), s.extractedAt)}
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
