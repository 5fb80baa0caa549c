import { ScenarioFields, type ScenarioFieldValues } from './ScenarioFields';
import { useState } from 'react';
import { useScenarioStore } from '../stores/scenarioStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

/** A new scenario: the baseline with no levers yet, a name and the person who owns it. */
export function ScenarioCreateForm({ userName, onDone }: { userName: string; onDone: () => void }) {
  const [fields, setFields] = useState<ScenarioFieldValues>({ name: '', owner: userName, assumptions: '' });
  const create = useScenarioStore((s) => s.create);
  const { busy, error, done, submit } = useSubmit();
  return (
    <form
      aria-label="New scenario"
      className="new-scenario"
      onSubmit={(e) =>
        void submit(
          e,
          () => create({ ...fields, levers: [], by: userName }),
          (s) => {
            onDone();
            return `Created "${s.name}"; add its levers in the editor.`;
          },
        )
      }
    >
      <ScenarioFields value={fields} onChange={setFields} namePlaceholder="e.g. Overtime at P1" />
      <div className="form-row">
        <button type="submit" disabled={busy || !userName} title={userName ? '' : 'Enter your name first'}>
          Create scenario
        </button>
        <button type="button" className="link" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormResult error={error} done={done} />
    </form>
  );
}
