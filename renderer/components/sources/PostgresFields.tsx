// The PostgreSQL part of the Pull-from form: the URL (the password is the secret), TLS, the
// statement timeout, and one SELECT per table the profile maps; each query's result columns are
// matched against the profile's headers, so the hint names them.
import type { AppErrorShape } from '../../../shared/domain/errors';
import { shownName } from '../../../shared/domain/displayName';
import { fmtTable } from '../../format';
import { FieldError } from '../FieldError';
import type { ConnectionDraft, Tls } from './connectionDraft';
import { formFieldOf } from './fieldErrors';
import type { MappedTable } from './mappedTables';
import { ChoiceOptions } from '../ChoiceOptions';

const TLS: Record<Tls, string> = {
  disable: 'Off (local network only)',
  require: 'Required',
  'verify-full': 'Required, certificate and host checked',
};

export function PostgresFields({
  idPrefix,
  draft,
  tables,
  error,
  onChange,
}: {
  idPrefix: string;
  draft: ConnectionDraft;
  tables: MappedTable[];
  error: AppErrorShape | null;
  onChange(patch: Partial<ConnectionDraft>): void;
}) {
  const id = (f: string) => `${idPrefix}-pg-${f.replaceAll('.', '-')}`;
  const bad = (f: string) => (error && formFieldOf(error) === f ? true : undefined);
  const err = (f: string) => <FieldError id={id(`${f}-err`)} field={f} error={error} fieldOf={formFieldOf} />;
  return (
    <>
      <div className="form-row">
        <label className="grow">
          Database URL (without the password)
          <input
            value={draft.pgUrl}
            onChange={(e) => onChange({ pgUrl: e.target.value })}
            placeholder="postgres://planroom@erp-db:5432/erp"
            maxLength={2000}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={bad('url')}
            aria-describedby={id('url-err')}
          />
          {err('url')}
        </label>
        <label>
          TLS
          <select value={draft.tls} onChange={(e) => onChange({ tls: e.target.value as Tls })}>
            <ChoiceOptions choices={TLS} />
          </select>
        </label>
        <label>
          Statement timeout (seconds)
          <input
            type="number"
            min={1}
            max={3600}
            value={draft.statementTimeoutSeconds}
            onChange={(e) => onChange({ statementTimeoutSeconds: e.target.value })}
            aria-invalid={bad('statementTimeoutSeconds')}
            aria-describedby={id('statementTimeoutSeconds-err')}
          />
          {err('statementTimeoutSeconds')}
        </label>
      </div>
      <p className="muted small">
        Each query runs in a read-only transaction and is read with a cursor; name its result columns as the mapping
        profile&apos;s headers (<code>AS &quot;Header&quot;</code>).
      </p>
      <div className="source-queries">
        {tables.map((m) => (
          <label key={m.table} className="block source-query">
            Query for {fmtTable(m.table)}
            {m.optional && <span className="muted small"> (optional)</span>}
            <textarea
              rows={3}
              value={draft.queries[m.table] ?? ''}
              onChange={(e) => onChange({ queries: { ...draft.queries, [m.table]: e.target.value } })}
              placeholder={`SELECT ... FROM ${m.table}`}
              spellCheck={false}
              maxLength={20_000}
              aria-invalid={bad(`queries.${m.table}`)}
              aria-describedby={`${id(`q-${m.table}-help`)} ${id(`queries.${m.table}-err`)}`}
            />
            <span id={id(`q-${m.table}-help`)} className="muted small">
              Columns it must return: {m.headers.map((h) => shownName(h)).join(', ')}
            </span>
            {err(`queries.${m.table}`)}
          </label>
        ))}
      </div>
    </>
  );
}
