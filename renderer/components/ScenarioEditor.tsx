import { fieldValues, ScenarioFields } from './ScenarioFields';
import { useMemo, useState } from 'react';
import type { ScenarioInfoT } from '../../shared/api';
import { LEVER_KINDS, LEVER_LABELS, type LeverKind, type LeverT } from '../../shared/planning/levers';
import { shortUid } from '../figureFormat';
import { fmtDateTime } from '../format';
import { leverErrorAt, newLever } from '../leverDrafts';
import { horizonPeriods, useScenarioStore } from '../stores/scenarioStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';
import { ScenarioDuplicateForm } from './ScenarioDuplicateForm';
import { ScenarioLeverRow } from './ScenarioLeverRow';

/** A lever being edited, with a key of its own: removing one does not hand its inputs to the next. */
type Row = { key: number; lever: LeverT };
const rowsOf = (levers: LeverT[], first: number): Row[] => levers.map((lever, i) => ({ key: first + i, lever }));

/**
 * The scenario open for editing: name, owner, assumptions and its levers, saved together (the
 * whole lever list). A chosen scenario is the record of its decision and reads only.
 */
export function ScenarioEditor({ scenario, userName }: { scenario: ScenarioInfoT; userName: string }) {
  const keys = useScenarioStore((s) => s.keys);
  const list = useScenarioStore((s) => s.list);
  const update = useScenarioStore((s) => s.update);
  const periods = useMemo(() => horizonPeriods(list), [list]);
  const [fields, setFields] = useState(() => fieldValues(scenario));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(scenario.levers, 0));
  const [nextKey, setNextKey] = useState(scenario.levers.length);
  const [open, setOpen] = useState<number[]>([]);
  const [kind, setKind] = useState<LeverKind>('capacity');
  const { busy, error, done, submit } = useSubmit();
  // The server's error names a lever by its place in the list sent (`levers.N.field`); the row
  // keys sent find it even after rows were added or removed since.
  const [sent, setSent] = useState<number[]>([]);
  const at = leverErrorAt(error);
  const errorKey = at ? sent[at.index] : undefined;
  const readOnly = scenario.chosen !== null;
  const levers = rows.map((r) => r.lever);
  const dirty =
    JSON.stringify(fields) !== JSON.stringify(fieldValues(scenario)) ||
    JSON.stringify(levers) !== JSON.stringify(scenario.levers);

  const toggle = (key: number) => setOpen(open.includes(key) ? open.filter((x) => x !== key) : [...open, key]);
  const change = (key: number, lever: LeverT) => setRows(rows.map((r) => (r.key === key ? { key, lever } : r)));
  const remove = (key: number) => setRows(rows.filter((r) => r.key !== key));
  const add = () => {
    setRows([...rows, { key: nextKey, lever: newLever(kind, keys, periods) }]);
    setOpen([...open, nextKey]);
    setNextKey(nextKey + 1);
  };

  return (
    <section aria-label="Scenario editor" data-scenario={scenario.name}>
      <h2>{scenario.name}</h2>
      {readOnly && scenario.chosen && (
        <div className="banner warn" role="note">
          <span>
            Chosen by decision {shortUid(scenario.chosen.uid)} ({scenario.chosen.title}): kept as that decision’s
            record, so it cannot change. Duplicate it to try a variation.
          </span>
          <ScenarioDuplicateForm scenario={scenario} userName={userName} />
        </div>
      )}
      <form
        aria-label="Scenario levers"
        onSubmit={(e) =>
          void submit(
            e,
            () => {
              setSent(rows.map((r) => r.key));
              return update({ id: scenario.id, ...fields, levers, by: userName });
            },
            (saved) => {
              setFields(fieldValues(saved));
              setRows(rowsOf(saved.levers, nextKey));
              setNextKey(nextKey + saved.levers.length);
              setOpen([]);
              return `Saved ${saved.levers.length} lever(s); comparing again.`;
            },
          )
        }
      >
        <fieldset className="plain" disabled={readOnly}>
          <ScenarioFields value={fields} onChange={setFields} />
          <h3>Levers</h3>
          {rows.length === 0 && <p className="muted small">No levers yet: this scenario is the baseline.</p>}
          <ol className="levers">
            {rows.map(({ key, lever }, i) => (
              <ScenarioLeverRow
                key={key}
                index={i}
                lever={lever}
                open={open.includes(key) || errorKey === key}
                readOnly={readOnly}
                keys={keys}
                periods={periods}
                error={error && at && errorKey === key ? { error, field: at.field } : null}
                onToggle={() => toggle(key)}
                onChange={(next) => change(key, next)}
                onRemove={() => remove(key)}
              />
            ))}
          </ol>
          {!readOnly && (
            <div className="form-row">
              <label>
                Lever kind
                <select aria-label="Lever kind" value={kind} onChange={(e) => setKind(e.target.value as LeverKind)}>
                  {LEVER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {LEVER_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={add} disabled={!keys}>
                Add lever
              </button>
            </div>
          )}
          <div className="form-row save-row">
            {!readOnly && (
              <button
                type="submit"
                className="primary"
                disabled={busy || !userName}
                title={userName ? '' : 'Enter your name first'}
              >
                {busy ? 'Saving…' : 'Save scenario'}
              </button>
            )}
            {dirty && !readOnly && <span className="badge warn">Unsaved changes</span>}
            <span className="muted small">
              {scenario.updatedBy
                ? `Last changed by ${scenario.updatedBy}, ${fmtDateTime(scenario.updatedAt)}`
                : `Created ${fmtDateTime(scenario.createdAt)}`}
            </span>
          </div>
        </fieldset>
        <FormResult
          error={errorKey === undefined || !rows.some((r) => r.key === errorKey) ? error : null}
          done={done}
        />
      </form>
    </section>
  );
}
