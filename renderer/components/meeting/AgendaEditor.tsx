// The agenda editor: the cycle's agenda as rows to rename, re-own, re-time, move (buttons or
// Alt+ArrowUp/Down, announced), remove (with undo) and add, or replace with the monthly or
// quarterly template after a confirm; Ctrl+Enter saves the whole list in one agenda.save, Escape
// cancels. While the meeting runs it is disabled, saying why: the room is working on that list.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MeetingStateT } from '../../../shared/api';
import { AGENDA_FUNCTIONS } from '../../../shared/calls/decisions';
import { AGENDA_TEMPLATES, type AgendaFunction } from '../../../shared/calls/meeting';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { useCycleStore } from '../../stores/cycleStore';
import { useUserName } from '../../useUserName';
import { ErrorBanner } from '../ErrorBanner';
import {
  draftsOf,
  minutesProblem,
  moved,
  ownerProblem,
  problemsOf,
  rowsOf,
  titleProblem,
  totalMinutes,
  type DraftRow,
  type Field,
} from './agendaDraft';

/** What each function's item opens in the meeting, as the select names it. */
const FUNCTION_LABEL: Record<AgendaFunction, string> = {
  review: 'Review',
  demand: 'Demand',
  supply: 'Supply',
  logistics: 'Logistics',
  warehouse: 'Warehouse',
  finance: 'Finance',
  executive: 'Executive',
};

type Template = (typeof AGENDA_TEMPLATES)[number];
/** The focusable controls of a row, by the name focus is restored to after a move. */
type Col = 'title' | 'function' | 'ownerRole' | 'minutes' | 'up' | 'down' | 'remove';

export function AgendaEditor({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<MeetingStateT | null>(null);
  const [rows, setRows] = useState<DraftRow[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const [removed, setRemoved] = useState<{ row: DraftRow; at: number } | null>(null);
  const [confirm, setConfirm] = useState<Template | null>(null);
  const [busy, setBusy] = useState(false);
  const [userName] = useUserName();
  const list = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ key: string; col: Col } | null>(null);
  const added = useRef(0);

  const load = (s: MeetingStateT): void => {
    setState(s);
    setRows(rowsOf(s));
    setShown(new Set());
    setRemoved(null);
    pendingFocus.current = s.items[0] ? { key: `id:${s.items[0].id}`, col: 'title' } : null;
  };

  useEffect(() => {
    void call('meeting.state', {}).then((r) => (r.ok ? load(r.data) : setError(r.error)));
    // Suggestions for the owner role: the KPI owners and the roles already on the agenda.
    void call('kpi.definitions', {}).then((r) => r.ok && setRoles(r.data.map((d) => d.ownerRole)));
  }, []);

  // Focus follows the row it belongs to (after a move, an add, a remove): React re-renders first.
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (!want || !list.current) return;
    pendingFocus.current = null;
    const row = list.current.querySelector(`[data-row="${want.key}"]`);
    const target = row?.querySelector<HTMLElement>(`[data-col="${want.col}"]`);
    const usable =
      target && !(target as HTMLButtonElement).disabled
        ? target
        : row?.querySelector<HTMLElement>('[data-col="title"]');
    usable?.focus();
  });

  if (!state) return error ? <ErrorBanner error={error} /> : <p className="muted">Loading the agenda…</p>;

  const running = state.status === 'running';
  const ran = state.status === 'ended';
  // Nothing is changed while the meeting runs, nor twice while a save is on its way.
  const locked = running || busy;
  const suggestions = [...new Set([...roles, ...rows.map((r) => r.ownerRole.trim()).filter(Boolean)])].sort();
  const update = (key: string, change: Partial<DraftRow>): void =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const showProblem = (key: string, field: Field): void => setShown((s) => new Set(s).add(`${key}:${field}`));

  function move(index: number, by: -1 | 1, col: Col): void {
    const to = index + by;
    const row = rows[index];
    if (!row || to < 0 || to >= rows.length) return;
    setRows(moved(rows, index, by));
    pendingFocus.current = { key: row.key, col };
    setAnnounce(`"${row.title.trim() || 'New item'}" moved to place ${to + 1} of ${rows.length}.`);
  }

  function remove(index: number): void {
    const row = rows[index]!;
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    setRemoved({ row, at: index });
    // Focus goes to the row that took its place, or the one before when it was the last.
    const focusRow = next[index] ?? next[index - 1];
    pendingFocus.current = focusRow ? { key: focusRow.key, col: 'title' } : null;
    setAnnounce(`"${row.title.trim() || 'New item'}" removed. Undo puts it back.`);
  }

  function undo(): void {
    if (!removed) return;
    const next = [...rows];
    next.splice(Math.min(removed.at, next.length), 0, removed.row);
    setRows(next);
    pendingFocus.current = { key: removed.row.key, col: 'title' };
    setAnnounce(
      `"${removed.row.title.trim() || 'New item'}" is back at place ${Math.min(removed.at, rows.length) + 1}.`,
    );
    setRemoved(null);
  }

  function add(): void {
    added.current += 1;
    const key = `new:${added.current}`;
    setRows([...rows, { key, title: '', function: 'executive', ownerRole: '', minutes: '10' }]);
    pendingFocus.current = { key, col: 'title' };
    setAnnounce(`Item ${rows.length + 1} added at the end.`);
  }

  const by = (): string => userName.trim() || 'Facilitator';

  async function saved(r: Awaited<ReturnType<typeof call<'agenda.save'>>>, what: string): Promise<void> {
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    load(r.data);
    setAnnounce(what);
    await useCycleStore.getState().loadOverview();
  }

  async function save(): Promise<void> {
    if (busy || running) return;
    const problems = problemsOf(rows);
    if (problems.length > 0) {
      setShown(new Set(problems.map((p) => `${p.key}:${p.field}`)));
      const first = problems[0]!;
      pendingFocus.current = { key: first.key, col: first.field };
      setRows([...rows]);
      setAnnounce(`Not saved: ${problems.length} field(s) to fix. ${first.message}`);
      return;
    }
    setBusy(true);
    // The meeting may have started since the editor opened (Start is on the same page): then
    // the editor turns disabled with its reason instead of changing the list the room is on.
    const now = await call('meeting.state', {});
    if (now.ok && now.data.status === 'running') {
      setBusy(false);
      setState(now.data);
      setAnnounce('Not saved: the meeting has started.');
      return;
    }
    const r = await call('agenda.save', { items: draftsOf(rows), by: by() });
    await saved(r, `Agenda saved: ${rows.length} items, ${totalMinutes(rows)} min.`);
    if (r.ok) onClose();
  }

  async function applyTemplate(template: Template): Promise<void> {
    setConfirm(null);
    setBusy(true);
    const r = await call('agenda.applyTemplate', { template, by: by() });
    await saved(r, `The ${template} template is the agenda now: ${r.ok ? r.data.items.length : 0} items.`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      // The editor's own Escape: not also the app's (which would leave presenter mode).
      e.preventDefault();
      e.stopPropagation();
      if (confirm) setConfirm(null);
      else onClose();
    }
  }

  function onRowKey(e: KeyboardEvent<HTMLLIElement>, index: number): void {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const col = ((e.target as HTMLElement).dataset.col as Col | undefined) ?? 'title';
    move(index, e.key === 'ArrowUp' ? -1 : 1, col);
  }

  const total = totalMinutes(rows);
  const wrong = rows.filter((r) => minutesProblem(r.minutes)).length;

  return (
    <section className="agenda-editor" aria-label="Agenda editor" onKeyDown={onKeyDown}>
      {running && (
        <p className="banner warn" role="status">
          The meeting is running: the agenda cannot be edited until it ends, as the room is working through it.
        </p>
      )}
      <p className="agenda-editor-total" aria-label="Total minutes">
        Total <strong>{total} min</strong> over {rows.length} item(s)
        {wrong > 0 && <span className="muted"> ({wrong} time box(es) still to fix)</span>}
      </p>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announce}
      </p>
      <fieldset className="plain" disabled={locked}>
        <legend className="visually-hidden">Agenda items</legend>
        <div className="agenda-edit-row agenda-edit-head" aria-hidden="true">
          <span>#</span>
          <span>Title</span>
          <span>Function</span>
          <span>Owner role</span>
          <span>Minutes</span>
          <span />
        </div>
        <ol ref={list} className="agenda-edit-list">
          {rows.map((r, i) => {
            const n = i + 1;
            const name = r.title.trim() || `item ${n}`;
            const problem = (field: Field, text: string | null) =>
              shown.has(`${r.key}:${field}`) || (field === 'minutes' && r.minutes.trim() !== '') ? text : null;
            const titleErr = problem('title', titleProblem(r.title));
            const ownerErr = problem('ownerRole', ownerProblem(r.ownerRole));
            const minutesErr = problem('minutes', minutesProblem(r.minutes));
            return (
              <li key={r.key} data-row={r.key} className="agenda-edit-row" onKeyDown={(e) => onRowKey(e, i)}>
                <span className="agenda-edit-n" aria-hidden="true">
                  {n}
                </span>
                <span className="agenda-edit-field">
                  <input
                    data-col="title"
                    aria-label={`Title, item ${n}`}
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                    value={r.title}
                    maxLength={200}
                    aria-invalid={titleErr ? true : undefined}
                    aria-describedby={titleErr ? `${r.key}-title-err` : undefined}
                    onChange={(e) => update(r.key, { title: e.target.value })}
                    onBlur={() => showProblem(r.key, 'title')}
                  />
                  {titleErr && (
                    <span id={`${r.key}-title-err`} className="field-note field-error">
                      {titleErr}
                    </span>
                  )}
                </span>
                <select
                  data-col="function"
                  aria-label={`Function, item ${n}`}
                  value={r.function}
                  onChange={(e) => update(r.key, { function: e.target.value as AgendaFunction })}
                >
                  {AGENDA_FUNCTIONS.map((f) => (
                    <option key={f} value={f}>
                      {FUNCTION_LABEL[f]}
                    </option>
                  ))}
                </select>
                <span className="agenda-edit-field">
                  <input
                    data-col="ownerRole"
                    aria-label={`Owner role, item ${n}`}
                    list="agenda-owner-roles"
                    value={r.ownerRole}
                    maxLength={80}
                    aria-invalid={ownerErr ? true : undefined}
                    aria-describedby={ownerErr ? `${r.key}-owner-err` : undefined}
                    onChange={(e) => update(r.key, { ownerRole: e.target.value })}
                    onBlur={() => showProblem(r.key, 'ownerRole')}
                  />
                  {ownerErr && (
                    <span id={`${r.key}-owner-err`} className="field-note field-error">
                      {ownerErr}
                    </span>
                  )}
                </span>
                <span className="agenda-edit-field">
                  {/* Text, not type=number: a wrong entry stays visible and is refused in words. */}
                  <input
                    data-col="minutes"
                    className="agenda-edit-minutes"
                    aria-label={`Minutes, item ${n}`}
                    inputMode="numeric"
                    value={r.minutes}
                    maxLength={6}
                    aria-invalid={minutesErr ? true : undefined}
                    aria-describedby={minutesErr ? `${r.key}-min-err` : undefined}
                    onChange={(e) => update(r.key, { minutes: e.target.value })}
                    onBlur={() => showProblem(r.key, 'minutes')}
                  />
                  {minutesErr && (
                    <span id={`${r.key}-min-err`} className="field-note field-error" role="alert">
                      {minutesErr}
                    </span>
                  )}
                </span>
                <span className="agenda-edit-actions">
                  <button
                    type="button"
                    data-col="up"
                    aria-label={`Move "${name}" up`}
                    title="Move up (Alt+ArrowUp)"
                    disabled={i === 0}
                    onClick={() => move(i, -1, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-col="down"
                    aria-label={`Move "${name}" down`}
                    title="Move down (Alt+ArrowDown)"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    data-col="remove"
                    aria-label={`Remove "${name}"`}
                    disabled={rows.length === 1}
                    onClick={() => remove(i)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <datalist id="agenda-owner-roles">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {removed && (
          <p className="agenda-edit-undo">
            Removed "{removed.row.title.trim() || 'New item'}".{' '}
            <button type="button" onClick={undo}>
              Undo
            </button>
          </p>
        )}
      </fieldset>
      <div className="agenda-edit-bar">
        <button type="button" onClick={add} disabled={locked || rows.length >= 40}>
          Add item
        </button>
        <span className="agenda-edit-templates">
          Apply template:{' '}
          {AGENDA_TEMPLATES.map((t) => (
            <button
              key={t}
              type="button"
              disabled={locked || ran}
              aria-describedby={ran ? 'agenda-template-reason' : undefined}
              onClick={() => setConfirm(t)}
            >
              {t === 'monthly' ? 'Monthly' : 'Quarterly'}
            </button>
          ))}
        </span>
        <span className="agenda-edit-save">
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
            Cancel <kbd>Esc</kbd>
          </button>
          <button
            type="button"
            className="primary"
            disabled={locked}
            onClick={() => void save()}
            aria-keyshortcuts="Control+Enter"
          >
            Save <kbd>Ctrl+Enter</kbd>
          </button>
        </span>
      </div>
      {ran && (
        <p id="agenda-template-reason" className="field-note">
          The meeting has run: a template would drop the actual minutes recorded; edit single items instead.
        </p>
      )}
      {confirm && (
        <TemplateConfirm
          template={confirm}
          count={rows.length}
          onYes={() => void applyTemplate(confirm)}
          onNo={() => setConfirm(null)}
        />
      )}
      {error && <ErrorBanner error={error} />}
    </section>
  );
}

/** The confirm before a template replaces the items: it says what is lost; focus starts on Keep. */
function TemplateConfirm(props: { template: Template; count: number; onYes: () => void; onNo: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const name = props.template === 'monthly' ? 'monthly' : 'quarterly';
  return (
    <div className="banner warn agenda-confirm" role="alertdialog" aria-labelledby="agenda-confirm-text">
      <span id="agenda-confirm-text">
        Replace all {props.count} items with the {name} template? Edits not saved are dropped.
      </span>
      <span className="agenda-confirm-buttons">
        <button type="button" className="primary" onClick={props.onYes}>
          Replace with {name}
        </button>
        <button type="button" ref={keep} onClick={props.onNo}>
          Keep the items
        </button>
      </span>
    </div>
  );
}
