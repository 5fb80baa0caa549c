// A sync target's password or token, typed on the Sync page: kept by the main process where this
// mode keeps secrets (Electron: the system keyring; browser mode: a file only you can read,
// beside the database), never in SQLite and never sent back. The card shows only whether one is
// set and where it is kept; "Forget" removes it. The environment variable stays the alternative.
import { useRef, useState, type SyntheticEvent } from 'react';
import type { ApiOutput, SyncTargetStatusT } from '../../../shared/api';
import { envNameOf, secretNameOf } from '../../../shared/sync/secretNames';
import { call } from '../../api/client';
import { useSubmit } from '../../useSubmit';
import { ErrorBanner } from '../ErrorBanner';

type Status = ApiOutput<'sync.status'>;

/** What the target's secret is called, or null when it takes none (a file drop, an HTTP target without auth). */
function secretKind(t: SyncTargetStatusT): 'password' | 'token' | null {
  if (t.kind === 'postgres') return 'password';
  if (t.settings?.kind !== 'http' || t.settings.auth === 'none') return null;
  return t.settings.auth === 'bearer' ? 'token' : 'password';
}

export function SecretField({ t, onSaved }: { t: SyncTargetStatusT; onSaved(s: Status): void }) {
  const [value, setValue] = useState('');
  const { busy, error, done, submit } = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const kind = secretKind(t);
  if (!kind) return null;
  const name = t.kind === 'postgres' ? 'hub' : t.id;
  const Kind = kind === 'token' ? 'Token' : 'Password';
  /** "hub password", "token of erp": for the notes and the form's name. */
  const what = t.kind === 'postgres' ? 'hub password' : `${kind} of ${t.id}`;
  const envVar = envNameOf(secretNameOf(name));

  const forget = (e: SyntheticEvent): void =>
    void submit(
      e,
      () => call('sync.removeSecret', { name }),
      (s) => {
        onSaved(s);
        // The Forget button goes away: focus stays in the form, on the field.
        input.current?.focus();
        const still = s.targets.find((x) => x.id === t.id);
        return still?.passwordSet
          ? `Forgotten here; one is still set in ${still.passwordWhere ?? envVar}.`
          : `${Kind} forgotten.`;
      },
    );

  return (
    <form
      className="sync-secret"
      aria-label={t.kind === 'postgres' ? 'Password of the hub' : `${Kind} of ${t.id}`}
      onSubmit={(e) =>
        void submit(
          e,
          () => call('sync.setSecret', { name, value }),
          (s) => {
            setValue('');
            onSaved(s);
            return `${Kind} saved.`;
          },
        )
      }
    >
      {t.passwordFromEnvironment ? (
        <p className="banner" role="note">
          <span>
            {t.passwordSet
              ? `${Kind} set (kept in ${t.passwordWhere ?? envVar}): change it there and restart Planroom.`
              : `No ${what} is set: this Planroom reads it from ${envVar} (or ${envVar}_FILE naming a file with mode 0600) only.`}
          </span>
        </p>
      ) : t.passwordSet ? (
        <p className="banner" role="note">
          {Kind} set (kept in {t.passwordWhere ?? envVar})
        </p>
      ) : (
        <p className="banner warn" role="note">
          <span>
            No {what} is set for this Planroom. Type it below, or set <code>{envVar}</code> (or{' '}
            <code>{envVar}_FILE</code> naming a file with mode 0600) in its environment and restart it
            {t.kind === 'postgres' ? ', unless the hub needs none' : ''}.
          </span>
        </p>
      )}
      {!t.passwordFromEnvironment && (
        <div className="form-row">
          <label>
            {t.kind === 'postgres' ? `Hub ${kind}` : Kind}
            <input
              ref={input}
              type="password"
              autoComplete="off"
              spellCheck={false}
              maxLength={4096}
              required
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            Save {kind}
          </button>
          {t.passwordSet && (
            <button type="button" disabled={busy} onClick={forget}>
              Forget
            </button>
          )}
          {/* Always there, so the line that appears after Save moves nothing below it; a live region
            without the status role, which the card's own "Sync now" line has. */}
          <span aria-live="polite" className="ok-line">
            {done}
          </span>
        </div>
      )}
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
