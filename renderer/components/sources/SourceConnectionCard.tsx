// "Pull <SOURCE> from" (issue 18 item 4): a source system's connection on the Data page. The kind
// (an export folder, an HTTP JSON/OData API, a PostgreSQL database) and its form, the schedule,
// the secret (write-only), and the actions: Save, Test connection (the first rows of each table
// the profile maps), Pull now (one snapshot, with progress) and Remove; the last pull and the next
// scheduled one. A refusal that names a field is shown beside it.
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput, ImportResultT, SourceConnectionStatusT } from '../../../shared/api';
import type { SourceSystem } from '../../../shared/domain/canonical';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { fmtInt } from '../../format';
import { useProgress } from '../../useProgress';
import { ErrorBanner } from '../ErrorBanner';
import { FieldError } from '../FieldError';
import { ImportProgress } from '../ImportProgress';
import { connectionOf, draftOf, headerProblem, type ConnectionDraft, type ConnectionKind } from './connectionDraft';
import { FolderInput } from '../FolderInput';
import { formFieldOf, shownFields } from './fieldErrors';
import { HttpFields } from './HttpFields';
import { LastPull } from './LastPull';
import type { MappedTable } from './mappedTables';
import { PostgresFields } from './PostgresFields';
import { ProbeResults } from './ProbeResults';
import { ScheduleField } from './ScheduleField';
import { secretKindOf, SourceSecret } from './SourceSecret';

const KINDS: Record<ConnectionKind, string> = { folder: 'Folder', http: 'HTTP API', postgres: 'PostgreSQL' };

type Test = { running: true } | { running: false; result: ApiOutput<'source.test'> } | null;

function pulledLine(source: string, r: ImportResultT): string {
  if (r.unchanged) return `${source}: the same data as snapshot #${r.snapshotId}, nothing new stored.`;
  const rejected = r.rejectedCount > 0 ? `; ${fmtInt(r.rejectedCount)} bad rows set aside` : '';
  return `${source}: snapshot #${r.snapshotId} with ${fmtInt(r.rowCount)} rows${rejected}.`;
}

export function SourceConnectionCard({
  source,
  status,
  tables,
  onStatus,
  onRemoved,
  onPulled,
}: {
  source: SourceSystem;
  /** The saved connection; null when none is set. */
  status: SourceConnectionStatusT | null;
  /** The tables the source's profile maps; null while the profile loads. */
  tables: MappedTable[] | null;
  onStatus(s: SourceConnectionStatusT): void;
  onRemoved(): void;
  /** After a pull (ok or not): the snapshots and the statuses are read again. */
  onPulled(): Promise<void>;
}) {
  const [draft, setDraft] = useState<ConnectionDraft>(() => draftOf(status));
  const [formError, setFormError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);
  const [said, setSaid] = useState('');
  const [test, setTest] = useState<Test>(null);
  const [progressId, setProgressId] = useState<string | null>(null);
  const [pullError, setPullError] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const kindsRef = useRef<HTMLFieldSetElement>(null);
  /** Where the focus goes when the control it was on goes away: the Remove button, or the kind chosen. */
  const [refocus, setRefocus] = useState<'remove' | 'kind' | null>(null);
  const progress = useProgress(progressId);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (refocus === 'remove') removeRef.current?.focus();
    if (refocus === 'kind') kindsRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    setRefocus(null);
  }, [refocus]);

  const idPrefix = `src-${source}`;
  const names = (tables ?? []).map((t) => t.table);
  const change = (patch: Partial<ConnectionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = formError ? formFieldOf(formError) : undefined;
  const besideField = field !== undefined && shownFields(draft.kind, names).has(field);
  const pulling = progressId !== null || status?.running === true;
  // A failure the pull recorded is on the card already (LastPull): said once, there.
  const last = status?.lastPull;
  const recorded = pullError !== null && last?.ok === false && last.error?.message === pullError.message;

  /** The connection as typed, or the refusal the service would give (shown beside its field). */
  function typed() {
    const problem = draft.kind === 'http' ? headerProblem(draft) : null;
    if (problem) {
      setFormError(problem);
      return null;
    }
    return connectionOf(draft, names);
  }

  async function save(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    setSaid('');
    const connection = typed();
    if (!connection) return;
    setSaving(true);
    const r = await call('source.set', { source, connection, schedule: draft.schedule.trim() || null });
    setSaving(false);
    if (!r.ok) {
      setFormError(r.error);
      return;
    }
    setFormError(null);
    setDraft(draftOf(r.data));
    onStatus(r.data);
    const kind = secretKindOf(r.data.connection);
    setSaid(
      kind && !r.data.secret.set
        ? `${source}: connection saved. Type its ${kind} below, or set ${r.data.secret.environmentVariable}.`
        : `${source}: connection saved.`,
    );
  }

  async function runTest(): Promise<void> {
    setSaid('');
    const connection = typed();
    if (!connection) return;
    setTest({ running: true });
    const r = await call('source.test', { source, connection });
    if (!r.ok) {
      setTest(null);
      setFormError(r.error);
      return;
    }
    setFormError(null);
    setTest({ running: false, result: r.data });
  }

  async function pull(): Promise<void> {
    const id = crypto.randomUUID();
    setSaid('');
    setPullError(null);
    setProgressId(id);
    const r = await call('source.pull', { source, progressId: id });
    setProgressId(null);
    await onPulled();
    if (r.ok) setSaid(pulledLine(source, r.data));
    else setPullError(r.error);
  }

  async function remove(): Promise<void> {
    const r = await call('source.remove', { source });
    setConfirming(false);
    if (!r.ok) {
      setFormError(r.error);
      return;
    }
    setDraft(draftOf(null));
    setTest(null);
    setPullError(null);
    setFormError(null);
    onRemoved();
    setRefocus('kind');
    setSaid(`${source}: connection removed; its snapshots stay.`);
  }

  return (
    <div className="card source-card" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>
        Pull {source} from{' '}
        {status ? (
          <span className="badge ok">{KINDS[status.connection.kind]}</span>
        ) : (
          <span className="badge none">not set</span>
        )}{' '}
        {pulling && <span className="badge warn">pulling…</span>}
      </h2>
      <LastPull pull={status?.lastPull ?? null} label={`Last pull of ${source}`} />
      <form aria-label={`Connection of ${source}`} className="source-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="source-kinds" ref={kindsRef}>
          <legend>Pull from</legend>
          {(Object.keys(KINDS) as ConnectionKind[]).map((k) => (
            <label key={k} className="inline">
              <input
                type="radio"
                name={`${idPrefix}-kind`}
                value={k}
                checked={draft.kind === k}
                onChange={() => change({ kind: k })}
              />
              {KINDS[k]}
            </label>
          ))}
        </fieldset>
        {tables === null && draft.kind !== 'folder' ? (
          <p className="muted">Reading the mapping profile…</p>
        ) : draft.kind === 'folder' ? (
          <div className="form-row">
            <FolderInput
              labelClassName="grow"
              label="Export folder (absolute path)"
              what={`${source} export folder`}
              value={draft.dir}
              onChange={(dir) => change({ dir })}
              placeholder={`/srv/exports/${source.toLowerCase()}`}
              maxLength={4000}
              spellCheck={false}
              aria-invalid={field === 'dir' ? true : undefined}
              aria-describedby={`${idPrefix}-dir-err`}
            >
              <FieldError id={`${idPrefix}-dir-err`} field="dir" error={formError} fieldOf={formFieldOf} />
            </FolderInput>
          </div>
        ) : draft.kind === 'http' ? (
          <HttpFields
            source={source}
            idPrefix={idPrefix}
            draft={draft}
            tables={tables ?? []}
            error={formError}
            onChange={change}
          />
        ) : (
          <PostgresFields idPrefix={idPrefix} draft={draft} tables={tables ?? []} error={formError} onChange={change} />
        )}
        <ScheduleField
          idPrefix={idPrefix}
          value={draft.schedule}
          nextPullAt={status?.nextPullAt ?? null}
          error={formError}
          onChange={(schedule) => change({ schedule })}
        />
        {formError && !besideField && <ErrorBanner error={formError} />}
        {formError && besideField && (
          <p className="banner error" role="note">
            <span>Not saved: see the message beside the field.</span>
          </p>
        )}
        <div className="form-row">
          <button type="submit" className="primary" disabled={saving}>
            Save connection
          </button>
        </div>
      </form>
      {status && <SourceSecret status={status} onStatus={onStatus} />}
      <div className="form-row source-actions">
        <button type="button" disabled={test?.running === true} onClick={() => void runTest()}>
          Test connection
        </button>
        <button type="button" disabled={!status || pulling} onClick={() => void pull()}>
          Pull now
        </button>
        {status && !confirming && (
          <button type="button" ref={removeRef} onClick={() => setConfirming(true)}>
            Remove
          </button>
        )}
        {status && confirming && (
          <span role="group" aria-label={`Remove the ${source} connection?`} className="sync-confirm">
            Remove the {source} connection and its secret? Its snapshots stay.{' '}
            <button ref={confirmRef} type="button" className="danger" onClick={() => void remove()}>
              Yes, remove
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                setRefocus('remove');
              }}
            >
              Keep it
            </button>
          </span>
        )}
        {!status && <span className="muted small">Save the connection to pull it.</span>}
      </div>
      {/* Always there and at least one line high, so a progress bar or a result moves nothing above it. */}
      <div className="source-result">
        {progressId !== null && <ImportProgress progress={progress} label={`Pull progress of ${source}`} />}
        <p role="status" aria-live="polite" className="ok-line">
          {said}
        </p>
        {pullError &&
          (recorded ? (
            <p className="banner error" role="alert">
              <span>Pull failed: the last pull above says why and what to do.</span>
            </p>
          ) : (
            <ErrorBanner error={{ ...pullError, message: `Pull failed: ${pullError.message}` }} />
          ))}
        {test?.running && (
          <p className="muted source-probes" role="status">
            Testing the connection: reading the first rows of each table…
          </p>
        )}
        {test && !test.running && <ProbeResults ok={test.result.ok} tables={test.result.tables} />}
      </div>
    </div>
  );
}
