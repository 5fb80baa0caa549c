import { useEffect, useState } from 'react';
import type { StoredKpiDefinitionT } from '../../shared/api';
import { KPI_METRICS, type TriggerT } from '../../shared/planning/settings';
import { call } from '../api/client';
import { fmtDateTime } from '../format';
import { useExceptionStore } from '../stores/exceptionStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

const OPS: TriggerT['op'][] = ['<', '<=', '>', '>='];

/** Each KPI's owner role, triggers and playbook, edited and saved one KPI at a time. */
export function KpiSettings({ userName }: { userName: string }) {
  const [defs, setDefs] = useState<StoredKpiDefinitionT[]>([]);
  useEffect(() => {
    void call('kpi.definitions', {}).then((r) => r.ok && setDefs(r.data));
  }, []);
  return (
    <div aria-label="KPI settings">
      {defs.map((d) => (
        <KpiDefinitionForm
          key={d.id}
          def={d}
          userName={userName}
          onSaved={(n) => setDefs(defs.map((x) => (x.id === n.id ? n : x)))}
        />
      ))}
    </div>
  );
}

function KpiDefinitionForm({
  def,
  userName,
  onSaved,
}: {
  def: StoredKpiDefinitionT;
  userName: string;
  onSaved: (d: StoredKpiDefinitionT) => void;
}) {
  const [ownerRole, setOwnerRole] = useState(def.ownerRole);
  const [triggers, setTriggers] = useState<TriggerT[]>(def.triggers);
  const [playbook, setPlaybook] = useState(def.playbook);
  const { busy, error, done, submit } = useSubmit();
  const reload = useExceptionStore((s) => s.load);
  const metrics = KPI_METRICS[def.id];
  const setTrigger = (i: number, t: Partial<TriggerT>) =>
    setTriggers(triggers.map((x, j) => (j === i ? { ...x, ...t } : x)));

  return (
    <form
      className="kpi-def"
      data-kpi={def.id}
      onSubmit={(e) =>
        void submit(
          e,
          () => call('kpi.saveDefinition', { id: def.id, ownerRole, triggers, playbook, by: userName }),
          async (saved) => {
            onSaved(saved);
            await reload();
            return `Saved; the cycle was recomputed.`;
          },
        )
      }
    >
      <h3>
        {def.name} <span className="muted small">{def.definition}</span>
      </h3>
      <div className="form-row">
        <label>
          Owner role
          <input value={ownerRole} onChange={(e) => setOwnerRole(e.target.value)} />
        </label>
        <fieldset className="triggers">
          <legend>Breached when any of</legend>
          {triggers.map((t, i) => (
            <div key={i} className="trigger">
              <select aria-label="Figure" value={t.metric} onChange={(e) => setTrigger(i, { metric: e.target.value })}>
                {metrics.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
              <select
                aria-label="Comparison"
                value={t.op}
                onChange={(e) => setTrigger(i, { op: e.target.value as TriggerT['op'] })}
              >
                {OPS.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
              <input
                aria-label="Threshold"
                type="number"
                step="any"
                value={Number.isFinite(t.value) ? t.value : ''}
                onChange={(e) => setTrigger(i, { value: e.target.value === '' ? NaN : Number(e.target.value) })}
              />
              <button type="button" className="link" onClick={() => setTriggers(triggers.filter((_, j) => j !== i))}>
                remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link"
            onClick={() => setTriggers([...triggers, { metric: metrics[0]!, op: '<', value: 0 }])}
          >
            add a trigger
          </button>
        </fieldset>
      </div>
      <label className="block">
        Playbook (the first action proposed when it triggers)
        <textarea rows={2} value={playbook} onChange={(e) => setPlaybook(e.target.value)} />
      </label>
      <div className="form-row">
        <button type="submit" disabled={busy || !userName} title={userName ? '' : 'Enter your name first'}>
          Save {def.name}
        </button>
        <span className="muted small">
          {def.updatedBy ? `Last changed by ${def.updatedBy}, ${fmtDateTime(def.updatedAt)}` : 'As shipped'}
        </span>
      </div>
      <FormResult error={error} done={done} />
    </form>
  );
}
