// "Conflicts to resolve" on the Sync page (issue 17 item 7): each field two laptops changed
// without seeing each other's change, every value with who set it, when and on which laptop, and
// a "Keep this" button per value. Keeping one is an edit that saw every value, so it settles the
// field on every laptop once synced; the list empties as they are resolved, and says so.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncConflictT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { fmtDateTime } from '../../format';
import { useUserName } from '../../useUserName';
import { ErrorBanner } from '../ErrorBanner';
import { FIELD_LABEL, valueText } from './conflictText';

const keyOf = (c: SyncConflictT) => `${c.entity}:${c.uid}:${c.field}`;

/**
 * `expected`: the count sync.status gave, so the card shows "None" at once when there are none
 * (the list still loads to confirm) instead of a loading line that then changes.
 */
export function Conflicts({ onResolved, expected }: { onResolved?(): void; expected?: number }) {
  const [list, setList] = useState<SyncConflictT[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const [userName, setUserName] = useUserName();
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const r = await call('sync.conflicts', {});
    if (r.ok) setList(r.data);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function keep(c: SyncConflictT, value: string | number | null): Promise<void> {
    setBusy(true);
    const r = await call('sync.resolveConflict', {
      entity: c.entity,
      uid: c.uid,
      field: c.field,
      value,
      by: userName.trim(),
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setList(r.data);
    setSaid(
      `Kept ${valueText(c.field, value)} as the ${FIELD_LABEL[c.field] ?? c.field} of ${shownName(c.label, 80)}. ${
        r.data.length === 0 ? 'No conflicts left.' : `${r.data.length} left.`
      }`,
    );
    // The button pressed is gone with its conflict: the focus goes back to the section.
    heading.current?.focus();
    onResolved?.();
  }

  const noName = userName.trim() === '';
  return (
    <div className="card sync-conflicts" aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts" ref={heading} tabIndex={-1}>
        Conflicts to resolve {list && list.length > 0 && <span className="badge warn">{list.length}</span>}
      </h2>
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {!list && !error && expected !== 0 && <p className="muted">Loading the conflicts…</p>}
      {((list && list.length === 0) || (!list && !error && expected === 0)) && (
        <p className="muted">None: every field edited on two laptops was edited by one after seeing the other.</p>
      )}
      {list && list.length > 0 && (
        <>
          <p className="muted small">
            Two laptops changed these without seeing each other's change. Until one value is kept, the latest change is
            shown.
          </p>
          <div className="form-row">
            <label className="grow">
              Your name (recorded with the value you keep)
              <input value={userName} onChange={(e) => setUserName(e.target.value)} autoComplete="name" />
            </label>
          </div>
          <ul className="conflict-list">
            {list.map((c) => (
              <li key={keyOf(c)} className="conflict">
                <h3 className="conflict-what">
                  {c.entity === 'decision' ? 'Decision' : 'Data issue'} “{shownName(c.label, 120)}”:{' '}
                  {FIELD_LABEL[c.field] ?? c.field}
                </h3>
                <p className="muted small">Shown now: {shownName(valueText(c.field, c.shown), 200)}</p>
                <ul className="conflict-candidates">
                  {c.candidates.map((k) => (
                    <li key={k.hlc}>
                      <span className="strong">{shownName(valueText(c.field, k.value), 200)}</span>
                      <span className="muted small">
                        set by {shownName(k.actor, 80)}, {fmtDateTime(k.at)}, on laptop {k.laptopId.slice(0, 8)}
                      </span>
                      <button
                        type="button"
                        disabled={busy || noName}
                        aria-label={`Keep ${valueText(c.field, k.value)} as the ${FIELD_LABEL[c.field] ?? c.field} of ${shownName(c.label, 80)}`}
                        onClick={() => void keep(c, k.value)}
                      >
                        Keep this
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {noName && <p className="muted small">Enter your name above to keep a value.</p>}
        </>
      )}
      <p role="status" aria-live="polite" className="muted">
        {said}
      </p>
    </div>
  );
}
