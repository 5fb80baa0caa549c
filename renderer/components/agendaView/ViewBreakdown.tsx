// The view's breakdown: its KPIs' figures per family, resource or lane in one table, captioned
// with the window and the as-of the figures are computed over (KpiInfo.window). A figure without
// data reads "no data" with its reason, never 0; a breached group is marked in words.
import type { KpiInfoT } from '../../../shared/api';
import type { AgendaView } from '../../../shared/planning/agendaViews';
import { breachWords, formatMetric, KPI_LABEL, metricFace } from '../../../shared/planning/kpiFormat';
import { useNumberStyle } from '../../useNumberStyle';

const BY: Record<NonNullable<AgendaView['dimension']>, string> = {
  family: 'family',
  resource: 'resource',
  lane: 'lane',
};

export function ViewBreakdown({ view, rows }: { view: AgendaView; rows: readonly KpiInfoT[] }) {
  const style = useNumberStyle();
  if (!view.dimension) return null;
  const dim = view.dimension;
  const mine = rows.filter((r) => r.dimension === dim);
  const cell = new Map(mine.map((r) => [`${r.kpiId}|${r.group}`, r]));
  const figure = (c: AgendaView['columns'][number], g: string) =>
    cell.get(`${c.kpiId}|${g}`)?.metrics[c.metric] ?? null;
  const breachesOf = (g: string) => view.kpis.flatMap((k) => cell.get(`${k}|${g}`)?.breached ?? []);
  // One row per group: the breached ones first, then those with figures, then those with none
  // (a lane with no shipments), each in the order the KPIs list them.
  const rank = (g: string) => (breachesOf(g).length > 0 ? 0 : view.columns.some((c) => figure(c, g) !== null) ? 1 : 2);
  const groups = [...new Set(mine.map((r) => r.group))]
    .map((g, i) => ({ g, i, rank: rank(g) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.g);
  // The window of each KPI, once (the KPIs of one view can have different windows and sources).
  const windows = view.kpis
    .map((k) => mine.find((r) => r.kpiId === k) ?? rows.find((r) => r.kpiId === k))
    .filter((r): r is KpiInfoT => r !== undefined)
    .map((r) => (view.kpis.length > 1 ? `${KPI_LABEL[r.kpiId]}: ${r.window.label}` : r.window.label));
  return (
    <table className="grid compact view-breakdown" data-dimension={dim}>
      <caption>
        <strong>By {BY[dim]}</strong>
        <span className="muted">
          {' '}
          · {windows.length > 0 ? windows.join(' · ') : 'no data: the KPIs gave no figures'}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{BY[dim][0]!.toUpperCase() + BY[dim].slice(1)}</th>
          {view.columns.map((c) => (
            <th key={`${c.kpiId}.${c.metric}`} scope="col" className="num">
              {metricFace(c.metric).label[0]!.toUpperCase() + metricFace(c.metric).label.slice(1)}
            </th>
          ))}
          <th scope="col">Breached</th>
        </tr>
      </thead>
      <tbody>
        {groups.length === 0 && (
          <tr>
            <td colSpan={view.columns.length + 2} className="muted">
              no data: this cycle has no {BY[dim]} with these KPIs
            </td>
          </tr>
        )}
        {groups.map((g) => {
          const breached = breachesOf(g);
          return (
            <tr key={g} data-group={g}>
              <th scope="row">{g}</th>
              {view.columns.map((c) => {
                const x = figure(c, g);
                const why = cell.get(`${c.kpiId}|${g}`)?.noData[c.metric];
                return (
                  <td key={`${c.kpiId}.${c.metric}`} className={`num${x === null ? ' no-data' : ''}`} title={why}>
                    {formatMetric(c.metric, x, 'no data', style)}
                  </td>
                );
              })}
              <td className="small">
                {breached.length > 0 ? (
                  <>
                    <span className="badge warn">Breach</span> {breached.map((b) => breachWords(b, style)).join(', ')}
                  </>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
