import { useState } from 'react';
import type { ScenarioInfoT } from '../../shared/api';
import { shortUid } from '../figureFormat';
import { fmtDateTime } from '../format';
import { MAX_COMPARED, selectScenarios, useScenarioStore } from '../stores/scenarioStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';
import { ScenarioCreateForm } from './ScenarioCreateForm';
import { ScenarioDuplicateForm } from './ScenarioDuplicateForm';

/** The cycle's scenarios: pick one to edit, tick up to four to compare; new, duplicate, delete. */
export function ScenarioList({ userName }: { userName: string }) {
  const list = useScenarioStore((s) => s.list);
  const scenarios = useScenarioStore(selectScenarios);
  const compareIds = useScenarioStore((s) => s.compareIds);
  const [creating, setCreating] = useState(false);
  const full = compareIds.length >= MAX_COMPARED;
  return (
    <div aria-label="Scenario list">
      <div className="row-head">
        <h2>Scenarios</h2>
        {!creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New scenario
          </button>
        )}
      </div>
      {list && (
        <p className="muted small" role="note">
          Horizon {list.horizon.from}..{list.horizon.to}, {list.horizon.periods} periods. Every scenario of this cycle
          shares its baseline, horizon and KPI set.
        </p>
      )}
      {creating && <ScenarioCreateForm userName={userName} onDone={() => setCreating(false)} />}
      {list && scenarios.length === 0 && !creating && (
        <p className="muted">No scenarios yet. A scenario is the baseline plus levers: start with New scenario.</p>
      )}
      <ul className="scenario-list">
        {scenarios.map((s) => (
          <ScenarioItem key={s.id} scenario={s} userName={userName} compareFull={full} />
        ))}
      </ul>
      {full && (
        <p className="muted small" role="note">
          Four scenarios are compared at most: untick one to compare another.
        </p>
      )}
    </div>
  );
}

function ScenarioItem({
  scenario: s,
  userName,
  compareFull,
}: {
  scenario: ScenarioInfoT;
  userName: string;
  compareFull: boolean;
}) {
  const selected = useScenarioStore((st) => st.selectedId === s.id);
  const compared = useScenarioStore((st) => st.compareIds.includes(s.id));
  const { select, toggleCompare } = useScenarioStore.getState();
  const [action, setAction] = useState<'duplicate' | 'delete' | null>(null);
  return (
    <li className={selected ? 'selected' : ''} data-scenario={s.name}>
      <div className="scenario-item">
        <label className="inline" title={!compared && compareFull ? 'Four at most: untick one first' : ''}>
          <input
            type="checkbox"
            aria-label={`Compare ${s.name}`}
            checked={compared}
            disabled={!compared && compareFull}
            onChange={() => toggleCompare(s.id)}
          />
        </label>
        <button type="button" className="scenario-name link" onClick={() => select(s.id)} aria-pressed={selected}>
          {s.name}
        </button>
        {s.chosen && (
          <span className="badge ok chosen" data-testid="chosen-badge" title={`Decision ${s.chosen.uid}`}>
            Chosen — decision {shortUid(s.chosen.uid)}: {s.chosen.title}
          </span>
        )}
      </div>
      <div className="muted small">
        Owner {s.owner} · {s.levers.length} lever(s) · {s.updatedBy ? `changed by ${s.updatedBy}, ` : ''}
        {fmtDateTime(s.updatedAt)}
      </div>
      <div className="scenario-actions small">
        <button type="button" className="link" onClick={() => setAction(action === 'duplicate' ? null : 'duplicate')}>
          Duplicate
        </button>
        <button type="button" className="link" onClick={() => setAction(action === 'delete' ? null : 'delete')}>
          Delete
        </button>
      </div>
      {action === 'duplicate' && (
        <ScenarioDuplicateForm scenario={s} userName={userName} onDone={() => setAction(null)} />
      )}
      {action === 'delete' && <DeleteConfirm scenario={s} userName={userName} onCancel={() => setAction(null)} />}
    </li>
  );
}

/** Asks before deleting; the server refuses a chosen scenario, and the refusal shows here. */
function DeleteConfirm({
  scenario,
  userName,
  onCancel,
}: {
  scenario: ScenarioInfoT;
  userName: string;
  onCancel: () => void;
}) {
  const remove = useScenarioStore((s) => s.remove);
  const { busy, error, done, submit } = useSubmit();
  return (
    <form
      className="form-row inline-form"
      aria-label={`Delete ${scenario.name}`}
      onSubmit={(e) =>
        void submit(
          e,
          () => remove({ id: scenario.id, by: userName }),
          () => '',
        )
      }
    >
      <span>Delete “{scenario.name}” and its levers?</span>
      <button
        type="submit"
        className="danger"
        disabled={busy || !userName}
        title={userName ? '' : 'Enter your name first'}
      >
        Yes, delete
      </button>
      <button type="button" className="link" onClick={onCancel}>
        Cancel
      </button>
      <FormResult error={error} done={done} />
    </form>
  );
}
