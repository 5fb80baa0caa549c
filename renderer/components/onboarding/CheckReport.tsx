import type { ImportCheckT } from '../../../shared/api';
import { fmtInt } from '../../format';
import { ErrorBanner } from '../ErrorBanner';
import { ImportedFiles } from '../ImportedFiles';

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
      <ImportedFiles files={check.files} label="Files checked" />
    </div>
  );
}
