import type { ExceptionSeriesT } from '../../../shared/api';
import { formatNumber, type NumberStyle } from '../../../shared/domain/numberFormat';

type Cell = string;
interface TableSpec {
  caption: string;
  head: string[];
  /** Which columns hold numbers (right-aligned). */
  num: boolean[];
  rows: { key: string; cells: Cell[]; flagged: boolean }[];
}

const yesNo = (x: boolean, yes: string): string => (x ? yes : '');

/** Every point of the chart as rows: the table behind "Show as table". */
function spec(s: ExceptionSeriesT, style: NumberStyle): TableSpec | null {
  const f = formatNumber;
  switch (s.type) {
    case 'below_safety_stock':
      return {
        caption: 'Projected available stock against safety stock, per week',
        head: ['Week', 'Available', 'Safety stock', 'Demand', 'Below'],
        num: [false, true, true, true, false],
        rows: s.weeks.map((w) => ({
          key: w.period,
          flagged: w.below,
          cells: [
            w.period,
            f('units', w.available, style),
            f('units', w.safetyStock, style),
            f('units', w.demand, style),
            yesNo(w.below, 'below'),
          ],
        })),
      };
    case 'capacity_shortfall':
      return {
        caption: 'Load against capacity, per week',
        head: ['Week', 'Load', 'Capacity', 'Over by', 'Over'],
        num: [false, true, true, true, false],
        rows: s.weeks.map((w) => ({
          key: w.period,
          flagged: w.over,
          cells: [
            w.period,
            f('hours', w.load, style),
            f('hours', w.capacity, style),
            w.load === null || w.capacity === null ? 'no data' : w.over ? f('hours', w.load - w.capacity, style) : '',
            yesNo(w.over, 'over'),
          ],
        })),
      };
    case 'otif_risk':
      return {
        caption: "The order's lines against their committed dates",
        head: ['Line', 'SKU', 'Requested', 'Committed', 'Planned ship', 'ETA', 'Delivered', 'Days late', 'Reason'],
        num: [true, false, false, false, false, false, false, true, false],
        rows: s.lines.map((l) => ({
          key: String(l.line),
          flagged: l.atRisk,
          cells: [
            String(l.line),
            l.sku,
            l.requested ?? 'no data',
            l.committed,
            l.plannedShip ?? 'none planned',
            l.eta ?? 'none planned',
            l.delivered ?? 'not yet',
            l.daysLate === null ? 'no data' : l.daysLate > 0 ? `${l.daysLate}` : 'on time',
            l.reason ?? '',
          ],
        })),
      };
    case 'logistics_cost_guardrail':
      return {
        caption: 'Freight per shipment and so far, against the guardrail',
        head: ['Shipment', 'Line', 'Lane', 'Planned ship', 'Freight', 'So far', 'Guardrail'],
        num: [false, true, false, false, true, true, false],
        rows: s.shipments.map((x) => ({
          key: x.shipmentId,
          flagged: x.overGuardrail,
          cells: [
            x.shipmentId,
            String(x.line),
            x.lane,
            x.plannedShip ?? 'no data',
            f('money', x.freight, style),
            f('money', x.cumulative, style),
            x.overGuardrail ? 'over' : 'within',
          ],
        })),
      };
    case 'demand_shift':
      return {
        caption: 'Demand against forecast, per week',
        head: ['Week', 'Current forecast', 'Prior forecast', 'Actual sales', 'Measured'],
        num: [false, true, true, true, false],
        rows: s.weeks.map((w) => ({
          key: w.period,
          flagged: w.inWindow,
          cells: [
            w.period,
            f('units', w.current, style),
            f('units', w.prior, style),
            f('units', w.actual, style),
            yesNo(w.inWindow, 'in window'),
          ],
        })),
      };
    case 'kpi_breach':
      return null;
  }
}

/** The chart's data as a table; flagged rows (below, over, at risk, in the window) in bold. */
export function SeriesTable({ series, style }: { series: ExceptionSeriesT; style: NumberStyle }) {
  const t = spec(series, style);
  if (!t) return null;
  return (
    <div className="series-table">
      <table className="grid compact">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            {t.head.map((h, i) => (
              <th key={h} className={t.num[i] ? 'num' : undefined} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => (
            <tr key={r.key} className={r.flagged ? 'flagged' : undefined}>
              {r.cells.map((c, i) => (
                <td key={i} className={t.num[i] ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
