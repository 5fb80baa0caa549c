// The Sync page (nav 6): where the decision log goes after the meeting. Per target: what is
// pending and delivered, what was pulled from the other laptops (the hub) or refused (HTTP and
// file targets, with the last refusal's answer), the last success, the last error with what to
// do, "Sync now", pause/resume, retry failed and remove; the hub's address and the HTTP form.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiOutput, ApiResult, HttpTargetConfigT, SyncTargetStatusT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Conflicts } from '../components/sync/Conflicts';
import { FileDropForm } from '../components/sync/FileDropForm';
import { BundleCard } from '../components/sync/BundleCard';
import { HubForm } from '../components/sync/HubForm';
import { HttpTargetForm } from '../components/sync/HttpTargetForm';
import { SecretField } from '../components/sync/SecretField';
import { fmtDateTime, fmtInt } from '../format';

type Status = ApiOutput<'sync.status'>;

const TITLE: Record<SyncTargetStatusT['kind'], string> = {
  postgres: 'Team hub',
  http: 'HTTP target',
  file: 'File drop',
};

/** What a run said, in the card's status line. */
function runLine(t: SyncTargetStatusT, mine: ApiOutput<'sync.run'>[number] | undefined): string {
  if (!mine) return 'Nothing ran: the target is paused.';
  if (mine.error) return 'The sync failed: the last error above says why.';
  if (t.kind === 'postgres') return `${fmtInt(mine.pushed)} pushed, ${fmtInt(mine.pulled)} pulled.`;
  if (t.kind === 'file') return `${fmtInt(mine.pushed)} delivered.`;
  return `${fmtInt(mine.pushed)} delivered, ${fmtInt(mine.failed)} refused.`;
}

function TargetCard({
  t,
  onStatus,
  onEdit,
}: {
  t: SyncTargetStatusT;
  onStatus(s: Status): void;
  /** Opens the target's settings in its form (HTTP targets). */
  onEdit?(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const hub = t.kind === 'postgres';

  async function syncNow(): Promise<void> {
    setBusy(true);
    setSaid('Syncing…');
    const r = await call('sync.run', { force: true });
    const s = await call('sync.status', {});
    setBusy(false);
    if (s.ok) onStatus(s.data);
    if (!r.ok) {
      setError(r.error);
      setSaid('');
      return;
    }
    setError(null);
    setSaid(
      runLine(
        t,
        r.data.find((x) => x.target === t.id),
      ),
    );
  }

  /** A call that answers the new status (pause, retry failed, remove). */
  async function change(action: () => Promise<ApiResult<Status>>, line: string): Promise<void> {
    const r = await action();
    if (r.ok) {
      setError(null);
      setSaid(line);
      onStatus(r.data);
    } else setError(r.error);
  }

  return (
    <div className="card sync-target" aria-labelledby={`sync-${t.id}`}>
      <h2 id={`sync-${t.id}`}>
        {TITLE[t.kind]}
        {!hub && ` ${t.id}`} <span className="muted small">{t.where}</span>{' '}
        {t.paused ? (
          <span className="badge warn">paused</span>
        ) : t.lastError ? (
          <span className="badge warn">failing</span>
        ) : t.failed > 0 ? (
          <span className="badge warn">{fmtInt(t.failed)} refused</span>
        ) : (
          <span className="badge ok">{t.lastSuccessAt ? 'in sync' : 'not synced yet'}</span>
        )}
      </h2>
      <dl className="sync-facts">
        <div>
          <dt>Pending</dt>
          <dd>{fmtInt(t.pending)}</dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>{fmtInt(t.delivered)}</dd>
        </div>
        {hub ? (
          <div>
            <dt>Pulled from other laptops</dt>
            <dd>{fmtInt(t.pulled)}</dd>
          </div>
        ) : (
          <div>
            <dt>Refused</dt>
            <dd>{fmtInt(t.failed)}</dd>
          </div>
        )}
        <div>
          <dt>Last success</dt>
          <dd>{t.lastSuccessAt ? fmtDateTime(t.lastSuccessAt) : 'never'}</dd>
        </div>
        {t.nextAttemptAt && (
          <div>
            <dt>Next try</dt>
            <dd>
              {fmtDateTime(t.nextAttemptAt)} (after {t.failures} failed {t.failures === 1 ? 'try' : 'tries'})
            </dd>
          </div>
        )}
      </dl>
      <SecretField t={t} onSaved={onStatus} />
      {t.lastError && (
        <div className="banner error" role="alert">
          <p className="strong">Last error: {t.lastError}</p>
          {t.lastErrorHint && <p>What to do: {t.lastErrorHint}</p>}
        </div>
      )}
      {t.lastFailure && (
        <div className="banner warn sync-refusal" aria-label="Last refusal">
          <p className="strong">
            Last refusal: {t.lastFailure.status === null ? 'no status' : `HTTP ${t.lastFailure.status}`} for{' '}
            <code>{t.lastFailure.idempotencyKey}</code>, {fmtDateTime(t.lastFailure.at)}
          </p>
          {/* The receiver's answer as plain text (React escapes it), never as markup. */}
          <pre>{t.lastFailure.response || '(an empty answer)'}</pre>
          <p>Fix the entry or the target's settings, then "Retry failed" sends the refused entries again.</p>
        </div>
      )}
      {error && <ErrorBanner error={error} />}
      <div className="form-row">
        <button type="button" className="primary" disabled={busy || t.paused} onClick={() => void syncNow()}>
          Sync now
        </button>
        <button
          type="button"
          onClick={() => void change(() => call('sync.pause', { target: t.id, paused: !t.paused }), '')}
        >
          {t.paused ? 'Resume' : 'Pause'}
        </button>
        {!hub && (
          <button
            type="button"
            disabled={t.failed === 0}
            onClick={() =>
              void change(
                () => call('sync.retryFailed', { target: t.id }),
                'The refused entries go again at the next sync.',
              )
            }
          >
            Retry failed
          </button>
        )}
        {onEdit && (
          <button type="button" onClick={onEdit}>
            Change settings
          </button>
        )}
        {!hub && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            Remove
          </button>
        )}
        {!hub && confirming && (
          <span role="group" aria-label={`Remove ${t.id}?`} className="sync-confirm">
            Remove {t.id}? The outbox keeps its entries.{' '}
            <button
              ref={confirmRef}
              type="button"
              className="danger"
              onClick={() => void change(() => call('sync.removeTarget', { target: t.id }), '')}
            >
              Yes, remove
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        )}
        <span role="status" aria-live="polite" className="muted">
          {said}
        </span>
      </div>
    </div>
  );
}

export function SyncPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [editing, setEditing] = useState<HttpTargetConfigT | undefined>(undefined);
  const load = useCallback(async () => {
    const r = await call('sync.status', {});
    if (r.ok) {
      setStatus(r.data);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-label="Sync">
      <header className="page-head">
        <div>
          <h1>Sync</h1>
          <p className="muted">
            Decisions, their history and follow-ups go to the team hub (PostgreSQL), to the source systems' HTTP APIs
            and to drop folders, exactly once, whenever each can be reached; the other laptops' events come back from
            the hub.
          </p>
        </div>
      </header>
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {!status && !error && <p className="muted">Loading the sync state…</p>}
      {status && (
        <>
          {status.targets.map((t) => (
            <TargetCard
              key={t.id}
              t={t}
              onStatus={setStatus}
              onEdit={t.settings?.kind === 'http' ? () => setEditing(t.settings as HttpTargetConfigT) : undefined}
            />
          ))}
          {status.undeliverable > 0 &&
            (status.targets.length === 0 ? (
              <p className="banner" role="status">
                {fmtInt(status.undeliverable)} outbox {status.undeliverable === 1 ? 'entry waits' : 'entries wait'} for
                a hub: set one below.
              </p>
            ) : (
              // HTTP and folder targets deliver on their own; the hub's copy is only kept for later.
              <p className="muted" role="status">
                No team hub is set: {fmtInt(status.undeliverable)} outbox{' '}
                {status.undeliverable === 1 ? 'entry is' : 'entries are'} kept for one, to go to it once it is set. The
                targets above deliver on their own.
              </p>
            ))}
          {status.waiting > 0 && (
            <p className="banner" role="status">
              {fmtInt(status.waiting)} {status.waiting === 1 ? 'event waits' : 'events wait'} for a cycle not on this
              laptop: they are merged once its cycle bundle is imported here.
            </p>
          )}
          <Conflicts onResolved={() => void load()} expected={status.conflicts} />
          <div className="card">
            <h2>{status.targets.some((t) => t.kind === 'postgres') ? 'Change the hub' : 'Set the team hub'}</h2>
            <HubForm onSaved={setStatus} />
            <p className="muted small">
              This laptop is <code>{status.laptopId}</code> on the hub.
            </p>
          </div>
          <div className="card">
            <h2>{editing ? `Change the HTTP target ${editing.id}` : 'Add an HTTP target'}</h2>
            <p className="muted small">
              A source system's API (ERP, TMS, …) that the decision log is written back to, one request per entry.
              Saving a name that exists changes that target.
            </p>
            <HttpTargetForm key={editing?.id ?? 'new'} initial={editing} onSaved={setStatus} />
            {editing && (
              <button type="button" onClick={() => setEditing(undefined)}>
                Add another target instead
              </button>
            )}
          </div>
          <FileDropForm onSaved={setStatus} />
          <BundleCard />
        </>
      )}
    </section>
  );
}
