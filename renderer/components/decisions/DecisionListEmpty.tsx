// The list's two empty states: no decision recorded in the cycle yet (how to record one), or
// filters that hide every decision (offer to clear them).
import type { ApiOutput } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { useDecisionListStore } from '../../stores/decisionListStore';
import { useDecisionStore } from '../../stores/decisionStore';

export function DecisionListEmpty({ list }: { list: ApiOutput<'decision.list'> }) {
  const clearFilters = useDecisionListStore((s) => s.clearFilters);
  if (list.total === 0) {
    return (
      <div className="dec-empty" data-state="empty">
        <p className="strong">No decisions recorded in {shownName(list.cycle.name, 80)} yet.</p>
        <p>
          Press <kbd>n</kbd> on any page, or use Record decision, to note what the meeting decided: a title, an owner
          and a due date are enough. Choosing a scenario records one too.
        </p>
        <button type="button" onClick={() => useDecisionStore.getState().openCapture()}>
          Record decision
        </button>
      </div>
    );
  }
  if (list.decisions.length === 0) {
    return (
      <div className="dec-empty" data-state="no-match">
        <p className="strong">None of the {list.total} decision(s) match these filters.</p>
        <button type="button" onClick={clearFilters}>
          Clear filters
        </button>
      </div>
    );
  }
  return null;
}
