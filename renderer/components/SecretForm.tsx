// A write-only secret field (a password, token or API key): the main process keeps the value where
// this mode keeps secrets (Electron: the system keyring; browser mode: a file only you can read,
// beside the database), never in SQLite and never sent back. The form shows only whether one is
// set and where it is kept, or that the environment supplies it; "Forget" removes it. The Sync
// page's targets (sync/SecretField.tsx) and the Data page's source connections both use it.
import { useRef, useState, type SyntheticEvent } from 'react';
import type { ApiResult } from '../../shared/api';
import { useSubmit } from '../useSubmit';
import { ErrorBanner } from './ErrorBanner';

export interface SecretState {
  set: boolean;
  /** The environment supplies it (or this mode reads nothing else): changed there, not here. */
  fromEnvironment: boolean;
  /** Where it is kept, as a person reads it; null: not known (the variable is named instead). */
  where: string | null;
}

export interface SecretFormProps<T> {
  /** The form's accessible name: "Password of the hub", "Secret of ERP". */
  formLabel: string;
  /** "password", "token", "API key": in the Save button and the lines. */
  kind: string;
  /** The field's label. */
  fieldLabel: string;
  /** "hub password", "token of erp": in the "none is set" line. */
  what: string;
  /** The environment variable that can supply it instead. */
  envVar: string;
  state: SecretState;
  /** Said after "restart it" when none is set: ", unless the hub needs none". */
  unsetSuffix?: string;
  save(value: string): Promise<ApiResult<T>>;
  forget(): Promise<ApiResult<T>>;
  onSaved(data: T): void;
  /** After Forget: where one is still set (the environment), or null when none is. */
  stillSetIn(data: T): string | null;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function SecretForm<T>(p: SecretFormProps<T>) {
  const [value, setValue] = useState('');
  const { busy, error, done, submit } = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const Kind = capital(p.kind);
  const where = p.state.where ?? p.envVar;

  const forget = (e: SyntheticEvent): void =>
    void submit(e, p.forget, (s) => {
      p.onSaved(s);
      // The Forget button goes away: focus stays in the form, on the field.
      input.current?.focus();
      const still = p.stillSetIn(s);
      return still ? `Forgotten here; one is still set in ${still}.` : `${Kind} forgotten.`;
    });

  return (
    <form
      className="sync-secret"
      aria-label={p.formLabel}
      onSubmit={(e) =>
        void submit(
          e,
          () => p.save(value),
          (s) => {
            setValue('');
            p.onSaved(s);
            return `${Kind} saved.`;
          },
        )
      }
    >
      {p.state.fromEnvironment ? (
        <p className="banner" role="note">
          <span>
            {p.state.set
              ? `${Kind} set (kept in ${where}): change it there and restart Planroom.`
              : `No ${p.what} is set: this Planroom reads it from ${p.envVar} (or ${p.envVar}_FILE naming a file with mode 0600) only.`}
          </span>
        </p>
      ) : p.state.set ? (
        <p className="banner" role="note">
          {Kind} set (kept in {where})
        </p>
      ) : (
        <p className="banner warn" role="note">
          <span>
            No {p.what} is set for this Planroom. Type it below, or set <code>{p.envVar}</code> (or{' '}
            <code>{p.envVar}_FILE</code> naming a file with mode 0600) in its environment and restart it
            {p.unsetSuffix ?? ''}.
          </span>
        </p>
      )}
      {!p.state.fromEnvironment && (
        <div className="form-row">
          <label>
            {p.fieldLabel}
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
            Save {p.kind}
          </button>
          {p.state.set && (
            <button type="button" disabled={busy} onClick={forget}>
              Forget
            </button>
          )}
          {/* Always there, so the line that appears after Save moves nothing below it; a live region
            without the status role, which the card's own status line has. */}
          <span aria-live="polite" className="ok-line">
            {done}
          </span>
        </div>
      )}
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
