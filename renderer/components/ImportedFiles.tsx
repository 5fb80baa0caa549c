import type { ImportResultT } from '../../shared/api';
import { shownName } from '../../shared/domain/displayName';
import { fmtInt } from '../format';
import { RejectedCount } from './RejectedCount';

/** What an import (or its dry run) read from each file: table, rows, rows set aside, headers not read. */
export function ImportedFiles({
  files,
  label,
  onRejected,
}: {
  files: ImportResultT['files'];
  label: string;
  /** Opens the rows set aside; without it the count is plain text (a dry run stores none). */
  onRejected?: () => void;
}) {
  return (
    <table className="grid compact import-files" aria-label={label}>
      <thead>
        <tr>
          <th>File</th>
          <th>Table</th>
          <th className="num">Rows</th>
          <th className="num">Rejected</th>
          <th>Columns not read</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={`${f.file}-${f.table}`}>
            <td className="mono small">
              {shownName(f.file)}
              {f.sheet ? ` [${shownName(f.sheet)}]` : ''}
            </td>
            <td>{f.table}</td>
            <td className="num">{fmtInt(f.rows)}</td>
            {onRejected ? (
              <RejectedCount count={f.rejected} onOpen={onRejected} />
            ) : (
              <td className="num">{fmtInt(f.rejected)}</td>
            )}
            <td className="muted small">{f.ignoredColumns.map((c) => shownName(c, 60)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
