import { useEffect, useState } from 'react';
import type { ScenarioInfoT } from '../../shared/api';
import { KPI_IDS, type KpiId } from '../../shared/planning/settings';
import { call } from '../api/client';
import { useScenarioStore } from '../stores/scenarioStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

/** Choosing a scenario records a decision in the log: its title, rationale, owner, due date and KPI. */
export function ScenarioChooseForm({
  scenario,
  userName,
  onClose,
}: {
  scenario: ScenarioInfoT;
  userName: string;
  onClose: () => void;
}) {
  const [title, setTitle] = useState(`Adopt scenario "${scenario.name}"`);
  const [rationale, setRationale] = useState(scenario.assumptions);
  const [owner, setOwner] = useState(scenario.owner);
  const [dueDate, setDueDate] = useState('');
  const [kpiId, setKpiId] = useState<KpiId>('service_level');
  const [kpiNames, setKpiNames] = useState<Record<string, string>>({});
  const choose = useScenarioStore((s) => s.choose);
  const { busy, error, done, submit } = useSubmit();

  useEffect(() => {
    void call('kpi.definitions', {}).then(
      (r) => r.ok && setKpiNames(Object.fromEntries(r.data.map((d) => [d.id, d.name]))),
    );
  }, []);

  return (
    <form
      aria-label={`Choose ${scenario.name}`}
      className="choose-form"
      onSubmit={(e) =>
        void submit(
          e,
          () =>
            choose({
              id: scenario.id,
              by: userName,
              title,
              rationale: rationale.trim() || undefined,
              owner,
              due: dueDate || undefined,
              kpiId,
            }),
          () => {
            onClose();
            return '';
          },
        )
      }
    >
      <h3>Choose “{scenario.name}”</h3>
      <div className="form-row">
        <label className="grow">
          Decision title
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Owner
          <input value={owner} onChange={(e) => setOwner(e.target.value)} />
        </label>
        <label>
          Due date
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
        <label>
          KPI aimed at
          <select value={kpiId} onChange={(e) => setKpiId(e.target.value as KpiId)}>
            {KPI_IDS.map((k) => (
              <option key={k} value={k}>
                {kpiNames[k] ?? k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block small muted">
        Rationale
        <textarea rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      <div className="form-row">
        <button
          type="submit"
          className="primary"
          disabled={busy || !userName}
          title={userName ? '' : 'Enter your name first'}
        >
          {busy ? 'Recording…' : 'Record the decision'}
        </button>
        <button type="button" className="link" onClick={onClose}>
          Cancel
        </button>
      </div>
      <FormResult error={error} done={done} />
    </form>
  );
}
