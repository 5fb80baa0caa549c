import { useState } from 'react';
import type { ScenarioInfoT } from '../../shared/api';
import { useScenarioStore } from '../stores/scenarioStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

/** A copy of a scenario under a new name (default "<name> (copy)"), opened in the editor. */
export function ScenarioDuplicateForm({
  scenario,
  userName,
  onDone,
}: {
  scenario: ScenarioInfoT;
  userName: string;
  onDone?: () => void;
}) {
  const [name, setName] = useState(`${scenario.name} (copy)`);
  const duplicate = useScenarioStore((s) => s.duplicate);
  const { busy, error, done, submit } = useSubmit();
  return (
    <form
      className="form-row inline-form"
      aria-label={`Duplicate ${scenario.name}`}
      onSubmit={(e) =>
        void submit(
          e,
          () => duplicate({ id: scenario.id, name, by: userName }),
          (copy) => {
            onDone?.();
            return `Duplicated as "${copy.name}".`;
          },
        )
      }
    >
      <label className="grow">
        Name of the copy
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !userName} title={userName ? '' : 'Enter your name first'}>
        Duplicate
      </button>
      <FormResult error={error} done={done} />
    </form>
  );
}
