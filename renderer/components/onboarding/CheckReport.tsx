import type { ImportCheckT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { fmtInt } from '../../format';
import { ErrorBanner } from '../ErrorBanner';

/** The dry run's answer: what the import would store, or every problem that stops it. */
export function CheckReport({ check }: { check: ImportCheckT }) {
  if (!check.passed && check.problem) {
    return (
      <div aria-label="Validation result">
        <p className="warn-text strong">Would not import: fix these, then validate again. Nothing was stored.</p>
        <ErrorBanner error={check.problem} />
      </div>
    );
  }
  return (
    <div aria-label="Validation result">
      <p className="ok-line" role="status">
        Would import {fmtInt(check.rowCount)} rows
        {check.rejectedCount > 0 ? `, ${fmtInt(check.rejectedCount)} bad rows set aside` : ''}. Nothing was stored yet.
      </p>
      <table className="grid compact" aria-label="Files checked">
        <thead>
          <tr>
            <th>File</th>
            <th>Table</th>
            <th className="num">Rows</th>
            <th>Columns not read</th>
          </tr>
        </thead>
        <tbody>
          {check.files.map((f) => (
            <tr key={`${f.file}-${f.table}`}>
              <td className="mono small">
                {shownName(f.file)}
                {f.sheet ? ` [${shownName(f.sheet)}]` : ''}
              </td>
              <td>{f.table}</td>
              <td className="num">{fmtInt(f.rows)}</td>
              <td className="muted small">{f.ignoredColumns.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
