// Owner, due date and expected value of a decision. The due date is typed as people say it (fri,
// +2w, end of month) and what was understood is shown while typing; the server reads it again.
// Only the fields that changed are sent, so the history holds real changes.
import { useState } from 'react';
import type { ApiInput, DecisionDetailT } from '../../../shared/api';
import { describeDue, DUE_HINT, parseDue } from '../../../shared/domain/dueDate';
import { formatFigure } from '../../../shared/planning/figures';
import { aimedFigure, typedToValue, valueToTyped } from '../../decisionLabels';

export type DecisionPatch = Omit<ApiInput<'decision.set'>, 'id' | 'by' | 'cycleId'>;

export function DecisionEditForm({
  d,
  today,
  busy,
  onSave,
}: {
  d: DecisionDetailT;
  /** The cycle's calendar day, which `fri` and `+2w` count from. */
  today: string;
  busy: boolean;
  onSave(patch: DecisionPatch): Promise<boolean>;
}) {
  const figure = aimedFigure(d.kpi?.id);
  const [owner, setOwner] = useState(d.owner);
  const [due, setDue] = useState(d.dueDate ?? '');
  // As first shown: a value rounded for typing is only sent when the typed text changed.
  const shownExpected = d.expectedValue === null ? '' : String(valueToTyped(figure?.unit, d.expectedValue));
  const [expected, setExpected] = useState(shownExpected);
  const [note, setNote] = useState<string | null>(null);

  const dueText = due.trim();
  const understood = dueText === '' ? null : parseDue(dueText, today);
  const typedExpected = expected.trim() === '' ? null : Number(expected);
  const expectedValue =
    typedExpected === null || !Number.isFinite(typedExpected) ? null : typedToValue(figure?.unit, typedExpected);

  function patch(): DecisionPatch {
    const p: DecisionPatch = {};
    if (owner.trim() !== d.owner) p.owner = owner.trim();
    if (dueText !== (d.dueDate ?? '') && (understood ?? '') !== (d.dueDate ?? '')) p.due = dueText;
    if (expected.trim() !== shownExpected && expectedValue !== d.expectedValue) p.expectedValue = expectedValue;
    return p;
  }

  return (
    <form
      className="dec-edit"
      aria-label="Edit decision"
      onSubmit={(e) => {
        e.preventDefault();
        const p = patch();
        if (Object.keys(p).length === 0) {
          setNote('Nothing changed.');
          return;
        }
        setNote(null);
        void onSave(p);
      }}
    >
      <label>
        Owner
        <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={80} required />
      </label>
      <label>
        Due
        <input
          value={due}
          onChange={(e) => setDue(e.target.value)}
          maxLength={40}
          placeholder="fri, +2w, end of month, 2026-12-18"
          aria-describedby={`dec-due-read-${d.id}`}
          aria-invalid={dueText !== '' && understood === null}
        />
      </label>
      <p id={`dec-due-read-${d.id}`} className="small dec-due-read" aria-live="polite">
        {dueText === ''
          ? 'No due date (an empty field clears it).'
          : understood
            ? `Understood: ${describeDue(understood)}`
            : `Not a date yet: type ${DUE_HINT}.`}
      </p>
      <label>
        {figure ? `Expected ${figure.label}${figure.unit === 'pct' ? ' (%)' : ''}` : 'Expected value'}
        <input
          type="number"
          step="any"
          value={expected}
          onChange={(e) => setExpected(e.target.value)}
          aria-describedby={`dec-exp-read-${d.id}`}
        />
      </label>
      <p id={`dec-exp-read-${d.id}`} className="small muted">
        {expectedValue === null
          ? 'No expected value.'
          : figure
            ? `Reads as ${formatFigure(figure.unit, expectedValue)}`
            : 'Without a KPI, the value is kept as typed.'}
      </p>
      <div className="form-row">
        <button type="submit" disabled={busy}>
          Save changes
        </button>
        {note && (
          <span className="muted small" role="status">
            {note}
          </span>
        )}
      </div>
    </form>
  );
}
