import type { ProgressInfoT } from '../../shared/api';
import { fmtInt } from '../format';
import { shownName } from '../../shared/domain/displayName';

/** A progress bar with what is being read, rows so far and rows per second. */
export function ImportProgress({
  progress,
  label = 'Import progress',
}: {
  progress: ProgressInfoT | null;
  /** The bar's accessible name: "Pull progress of ERP". */
  label?: string;
}) {
  const fraction = progress?.fraction ?? undefined;
  return (
    <div className="import-progress" aria-live="polite">
      <progress aria-label={label} max={1} value={fraction} />
      <span className="small">
        {progress
          ? `${shownName(progress.label)}: ${fraction !== undefined ? `${Math.floor(fraction * 100)}% · ` : ''}${fmtInt(progress.rows)} rows · ${fmtInt(progress.rowsPerSecond)} rows/s`
          : 'Starting…'}
      </span>
    </div>
  );
}
