// The HTTP JSON / OData v4 part of the Pull-from form: how to ask (OData, auth, extra headers,
// timeout, retries, the largest page) and one feed per table the profile maps. The secret itself
// is not here: it is typed in the card's secret field once the connection is saved.
import type { AppErrorShape } from '../../../shared/domain/errors';
import { FieldError } from '../FieldError';
import { emptyTable, type AuthKind, type ConnectionDraft, type HeaderDraft } from './connectionDraft';
import { formFieldOf } from './fieldErrors';
import { HttpTableFields } from './HttpTableFields';
import type { MappedTable } from './mappedTables';
import { ChoiceOptions } from '../ChoiceOptions';

const AUTHS: Record<AuthKind, string> = {
  none: 'None',
  bearer: 'Bearer token',
  basic: 'Basic (user name and password)',
  'api-key': 'API key in a header',
};

export function HttpFields({
  source,
  idPrefix,
  draft,
  tables,
  error,
  onChange,
}: {
  source: string;
  idPrefix: string;
  draft: ConnectionDraft;
  tables: MappedTable[];
  error: AppErrorShape | null;
  onChange(patch: Partial<ConnectionDraft>): void;
}) {
  const id = (f: string) => `${idPrefix}-${f.replaceAll('.', '-')}`;
  const bad = (f: string) => (error && formFieldOf(error) === f ? true : undefined);
  const err = (f: string) => <FieldError id={id(`${f}-err`)} field={f} error={error} fieldOf={formFieldOf} />;
  const setHeader = (i: number, h: HeaderDraft) =>
    onChange({ headers: draft.headers.map((x, j) => (j === i ? h : x)) });
  const number = (f: 'timeoutSeconds' | 'retries' | 'maxPageMb', label: string, min: number, max: number) => (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={draft[f]}
        onChange={(e) => onChange({ [f]: e.target.value })}
        aria-invalid={bad(f)}
        aria-describedby={id(`${f}-err`)}
      />
      {err(f)}
    </label>
  );

  return (
    <>
      <div className="form-row">
        <label className="inline">
          <input type="checkbox" checked={draft.odata} onChange={(e) => onChange({ odata: e.target.checked })} />
          OData v4 service
        </label>
        <label>
          Auth
          <select value={draft.auth} onChange={(e) => onChange({ auth: e.target.value as AuthKind })}>
            <ChoiceOptions choices={AUTHS} />
          </select>
        </label>
        {draft.auth === 'basic' && (
          <label>
            User name
            <input
              value={draft.username}
              onChange={(e) => onChange({ username: e.target.value })}
              maxLength={200}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={bad('auth.username')}
              aria-describedby={id('auth.username-err')}
            />
            {err('auth.username')}
          </label>
        )}
        {draft.auth === 'api-key' && (
          <label>
            API key header
            <input
              value={draft.apiKeyHeader}
              onChange={(e) => onChange({ apiKeyHeader: e.target.value })}
              maxLength={100}
              spellCheck={false}
              aria-invalid={bad('auth.header')}
              aria-describedby={id('auth.header-err')}
            />
            {err('auth.header')}
          </label>
        )}
        {number('timeoutSeconds', 'Timeout (seconds)', 1, 600)}
        {number('retries', 'Retries', 0, 10)}
        {number('maxPageMb', 'Largest page (MB)', 1, 1024)}
      </div>
      <fieldset className="source-headers" aria-describedby={id('headers-help')}>
        <legend>Extra headers</legend>
        <p id={id('headers-help')} className="muted small">
          Sent with every request. Not for secrets: Authorization and the API key come from the secret.
        </p>
        {draft.headers.map((h, i) => (
          <div className="form-row" key={i}>
            <label>
              Header name {i + 1}
              <input
                value={h.name}
                onChange={(e) => setHeader(i, { ...h, name: e.target.value })}
                placeholder="X-Api-Version"
                maxLength={100}
                spellCheck={false}
                aria-invalid={bad('headers')}
              />
            </label>
            <label className="grow">
              Value {i + 1}
              <input
                value={h.value}
                onChange={(e) => setHeader(i, { ...h, value: e.target.value })}
                maxLength={1000}
                spellCheck={false}
              />
            </label>
            <button
              type="button"
              aria-label={`Remove header ${i + 1}`}
              onClick={() => onChange({ headers: draft.headers.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onChange({ headers: [...draft.headers, { name: '', value: '' }] })}>
          Add a header
        </button>
        {err('headers')}
      </fieldset>
      <table
        className="grid compact source-feeds"
        aria-label={`Feeds of ${source}`}
        aria-describedby={id('feeds-help')}
      >
        <caption id={id('feeds-help')} className="muted small">
          One feed per table the {source} mapping profile maps; its JSON fields are matched against the profile&apos;s
          headers. Leave an optional table&apos;s URL empty if the source has none.
        </caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">URL</th>
            <th scope="col">Rows path</th>
            <th scope="col">Paging</th>
            <th scope="col">Modified-since field</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((m) => (
            <HttpTableFields
              key={m.table}
              source={source}
              idPrefix={idPrefix}
              mapped={m}
              odata={draft.odata}
              value={draft.tables[m.table] ?? emptyTable()}
              error={error}
              onChange={(t) => onChange({ tables: { ...draft.tables, [m.table]: t } })}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}
