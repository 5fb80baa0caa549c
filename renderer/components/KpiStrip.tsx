import type { ApiOutput } from '../../shared/api';
import { KPI_METRICS } from '../../shared/planning/settings';
import { formatMetric } from '../../shared/planning/kpiFormat';
import { fmtDelta } from '../exceptionLabels';

/**
 * The five KPIs in total: the headline figure (or "no data" with its reason), its trend against
 * the previous cycle, a breach, and the window it is computed over, as of which source.
 */
export function KpiStrip({ kpis }: { kpis: ApiOutput<'kpi.list'> }) {
  return (
    <div className="kpi-strip" aria-label="KPIs">
      {kpis.rows.map((k) => {
        const [main, second] = KPI_METRICS[k.kpiId];
        const delta = fmtDelta(main!, k.metrics[main!] ?? null, k.previous?.[main!]);
        return (
          <div key={k.kpiId} className={`kpi${k.breached.length > 0 ? ' breached' : ''}`} data-kpi={k.kpiId}>
            <div className="kpi-name">{k.name}</div>
            <div className={`kpi-value${k.noData[main!] ? ' no-data' : ''}`}>
              {formatMetric(main!, k.metrics[main!], 'no data')}
            </div>
            {k.noData[main!] && <div className="small kpi-reason">{k.noData[main!]}</div>}
            <div className="small muted">
              {second && `${second.replaceAll('_', ' ')} ${formatMetric(second, k.metrics[second], 'no data')} · `}
              {delta ? `${delta} vs ${kpis.previousCycle}` : 'no previous cycle'}
            </div>
            <div className="small muted kpi-window" data-window>
              {k.window.label}
            </div>
            {k.breached.length > 0 && (
              <div className="small">
                <span className="badge warn">Breach</span> {k.breached.join(', ')} · {k.ownerRole}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
