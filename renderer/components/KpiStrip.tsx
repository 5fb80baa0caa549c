import type { ApiOutput } from '../../shared/api';
import { KPI_METRICS } from '../../shared/planning/settings';
import { breachWords, formatMetric, formatMetricChange, metricFace } from '../../shared/planning/kpiFormat';
import { useNumberStyle } from '../useNumberStyle';

/**
 * The five KPIs in total: the headline figure (or "no data" with its reason), its trend against
 * the previous cycle, a breach, and the window it is computed over, as of which source.
 */
export function KpiStrip({ kpis }: { kpis: ApiOutput<'kpi.list'> }) {
  const style = useNumberStyle();
  return (
    <div className="kpi-strip" aria-label="KPIs">
      {kpis.rows.map((k) => {
        const [main, second] = KPI_METRICS[k.kpiId];
        const delta = formatMetricChange(main!, k.metrics[main!] ?? null, k.previous?.[main!], style);
        return (
          <div key={k.kpiId} className={`kpi${k.breached.length > 0 ? ' breached' : ''}`} data-kpi={k.kpiId}>
            <div className="kpi-name">{k.name}</div>
            <div className={`kpi-value${k.noData[main!] ? ' no-data' : ''}`}>
              {formatMetric(main!, k.metrics[main!], 'no data', style)}
            </div>
            {k.noData[main!] && <div className="small kpi-reason">{k.noData[main!]}</div>}
            <div className="small muted">
              {second && `${metricFace(second).label} ${formatMetric(second, k.metrics[second], 'no data', style)} · `}
              {delta ? `${delta} vs ${kpis.previousCycle}` : 'no previous cycle'}
            </div>
            <div className="small muted kpi-window" data-window>
              {k.window.label}
            </div>
            {k.breached.length > 0 && (
              <div className="small">
                <span className="badge warn">Breach</span> {k.breached.map((b) => breachWords(b, style)).join(', ')} ·{' '}
                {k.ownerRole}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
