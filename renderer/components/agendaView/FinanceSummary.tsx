// The finance item's view: the scenario comparison in money (revenue, margin, inventory value,
// freight, expedite and capacity cost), the baseline beside up to four scenarios (chosen ones
// first) with each delta against it; the whole comparison stays on the Scenarios page.
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { deltaTone, FIGURES, formatDelta, formatFigure } from '../../../shared/planning/figures';
import { call } from '../../api/client';
import { useNumberStyle } from '../../useNumberStyle';
import { ErrorBanner } from '../ErrorBanner';

type Comparison = ApiOutput<'scenario.compare'>;
const MONEY = FIGURES.filter((f) => f.group === 'money');

export function FinanceSummary() {
  const style = useNumberStyle();
  const [comparison, setComparison] = useState<Comparison | 'none' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let gone = false;
    void (async () => {
      const list = await call('scenario.list', {});
      if (!list.ok) {
        if (!gone) setError(list.error);
        return;
      }
      const ids = [...list.data.scenarios]
        .sort((a, b) => Number(b.chosen !== null) - Number(a.chosen !== null))
        .slice(0, 4)
        .map((s) => s.id);
      if (ids.length === 0) {
        if (!gone) setComparison('none');
        return;
      }
      const r = await call('scenario.compare', { ids });
      if (gone) return;
      if (r.ok) setComparison(r.data);
      else setError(r.error);
    })();
    return () => {
      gone = true;
    };
  }, []);

  if (error) return <ErrorBanner error={error} />;
  if (comparison === null) return <p className="muted view-reserve">Comparing the scenarios…</p>;
  if (comparison === 'none') {
    return (
      <p className="view-reserve">
        No scenario on this cycle yet: <a href="#/scenarios">create one on the Scenarios page</a> to compare it with the
        baseline in money.
      </p>
    );
  }
  const { baseline, scenarios } = comparison;
  return (
    <>
      <table className="grid compact view-money" aria-describedby="view-money-note">
        <caption>
          In money ({style.currency ?? 'the cycle’s currency'}), over the cycle’s horizon · the baseline beside{' '}
          {scenarios.length === 1 ? 'one scenario' : `${scenarios.length} scenarios`}, each with its change
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              Baseline
            </th>
            {scenarios.map(({ scenario: s }) => (
              <th key={s.id} scope="col" className="num" data-scenario={s.name}>
                {s.name}
                {s.chosen && <span className="badge ok"> chosen</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MONEY.map((f) => (
            <tr key={f.id} data-figure={f.id}>
              <th scope="row" title={f.hint}>
                {f.label}
              </th>
              <td className="num">{formatFigure(f.unit, baseline.figures[f.id], style)}</td>
              {scenarios.map(({ scenario: s, outcome }) => {
                const d = outcome.deltas[f.id];
                return (
                  <td key={s.id} className="num">
                    <span className="value">{formatFigure(f.unit, outcome.figures[f.id], style)}</span>{' '}
                    <span className={`delta ${deltaTone(f, d)}`}>{formatDelta(f.unit, d, style)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="view-money-note" className="muted small">
        Every figure, the capacity and the exceptions each scenario answers:{' '}
        <a href="#/scenarios">the comparison on the Scenarios page</a>.
      </p>
    </>
  );
}
