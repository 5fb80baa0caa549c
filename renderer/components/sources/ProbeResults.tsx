// What "Test connection" found, one block per table the profile maps: where it read, the columns
// found, the profile's headers the feed or query lacks (marked with text, not colour only), the
// first rows, and a table's error with what to do. Every cell is shown escaped (shownName).
import type { TableProbeT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { formatError } from '../../../shared/domain/errors';
import { fmtTable } from '../../format';

function Probe({ p }: { p: TableProbeT }) {
  const missing = new Set(p.missing);
  return (
    <section className="source-probe" aria-label={`Test of ${fmtTable(p.table)}`}>
      <h4>
        {fmtTable(p.table)} <span className={p.ok ? 'badge ok' : 'badge warn'}>{p.ok ? 'read' : 'failed'}</span>{' '}
        <span className="muted small mono">{shownName(p.from)}</span>
      </h4>
      {p.error && (
        <p className="banner error" role="note">
          <span>{formatError(p.error)}</span>
        </p>
      )}
      {p.missing.length > 0 && (
        <p className="probe-missing">
          <strong>Missing columns</strong> the profile reads: {p.missing.map((m) => shownName(m)).join(', ')}
        </p>
      )}
      {p.columns.length > 0 && (
        <div className="probe-sample">
          <table className="grid compact" aria-label={`First rows of ${fmtTable(p.table)}`}>
            <thead>
              <tr>
                {p.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {shownName(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.sample.map((row, r) => (
                <tr key={r}>
                  {p.columns.map((_, i) => (
                    <td key={i} className="mono small">
                      {shownName(row[i] ?? '')}
                    </td>
                  ))}
                </tr>
              ))}
              {p.sample.length === 0 && (
                <tr>
                  <td colSpan={p.columns.length} className="muted">
                    No rows.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {missing.size === 0 && p.ok && <p className="ok-line small">Every column the profile reads is there.</p>}
    </section>
  );
}

/** The whole test: a line for the outcome, then each table. */
export function ProbeResults({ ok, tables }: { ok: boolean; tables: TableProbeT[] }) {
  return (
    <div className="source-probes">
      <p className={ok ? 'ok-line' : 'banner warn'} role="status">
        {ok
          ? `Connection works: ${tables.length} ${tables.length === 1 ? 'table' : 'tables'} read.`
          : tables.length === 0
            ? 'Test failed: no table was read.'
            : `Test failed: ${tables.filter((t) => !t.ok).length} of ${tables.length} tables could not be read as the profile expects.`}
      </p>
      {tables.map((t) => (
        <Probe key={t.table} p={t} />
      ))}
    </div>
  );
}
