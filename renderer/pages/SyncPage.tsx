// The Sync page (nav 6): where the decision log goes after the meeting. Per target: what is
// pending and delivered, what was pulled from the other laptops, the last success, the last error
// with what to do, "Sync now" and pause/resume; and the hub's address.
import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput, SyncTargetStatusT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Conflicts } from '../components/sync/Conflicts';
import { FileDropForm } from '../components/sync/FileDropForm';
import { BundleCard } from '../components/sync/BundleCard';
import { HubForm } from '../components/sync/HubForm';
import { SecretField } from '../components/sync/SecretField';
import { fmtDateTime, fmtInt } from '../format';

type Status = ApiOutput<'sync.status'>;

function TargetCard({ t, onStatus }: { t: SyncTargetStatusT; onStatus(s: Status): void }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);

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
    const mine = r.data.find((x) => x.target === t.id);
    setSaid(
      !mine
        ? 'Nothing ran: the target is paused.'
        : mine.error
          ? 'The sync failed: the last error above says why.'
          : `${fmtInt(mine.pushed)} pushed, ${fmtInt(mine.pulled)} pulled.`,
    );
  }

  async function pause(paused: boolean): Promise<void> {
    const r = await call('sync.pause', { target: t.id, paused });
    if (r.ok) onStatus(r.data);
    else setError(r.error);
  }

  return (
    <div className="card sync-target" aria-labelledby={`sync-${t.id}`}>
      <h2 id={`sync-${t.id}`}>
        Team hub <span className="muted small">{t.where}</span>{' '}
        {t.paused ? (
          <span className="badge warn">paused</span>
        ) : t.lastError ? (
          <span className="badge warn">failing</span>
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
        <div>
          <dt>Pulled from other laptops</dt>
          <dd>{fmtInt(t.pulled)}</dd>
        </div>
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
      {error && <ErrorBanner error={error} />}
      <div className="form-row">
        <button type="button" className="primary" disabled={busy || t.paused} onClick={() => void syncNow()}>
          Sync now
        </button>
        <button type="button" onClick={() => void pause(!t.paused)}>
          {t.paused ? 'Resume' : 'Pause'}
        </button>
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
            Decisions, their history and follow-ups go to the team hub (PostgreSQL), exactly once, whenever it can be
            reached; the other laptops' events come back from it.
          </p>
        </div>
      </header>
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {!status && !error && <p className="muted">Loading the sync state…</p>}
      {status && (
        <>
          {status.targets.map((t) => (
            <TargetCard key={t.id} t={t} onStatus={setStatus} />
          ))}
          {status.undeliverable > 0 && (
            <p className="banner" role="status">
              {fmtInt(status.undeliverable)} outbox {status.undeliverable === 1 ? 'entry waits' : 'entries wait'} for a
              hub: set one below.
            </p>
          )}
          {status.waiting > 0 && (
            <p className="banner" role="status">
              {fmtInt(status.waiting)} {status.waiting === 1 ? 'event waits' : 'events wait'} for a cycle not on this
              laptop: they are merged once its cycle bundle is imported here.
            </p>
          )}
          <Conflicts onResolved={() => void load()} />
          <div className="card">
            <h2>{status.targets.some((t) => t.kind === 'postgres') ? 'Change the hub' : 'Set the team hub'}</h2>
            <HubForm onSaved={setStatus} />
            <p className="muted small">
              This laptop is <code>{status.laptopId}</code> on the hub. HTTP write-back to the source systems is still
              to come.
            </p>
          </div>
          <FileDropForm onSaved={setStatus} />
          <BundleCard />
        </>
      )}
    </section>
  );
}
