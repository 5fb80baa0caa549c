import { PageHead } from '../components/PageHead';
import { useEffect } from 'react';
import { TradeoffCharts } from '../charts/TradeoffCharts';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { ExportButtons } from '../components/ExportButtons';
import { ScenarioComparison } from '../components/ScenarioComparison';
import { ScenarioDecision } from '../components/ScenarioDecision';
import { ScenarioEditor } from '../components/ScenarioEditor';
import { ScenarioExceptionChanges } from '../components/ScenarioExceptionChanges';
import { ScenarioList } from '../components/ScenarioList';
import { ScenarioProjection } from '../components/ScenarioProjection';
import { useDecisionStore } from '../stores/decisionStore';
import { selectSelected, useScenarioStore } from '../stores/scenarioStore';
import { useUserName } from '../useUserName';

/**
 * Scenarios: the list beside the editor of one, then 1-4 of them compared with the baseline (in
 * figures, trade-off charts and one subject's projection), and the choice of one as a decision.
 */
export function ScenariosPage() {
  const [userName, setUserName] = useUserName();
  const load = useScenarioStore((s) => s.load);
  const compare = useScenarioStore((s) => s.compare);
  const listError = useScenarioStore((s) => s.listError);
  const selected = useScenarioStore(selectSelected);
  const compareIds = useScenarioStore((s) => s.compareIds);
  const comparison = useScenarioStore((s) => s.comparison);
  const comparing = useScenarioStore((s) => s.comparing);
  const compareError = useScenarioStore((s) => s.compareError);
  const choices = useScenarioStore((s) => s.choices);
  const list = useScenarioStore((s) => s.list);
  // Choosing goes through the one capture form (prefilled from the scenario, in view and focused).
  const capture = useDecisionStore((s) => s.capture);
  const openCapture = useDecisionStore((s) => s.openCapture);
  const choosing = capture?.kind === 'scenario' ? capture.scenarioId : null;
  useEffect(() => {
    void load();
  }, [load]);

  const who = userName.trim();
  function choose(id: number): void {
    const s = comparison?.scenarios.find((x) => x.scenario.id === id)?.scenario;
    if (s) {
      openCapture({
        kind: 'scenario',
        scenarioId: s.id,
        scenarioName: s.name,
        owner: s.owner,
        assumptions: s.assumptions,
      });
    }
  }
  const nameOf = (id: number): string => list?.scenarios.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <section aria-label="Scenarios" data-loading={comparing ? 'true' : 'false'}>
      <PageHead title="Scenarios" userName={userName} onUserName={setUserName} nameFor="for changes and decisions" />
      {listError && <ErrorBanner error={listError} onRetry={() => void load()} />}
      <div className="scenarios-layout">
        <div className="card">
          <ScenarioList userName={who} />
        </div>
        <div className="card">
          {selected ? (
            <ScenarioEditor key={selected.id} scenario={selected} userName={who} />
          ) : (
            <p className="muted">Pick a scenario in the list to edit its levers, or create one.</p>
          )}
        </div>
      </div>

      <div className="card" aria-label="Comparison">
        <h2>Comparison with the baseline</h2>
        {compareIds.length === 0 && (
          <p className="muted">Tick one to four scenarios in the list to compare them beside the baseline.</p>
        )}
        {comparing && (
          <p className="banner" role="status">
            Computing {compareIds.length} scenario(s) beside the baseline…
          </p>
        )}
        {compareError && <ErrorBanner error={compareError} onRetry={() => void compare()} />}
        {comparison && (
          <div className={comparing ? 'stale' : ''}>
            <ScenarioComparison comparison={comparison} choosing={choosing} onChoose={choose} />
            <ExportButtons
              items={[
                {
                  label: 'Comparison workbook (XLSX)',
                  make: () =>
                    call('scenario.workbook', {
                      cycleId: comparison.cycleId,
                      ids: comparison.scenarios.map((s) => s.scenario.id),
                    }),
                },
              ]}
            />
          </div>
        )}
        {Object.entries(choices).map(([id, c]) => (
          <ScenarioDecision key={id} choice={c} scenarioName={nameOf(Number(id))} />
        ))}
        {comparison && (
          <>
            <h3>Exceptions resolved and added</h3>
            <ScenarioExceptionChanges comparison={comparison} />
          </>
        )}
      </div>

      {comparison && (
        <div className="card" aria-label="Trade-offs">
          <h2>Trade-offs</h2>
          <TradeoffCharts comparison={comparison} />
        </div>
      )}

      <div className="card">
        <h2>Projection under each scenario</h2>
        <ScenarioProjection />
      </div>
    </section>
  );
}
