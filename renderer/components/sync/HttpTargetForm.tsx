// "Add an HTTP target": a source system's API the decision log is written back to (issue 17
// item 3). One request per outbox entry; the body per kind is a JSON template with {{path}}
// placeholders, checked by the service when saved. A refusal is shown under its field (the
// AppError's where.field). The token or password is not part of the settings: it is typed on the
// target's card (SecretField) or comes from the environment (PLANROOM_TARGET_<NAME>_SECRET).
import { useEffect, useRef, useState } from 'react';
import { OUTBOX_KINDS, type ApiInput, type ApiOutput, type HttpTargetConfigT } from '../../../shared/api';
import { envNameOf, secretNameOf } from '../../../shared/sync/secretNames';
import { KIND_LABELS, TEMPLATE_EXAMPLES } from '../../../shared/sync/templateExamples';
import { call } from '../../api/client';
import { useSubmit } from '../../useSubmit';
import { FieldError } from '../FieldError';
import { FormResult } from '../FormResult';
import { ChoiceOptions } from '../ChoiceOptions';

type Kind = (typeof OUTBOX_KINDS)[number];
type HttpInput = Extract<ApiInput<'sync.setTarget'>, { kind: 'http' }>;
const METHODS = ['POST', 'PATCH'] as const;
const AUTHS = { none: 'None', bearer: 'Bearer token', basic: 'Basic (user name and password)' } as const;

/** The environment variable the target's secret can come from (PLANROOM_TARGET_ERP_SECRET). */
export const secretVariable = (id: string): string => envNameOf(secretNameOf(id || '<NAME>'));

/** Extra headers as typed, one `Name: value` a line (a line without a colon is sent as a name the service refuses). */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 0) headers[line.trim()] = '';
    else headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** `initial`: a saved target's settings, to change them (the form starts from them). */
export function HttpTargetForm({
  initial,
  onSaved,
}: {
  initial?: HttpTargetConfigT;
  onSaved(s: ApiOutput<'sync.status'>): void;
}) {
  const [id, setId] = useState(initial?.id ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [method, setMethod] = useState<(typeof METHODS)[number]>(initial?.method ?? 'POST');
  const [auth, setAuth] = useState<keyof typeof AUTHS>(initial?.auth ?? 'bearer');
  const [username, setUsername] = useState(initial?.username ?? '');
  const [timeout, setTimeoutS] = useState(String((initial?.timeoutMs ?? 10_000) / 1000));
  const [headers, setHeaders] = useState(
    Object.entries(initial?.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  );
  const [send, setSend] = useState<Record<Kind, boolean>>(
    initial
      ? (Object.fromEntries(OUTBOX_KINDS.map((k) => [k, initial.templates[k] !== undefined])) as Record<Kind, boolean>)
      : { decision_event: true, data_issue_change: false, exception_review: false, minutes_export: false },
  );
  const [templates, setTemplates] = useState<Record<Kind, string>>({ ...TEMPLATE_EXAMPLES, ...initial?.templates });
  const urlRef = useRef<HTMLInputElement>(null);
  // Changing a target: the keyboard lands in the form, on the field most often changed.
  useEffect(() => {
    if (initial) urlRef.current?.focus();
  }, [initial]);
  const { busy, error, done, submit } = useSubmit();
  const field = error?.where?.field;
  const shownBelow = field !== undefined && /^(id|url|username|timeoutMs|headers|templates(\..+)?)$/.test(field);
  const invalid = (f: string) => (field === f ? true : undefined);

  function input(): HttpInput {
    const chosen = Object.fromEntries(OUTBOX_KINDS.filter((k) => send[k]).map((k) => [k, templates[k]]));
    return {
      kind: 'http',
      id: id.trim(),
      url: url.trim(),
      method,
      auth,
      username: auth === 'basic' ? username.trim() : undefined,
      headers: parseHeaders(headers),
      templates: chosen,
      timeoutMs: Math.round(Number(timeout) * 1000),
    };
  }

  return (
    <form
      aria-label="HTTP target"
      className="http-target-form"
      onSubmit={(e) =>
        void submit(
          e,
          () => call('sync.setTarget', input()),
          (s) => {
            onSaved(s);
            return `Target ${id.trim()} saved.${auth === 'none' ? '' : ` Type its ${auth === 'bearer' ? 'token' : 'password'} on its card, or set ${secretVariable(id.trim())}.`}`;
          },
        )
      }
    >
      <div className="form-row">
        <label>
          Name
          <input
            value={id}
            onChange={(e) => setId(e.target.value)}
            placeholder="erp"
            required
            maxLength={40}
            spellCheck={false}
            aria-invalid={invalid('id')}
            aria-describedby="http-id-err"
          />
          <FieldError id="http-id-err" field="id" error={error} />
        </label>
        <label className="grow">
          Endpoint URL
          <input
            value={url}
            ref={urlRef}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://erp.example.com/api/planroom/events"
            required
            maxLength={2000}
            spellCheck={false}
            aria-invalid={invalid('url')}
            aria-describedby="http-url-err"
          />
          <FieldError id="http-url-err" field="url" error={error} />
        </label>
        <label>
          Method
          <select value={method} onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])}>
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          Auth
          <select value={auth} onChange={(e) => setAuth(e.target.value as keyof typeof AUTHS)}>
            <ChoiceOptions choices={AUTHS} />
          </select>
        </label>
        <label>
          User name (basic auth)
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={auth !== 'basic'}
            maxLength={200}
            spellCheck={false}
            aria-invalid={invalid('username')}
            aria-describedby="http-user-err"
          />
          <FieldError id="http-user-err" field="username" error={error} />
        </label>
        <label>
          Timeout (seconds)
          <input
            type="number"
            min={1}
            max={120}
            value={timeout}
            onChange={(e) => setTimeoutS(e.target.value)}
            aria-invalid={invalid('timeoutMs')}
            aria-describedby="http-timeout-err"
          />
          <FieldError id="http-timeout-err" field="timeoutMs" error={error} />
        </label>
      </div>
      <label className="block">
        Extra headers, one <code>Name: value</code> a line (not secrets: the token goes apart)
        <textarea
          rows={2}
          value={headers}
          onChange={(e) => setHeaders(e.target.value)}
          spellCheck={false}
          placeholder="X-Api-Version: 2"
          aria-invalid={invalid('headers')}
          aria-describedby="http-headers-err"
        />
      </label>
      <FieldError id="http-headers-err" field="headers" error={error} />
      <p className="muted small">
        {auth === 'none' ? (
          'No credentials are sent.'
        ) : (
          <>
            Once saved, type the {auth === 'bearer' ? 'token' : 'password'} on the target's card (Planroom keeps it out
            of its database), or set <code>{secretVariable(id.trim())}</code> before starting Planroom.
          </>
        )}
      </p>
      <fieldset className="http-templates" aria-describedby="http-templates-help">
        <legend>What to send: one JSON body per kind</legend>
        <p id="http-templates-help" className="muted small">
          <code>{'{{decision.title}}'}</code> is replaced by the value as JSON (<code>null</code> when missing); inside
          quotes, by its text. Every request also carries <code>Idempotency-Key</code>, so a resend is never a
          duplicate.
        </p>
        <FieldError id="http-templates-err" field="templates" error={error} />
        {OUTBOX_KINDS.map((k) => (
          <div key={k} className="http-template">
            <label className="http-template-kind">
              <input type="checkbox" checked={send[k]} onChange={(e) => setSend({ ...send, [k]: e.target.checked })} />
              {KIND_LABELS[k]}
            </label>
            <label className="block">
              <span className="visually-hidden">Body template for {KIND_LABELS[k]}</span>
              <textarea
                rows={send[k] ? 8 : 2}
                value={templates[k]}
                onChange={(e) => setTemplates({ ...templates, [k]: e.target.value })}
                disabled={!send[k]}
                spellCheck={false}
                maxLength={20_000}
                aria-invalid={invalid(`templates.${k}`)}
                aria-describedby={`http-tpl-${k}-err`}
              />
            </label>
            <FieldError id={`http-tpl-${k}-err`} field={`templates.${k}`} error={error} />
          </div>
        ))}
      </fieldset>
      <div className="form-row">
        <button type="submit" className="primary" disabled={busy}>
          Save HTTP target
        </button>
      </div>
      <FormResult error={shownBelow ? null : error} done={done} />
    </form>
  );
}
