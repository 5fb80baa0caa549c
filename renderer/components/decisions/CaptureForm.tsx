// The one form that records a decision: from anywhere (`n` or the nav button), from an exception
// it answers ("Decide"), or as the choice of a scenario. Compact and in view, keyboard first:
// title, Tab, owner prefix, Tab, due, Enter. Every refusal, the form's own or the server's, is
// shown beside the field it is about, and that field gets the focus.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApiResult } from '../../../shared/api';
import { describeDue, DUE_HINT, parseDue } from '../../../shared/domain/dueDate';
import { formatError, type AppErrorShape } from '../../../shared/domain/errors';
import { KPI_IDS, type KpiId } from '../../../shared/planning/settings';
import { call } from '../../api/client';
import { useScenarioStore } from '../../stores/scenarioStore';
import type { CaptureTarget } from '../../stores/decisionStore';
import { ErrorBanner } from '../ErrorBanner';
import { PRIORITY_HINT, readPriority, resolveOwner, type OwnerSuggestion } from './captureFields';
import { OwnerField } from './OwnerField';

/** The form's fields; a server error naming one of them (where.field) is shown beside it. */
type Field = 'title' | 'owner' | 'due' | 'priority' | 'kpiId' | 'rationale' | 'by';
const FIELDS: readonly Field[] = ['title', 'owner', 'due', 'by', 'priority', 'kpiId', 'rationale'];

/** What was recorded, for the line the app shows once the form has closed. */
export interface Saved {
  rank: number;
  title: string;
}

function initial(target: CaptureTarget): { title: string; owner: string; rationale: string; kpiId: KpiId | '' } {
  if (target.kind === 'scenario') {
    return {
      title: `Adopt scenario "${target.scenarioName}"`,
      owner: target.owner,
      rationale: target.assumptions,
      // What choosing a scenario aims at unless said otherwise (the service's default too).
      kpiId: 'service_level',
    };
  }
  const kpi = target.kind === 'exception' ? target.kpiId : null;
  return { title: '', owner: '', rationale: '', kpiId: KPI_IDS.includes(kpi as KpiId) ? (kpi as KpiId) : '' };
}

export function CaptureForm({
  target,
  userName,
  onUserName,
  onSaved,
  onCancel,
}: {
  target: CaptureTarget;
  userName: string;
  onUserName: (name: string) => void;
  onSaved: (saved: Saved) => void;
  onCancel: () => void;
}) {
  const start = initial(target);
  const [title, setTitle] = useState(start.title);
  const [owner, setOwner] = useState(start.owner);
  const [due, setDue] = useState('');
  const [priority, setPriority] = useState('');
  const [rationale, setRationale] = useState(start.rationale);
  const [kpiId, setKpiId] = useState<KpiId | ''>(start.kpiId);
  // Asked once: shown only when this computer has no name yet, and kept while it is typed.
  const [askName] = useState(() => !userName.trim());
  const [name, setName] = useState(userName);
  const [suggestions, setSuggestions] = useState<OwnerSuggestion[]>([]);
  const [today, setToday] = useState<string | null>(null);
  const [kpiNames, setKpiNames] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [banner, setBanner] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    title: useRef<HTMLInputElement>(null),
    owner: useRef<HTMLInputElement>(null),
    due: useRef<HTMLInputElement>(null),
    by: useRef<HTMLInputElement>(null),
    priority: useRef<HTMLInputElement>(null),
    kpiId: useRef<HTMLSelectElement>(null),
    rationale: useRef<HTMLTextAreaElement>(null),
  };
  const chooseScenario = useScenarioStore((s) => s.choose);
  // Someone fast types the owner's prefix and Tab before decision.owners answered: the pick waits
  // for the suggestions instead of keeping the prefix as the owner.
  const [ownersLoaded, setOwnersLoaded] = useState(false);
  const ownersReady = useRef<Promise<OwnerSuggestion[]> | null>(null);
  const pendingPick = useRef(false);

  useEffect(() => {
    refs.title.current?.focus();
    refs.title.current?.select();
    let live = true;
    ownersReady.current = call('decision.owners', {}).then((r) => {
      if (!live) return [];
      if (!r.ok) {
        setBanner(r.error);
        return [];
      }
      setSuggestions(r.data.suggestions);
      setToday(r.data.today);
      setOwnersLoaded(true);
      // A prefix left with Tab before the suggestions came: it takes the first match now.
      if (pendingPick.current) setOwner((typed) => resolveOwner(r.data.suggestions, typed));
      return r.data.suggestions;
    });
    void call('kpi.definitions', {}).then(
      (r) => live && r.ok && setKpiNames(Object.fromEntries(r.data.map((d) => [d.id, d.name]))),
    );
    return () => {
      live = false;
    };
    // Once per opening (the refs are stable).
  }, []);

  const dueIso = today && due.trim() ? parseDue(due, today) : null;
  const dueUnread = Boolean(today && due.trim() && !dueIso);
  const dueNote = errors.due ?? (dueUnread ? `Not a date I can read: type ${DUE_HINT}.` : null);

  /** The form's own checks, in field order; the first refused field gets the focus. */
  function check(): Partial<Record<Field, string>> {
    const out: Partial<Record<Field, string>> = {};
    if (!title.trim()) out.title = 'Type what was decided.';
    if (!owner.trim()) out.owner = 'Type or pick who owns it.';
    if (dueUnread) out.due = `Not a date I can read: type ${DUE_HINT}.`;
    if (askName && !name.trim()) out.by = 'Type your name: it is recorded with the decision.';
    if (readPriority(priority) === null) out.priority = `Type ${PRIORITY_HINT}.`;
    return out;
  }

  function refuse(found: Partial<Record<Field, string>>): void {
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  }

  /** A server refusal beside its field when it names one of ours, else above the buttons. */
  function refuseFromServer(e: AppErrorShape): void {
    const field = e.where?.field?.split('.')[0] as Field | undefined;
    if (field && FIELDS.includes(field) && (field !== 'by' || askName)) {
      refuse({ [field]: formatError({ ...e, where: undefined }) });
    } else {
      setBanner(e);
    }
  }

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setBanner(null);
    const found = check();
    if (Object.keys(found).length) return refuse(found);
    setErrors({});
    const by = (askName ? name : userName).trim();
    let ownerText = owner;
    if (pendingPick.current) {
      setBusy(true);
      ownerText = resolveOwner((await ownersReady.current) ?? [], owner);
      setOwner(ownerText);
      pendingPick.current = false;
    }
    const fields = {
      title: title.trim(),
      owner: ownerText.trim(),
      due: due.trim() || undefined,
      priority: readPriority(priority) ?? undefined,
      rationale: rationale.trim() || undefined,
      kpiId: kpiId || undefined,
      by,
    };
    setBusy(true);
    let r: ApiResult<Saved>;
    if (target.kind === 'scenario') {
      const c = await chooseScenario({ id: target.scenarioId, ...fields });
      r = c.ok ? { ok: true, data: { rank: c.data.decision.priorityRank, title: c.data.decision.title } } : c;
    } else {
      const d = await call('decision.add', {
        ...fields,
        exceptionKeys: target.kind === 'exception' ? [target.exceptionKey] : undefined,
      });
      r = d.ok ? { ok: true, data: { rank: d.data.priorityRank, title: d.data.title } } : d;
    }
    setBusy(false);
    if (!r.ok) return refuseFromServer(r.error);
    if (askName) onUserName(by);
    onSaved(r.data);
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>): void {
    const t = e.target as HTMLElement;
    // Enter saves from a select too; in the rationale it is a new line, Ctrl+Enter saves.
    if (
      e.key === 'Enter' &&
      !e.isDefaultPrevented() &&
      ((t.tagName === 'SELECT' && !e.altKey) || (t.tagName === 'TEXTAREA' && (e.ctrlKey || e.metaKey)))
    ) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  }

  const heading =
    target.kind === 'scenario'
      ? `Choose scenario “${target.scenarioName}”`
      : target.kind === 'exception'
        ? 'Decide on an exception'
        : 'Record a decision';
  const note = (f: Field, id: string, text: string | null, fallback = '\u00a0') => (
    <p
      id={id}
      className={`field-note${text && errors[f] ? ' field-error' : ''}`}
      role={errors[f] ? 'alert' : undefined}
    >
      {text ?? fallback}
    </p>
  );

  return (
    <form
      className="capture-form"
      aria-labelledby="capture-heading"
      noValidate
      onSubmit={(e) => void save(e)}
      onKeyDown={onKeyDown}
      data-kind={target.kind}
    >
      <h2 id="capture-heading">{heading}</h2>
      {target.kind === 'exception' && (
        <p className="small capture-context">
          Answers the exception <strong>{target.subject}</strong>
        </p>
      )}
      <div className="capture-field">
        <label htmlFor="capture-title">Decision</label>
        <input
          id="capture-title"
          ref={refs.title}
          value={title}
          maxLength={200}
          autoComplete="off"
          placeholder="what was decided, e.g. Add a night shift on line 2"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? 'capture-title-note' : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        {errors.title && note('title', 'capture-title-note', errors.title)}
      </div>
      <div className="capture-row">
        <OwnerField
          value={owner}
          onChange={(o) => {
            pendingPick.current = false;
            setOwner(o);
          }}
          onLeaveBeforeLoaded={() => (pendingPick.current = !ownersLoaded)}
          suggestions={suggestions}
          error={errors.owner ?? null}
          inputRef={refs.owner}
        />
        <div className="capture-field">
          <label htmlFor="capture-due">Due</label>
          <input
            id="capture-due"
            ref={refs.due}
            value={due}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            placeholder="fri, +2w, end of month, 2026-12-18"
            aria-invalid={dueNote ? true : undefined}
            aria-describedby="capture-due-note"
            onChange={(e) => {
              setDue(e.target.value);
              setErrors({ ...errors, due: undefined });
            }}
          />
          {dueNote ? (
            <p id="capture-due-note" className="field-note field-error" role="alert">
              {dueNote}
            </p>
          ) : (
            <p id="capture-due-note" className="field-note" aria-live="polite">
              {dueIso ? `due ${describeDue(dueIso)}` : 'optional'}
            </p>
          )}
        </div>
      </div>
      {askName && (
        <div className="capture-field">
          <label htmlFor="capture-by">Your name</label>
          <input
            id="capture-by"
            ref={refs.by}
            value={name}
            maxLength={80}
            autoComplete="name"
            placeholder="recorded as the one who took it down; asked once"
            aria-invalid={errors.by ? true : undefined}
            aria-describedby="capture-by-note"
            onChange={(e) => setName(e.target.value)}
          />
          {note('by', 'capture-by-note', errors.by ?? null, 'remembered on this computer')}
        </div>
      )}
      <div className="capture-row">
        <div className="capture-field narrow">
          <label htmlFor="capture-priority">Priority</label>
          <input
            id="capture-priority"
            ref={refs.priority}
            value={priority}
            maxLength={6}
            autoComplete="off"
            placeholder="bottom"
            aria-invalid={errors.priority ? true : undefined}
            aria-describedby="capture-priority-note"
            onChange={(e) => setPriority(e.target.value)}
          />
          {note('priority', 'capture-priority-note', errors.priority ?? null, '1-9 or top')}
        </div>
        <div className="capture-field">
          <label htmlFor="capture-kpi">KPI it aims at</label>
          <select
            id="capture-kpi"
            ref={refs.kpiId}
            value={kpiId}
            aria-invalid={errors.kpiId ? true : undefined}
            aria-describedby="capture-kpi-note"
            onChange={(e) => setKpiId(e.target.value as KpiId | '')}
          >
            <option value="">None</option>
            {KPI_IDS.map((k) => (
              <option key={k} value={k}>
                {kpiNames[k] ?? k.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          {note(
            'kpiId',
            'capture-kpi-note',
            errors.kpiId ?? null,
            target.kind === 'exception' && start.kpiId ? 'the KPI this exception puts at risk' : 'optional',
          )}
        </div>
      </div>
      <div className="capture-field">
        <label htmlFor="capture-rationale">Rationale</label>
        <textarea
          id="capture-rationale"
          ref={refs.rationale}
          rows={2}
          maxLength={4000}
          value={rationale}
          placeholder="optional: why, and what it trades off"
          aria-invalid={errors.rationale ? true : undefined}
          aria-describedby={errors.rationale ? 'capture-rationale-note' : undefined}
          onChange={(e) => setRationale(e.target.value)}
        />
        {errors.rationale && note('rationale', 'capture-rationale-note', errors.rationale)}
      </div>
      {banner && <ErrorBanner error={banner} />}
      <div className="capture-actions">
        <button type="submit" className="primary" aria-busy={busy} aria-keyshortcuts="Enter">
          {busy ? 'Recording…' : target.kind === 'scenario' ? 'Choose and record' : 'Record decision'}{' '}
          <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>
  );
}
