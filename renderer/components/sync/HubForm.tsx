import { useState } from 'react';
import { HUB_TLS, type ApiOutput } from '../../../shared/api';
import { call } from '../../api/client';
import { useSubmit } from '../../useSubmit';
import { FormResult } from '../FormResult';

const TLS_LABEL: Record<(typeof HUB_TLS)[number], string> = {
  disable: 'No TLS (a hub on this machine or a trusted network only)',
  require: 'TLS, any certificate',
  'verify-full': 'TLS, certificate checked',
};

/**
 * Where the team hub is: a postgres:// URL without the password (refused when it holds one) and
 * TLS. The password is not typed here but on the hub's card (SecretField), or comes from the environment.
 */
export function HubForm({ onSaved }: { onSaved(s: ApiOutput<'sync.status'>): void }) {
  const [url, setUrl] = useState('');
  const [tls, setTls] = useState<(typeof HUB_TLS)[number]>('require');
  const { busy, error, done, submit } = useSubmit();
  return (
    <form
      aria-label="Team hub"
      onSubmit={(e) =>
        void submit(
          e,
          () => call('sync.setHub', { url, tls }),
          (s) => {
            onSaved(s);
            return 'Hub saved. Sync runs in the background; "Sync now" runs it at once.';
          },
        )
      }
    >
      <div className="form-row">
        <label className="grow">
          Hub URL
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="postgres://planner@hub.example.com:5432/planroom"
            required
            maxLength={2000}
            spellCheck={false}
            aria-describedby="hub-url-help"
          />
        </label>
        <label>
          TLS
          <select value={tls} onChange={(e) => setTls(e.target.value as (typeof HUB_TLS)[number])}>
            {HUB_TLS.map((t) => (
              <option key={t} value={t}>
                {TLS_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Save hub
        </button>
      </div>
      <p id="hub-url-help" className="muted small">
        No password in the URL: Planroom keeps none in its database. Type it on the hub&apos;s card once the hub is
        saved, or set <code>PLANROOM_HUB_PASSWORD</code> (or <code>PLANROOM_HUB_PASSWORD_FILE</code> naming a file only
        you can read, mode 0600) before starting Planroom.
      </p>
      <FormResult error={error} done={done} />
    </form>
  );
}
