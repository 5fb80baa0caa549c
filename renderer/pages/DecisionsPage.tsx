// Decisions (nav 4): the cycle's decision priority log, ranked, filtered and searched, with one
// decision's detail beside the list, and the minutes and calendar exports.
import { useEffect } from 'react';
import { PageHead } from '../components/PageHead';
import { decisionExports, ExportButtons } from '../components/ExportButtons';
import { DecisionFilters } from '../components/decisions/DecisionFilters';
import { DecisionList } from '../components/decisions/DecisionList';
import { DecisionPanel } from '../components/decisions/DecisionPanel';
import { useDecisionListStore } from '../stores/decisionListStore';
import { useDecisionStore } from '../stores/decisionStore';
import { useUserName } from '../useUserName';

export function DecisionsPage() {
  const [userName, setUserName] = useUserName();
  const version = useDecisionStore((s) => s.version);
  const load = useDecisionListStore((s) => s.load);
  const list = useDecisionListStore((s) => s.list);
  const loading = useDecisionListStore((s) => s.loading);

  // Every decision write (a move here, a change in the detail, the capture form) bumps the version.
  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <section aria-label="Decisions" data-loading={loading ? 'true' : 'false'}>
      <PageHead title="Decisions" userName={userName} onUserName={setUserName} nameFor="for changes and moves" />
      <div className="dec-toolbar">
        <p className="muted">
          {list ? `${list.cycle.name}: ${list.total} decision(s) in priority order` : 'The decision priority log'}
        </p>
        <ExportButtons items={decisionExports(userName)} />
      </div>
      <DecisionFilters />
      <div className="decisions-layout">
        <div className="card dec-list-card">
          <DecisionList userName={userName} onUserName={setUserName} />
        </div>
        <DecisionPanel userName={userName} onUserName={setUserName} today={list?.cycle.today ?? ''} />
      </div>
    </section>
  );
}
