import { lazy, Suspense, useEffect, useId, useState } from 'react';
import type { ExceptionSeriesT } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import type { ExceptionType } from '../../../shared/planning/exceptions';
import { seriesSummary } from '../../../shared/planning/exceptionSeriesText';
import { call } from '../../api/client';
import { useNumberStyle } from '../../useNumberStyle';
import { ErrorBanner } from '../ErrorBanner';
import { SeriesTable } from './SeriesTable';
import { CHART_TITLE } from './titles';

// ECharts comes with the chart's own chunk, when a detail opens: never at the page's start.
const SeriesChart = lazy(() => import('./SeriesChart'));

/** The chart's height, reserved from the start so nothing moves when the chart arrives. */
export const CHART_HEIGHT = 300;

/** "As of the meeting on 2026-12-01; ERP extracted 2026-11-30, TMS 2026-11-29." */
function asOfText(s: ExceptionSeriesT): string {
  const sources = Object.entries(s.asOf.extracted)
    .filter(([, d]) => d !== null)
    .map(([k, d]) => `${k} ${d}`);
  return `As of the meeting on ${s.asOf.meeting}${sources.length ? `; extracted ${sources.join(', ')}` : ''}.`;
}

/**
 * The exception's chart with its text alternative: a sentence stating the key figures (also the
 * chart's accessible name), and every point as a table behind "Show as table".
 */
export function ExceptionCharts({ exceptionKey, type }: { exceptionKey: string; type: ExceptionType }) {
  const [series, setSeries] = useState<ExceptionSeriesT | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [asTable, setAsTable] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const style = useNumberStyle();
  const id = useId();
  const charted = type !== 'kpi_breach';

  useEffect(() => {
    let live = true;
    setError(null);
    void call('exception.series', { key: exceptionKey }).then((r) => {
      if (!live) return;
      if (r.ok) setSeries(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [exceptionKey, attempt]);

  const summary = series ? seriesSummary(series, style) : null;
  const title = CHART_TITLE[type];
  return (
    <section className="exc-chart" aria-labelledby={`${id}-title`} data-series={series ? series.type : 'loading'}>
      <div className="exc-chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {charted && (
          <button
            type="button"
            className="link"
            aria-expanded={asTable}
            aria-controls={`${id}-table`}
            disabled={!series}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? 'Hide table' : 'Show as table'}
          </button>
        )}
      </div>
      {error && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      <p className="exc-chart-summary" id={`${id}-summary`} aria-live="polite">
        {summary ?? (error ? '' : 'Loading the chart…')}
      </p>
      {charted && (
        <div className="exc-chart-box" style={{ height: CHART_HEIGHT }}>
          {series && summary && (
            <Suspense fallback={null}>
              <SeriesChart series={series} style={style} label={`${title}. ${summary}`} height={CHART_HEIGHT} />
            </Suspense>
          )}
        </div>
      )}
      {/* Always there, so the toggle's aria-controls names an element; the rows only when shown. */}
      <div id={`${id}-table`} hidden={!asTable}>
        {series && asTable && <SeriesTable series={series} style={style} />}
      </div>
      {series && <p className="muted small">{asOfText(series)}</p>}
    </section>
  );
}
