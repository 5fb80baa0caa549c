import { useState } from 'react';
import type { ApiOutput, ExceptionBriefT } from '../../shared/api';
import { TYPE_LABEL } from '../exceptionLabels';
import { formatMoney } from '../../shared/domain/numberFormat';
import { useNumberStyle } from '../useNumberStyle';

type Comparison = ApiOutput<'scenario.compare'>;

/** Per compared scenario: the largest baseline exceptions it resolves and the largest it adds. */
export function ScenarioExceptionChanges({ comparison }: { comparison: Comparison }) {
  return (
    <div className="exception-changes">
      {comparison.scenarios.map(({ scenario, outcome }) => (
        <div key={scenario.id} className="exception-change" data-scenario={scenario.name}>
          <h3>{scenario.name}</h3>
          <Briefs title="Resolves" rows={outcome.resolved} empty="No baseline exception resolved." />
          <Briefs title="Adds" rows={outcome.added} empty="No new exception." />
        </div>
      ))}
    </div>
  );
}

const FIRST = 5;

function Briefs({ title, rows, empty }: { title: string; rows: ExceptionBriefT[]; empty: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST);
  const style = useNumberStyle();
  return (
    <>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table className="grid compact" aria-label={title}>
          <tbody>
            {shown.map((e) => (
              <tr key={e.key}>
                <td>
                  <span className={`type-tag ${e.type}`}>{TYPE_LABEL[e.type]}</span>
                </td>
                <td>{e.subject}</td>
                <td className="num">{formatMoney(e.valueAtRisk, style)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > FIRST && (
        <button type="button" className="link small" onClick={() => setAll(!all)}>
          {all ? `Only the largest ${FIRST}` : `All ${rows.length} (largest first)`}
        </button>
      )}
    </>
  );
}
