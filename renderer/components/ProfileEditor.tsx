import { useEffect, useState } from 'react';
import type { StoredProfileT } from '../../shared/api';
import { canonicalTable, SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import type { AppErrorShape } from '../../shared/domain/errors';
import { DATE_FORMATS, type DateFormat } from '../../shared/domain/formats';
import type { FileMapping, SourceProfile } from '../../shared/domain/profile';
import { call } from '../api/client';
import { fmtDateTime } from '../format';
import { FormResult } from './FormResult';
import { ValueFormatChoices } from './ProfileChoices';
import { ValueMapEditor, withValueMap } from './ValueMapEditor';

/**
 * A source's mapping profile: how its files write values, and which header feeds each canonical
 * column, and the value maps that turn an export's own codes into canonical values. Constants,
 * derived columns and unit factors are edited in the JSON view; both views
 * save through the same validation as `planroom profile set`.
 */
export function ProfileEditor({ userName }: { userName: string }) {
  const [source, setSource] = useState<SourceSystem>('ERP');
  const [stored, setStored] = useState<StoredProfileT | null>(null);
  const [draft, setDraft] = useState<SourceProfile | null>(null);
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const show = (s: StoredProfileT) => {
    setStored(s);
    setDraft(s.profile);
    setJson(null);
  };
  useEffect(() => {
    setError(null);
    setDone(null);
    setDraft(null);
    // A slower answer for the source shown before must not replace this one.
    let live = true;
    void call('profile.get', { source }).then((r) => {
      if (!live) return;
      if (r.ok) show(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [source]);

  const save = async (profile: unknown) => {
    setError(null);
    setDone(null);
    const r = await call('profile.save', { source, profile, by: userName });
    if (r.ok) {
      show(r.data);
      setDone(`${source} profile saved; the next import reads the files with it.`);
    } else setError(r.error);
  };
  const reset = async () => {
    setError(null);
    const r = await call('profile.reset', { source, by: userName });
    if (r.ok) {
      show(r.data);
      setDone(`${source} profile is back to the default.`);
    } else setError(r.error);
  };
  const saveJson = () => {
    try {
      void save(JSON.parse(json ?? '') as unknown);
    } catch (e) {
      setError({ code: 'invalid_input', message: `The JSON does not parse: ${(e as Error).message}` });
    }
  };

  const setFormat = (patch: Partial<SourceProfile['format']>) =>
    draft && setDraft({ ...draft, format: { ...draft.format, ...patch } });
  const setCsv = (patch: Partial<SourceProfile['csv']>) =>
    draft && setDraft({ ...draft, csv: { ...draft.csv, ...patch } });
  const setFile = (i: number, patch: Partial<FileMapping>) =>
    draft && setDraft({ ...draft, files: draft.files.map((f, k) => (k === i ? { ...f, ...patch } : f)) });
  const changed = JSON.stringify(draft) !== JSON.stringify(stored?.profile);
  const noName = userName === '';

  return (
    <section className="profile-editor" aria-label="Mapping profile">
      <div className="form-row">
        <label>
          Source
          <select aria-label="Source" value={source} onChange={(e) => setSource(e.target.value as SourceSystem)}>
            {SOURCE_SYSTEMS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <p className="muted small">
          {stored?.customized
            ? `Saved by ${stored.updatedBy} on ${fmtDateTime(stored.updatedAt ?? '')}`
            : 'The profile that ships with Planroom'}
        </p>
      </div>
      {draft && json === null && (
        <>
          <div className="form-row">
            <ValueFormatChoices profile={draft} onCsv={setCsv} onFormat={setFormat} />
          </div>
          <fieldset className="date-formats">
            <legend>Date formats (tried in this order)</legend>
            {DATE_FORMATS.map((f) => (
              <label key={f} className="inline">
                <input
                  type="checkbox"
                  checked={draft.format.dateFormats.includes(f)}
                  onChange={(e) =>
                    setFormat({
                      dateFormats: e.target.checked
                        ? DATE_FORMATS.filter((x: DateFormat) => x === f || draft.format.dateFormats.includes(x))
                        : draft.format.dateFormats.filter((x) => x !== f),
                    })
                  }
                />
                {f}
              </label>
            ))}
          </fieldset>
          {draft.files.map((f, i) => (
            <FileMappingEditor key={i} mapping={f} onChange={(patch) => setFile(i, patch)} />
          ))}
        </>
      )}
      {json !== null && (
        <textarea
          aria-label="Profile JSON"
          className="json-editor"
          value={json}
          spellCheck={false}
          onChange={(e) => setJson(e.target.value)}
        />
      )}
      <div className="form-row">
        {json === null ? (
          <>
            <button type="button" disabled={!changed || noName} onClick={() => void save(draft)}>
              Save profile
            </button>
            <button type="button" disabled={!changed} onClick={() => stored && setDraft(stored.profile)}>
              Undo changes
            </button>
            <button type="button" onClick={() => setJson(JSON.stringify(draft, null, 2))}>
              Edit as JSON
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={noName} onClick={saveJson}>
              Save JSON
            </button>
            <button type="button" onClick={() => setJson(null)}>
              Back to the form
            </button>
          </>
        )}
        <button type="button" disabled={!stored?.customized || noName} onClick={() => void reset()}>
          Reset to default
        </button>
        {noName && <span className="muted small">Enter your name above to save.</span>}
        <FormResult error={error} done={done} />
      </div>
    </section>
  );
}

/** One file mapping: which files, and which header feeds each canonical column. */
function FileMappingEditor({
  mapping,
  onChange,
}: {
  mapping: FileMapping;
  onChange: (p: Partial<FileMapping>) => void;
}) {
  const table = canonicalTable(mapping.table);
  const other = (name: string) =>
    mapping.constants?.[name] !== undefined
      ? `constant ${JSON.stringify(mapping.constants[name])}`
      : mapping.derived?.[name]
        ? `derived ${JSON.stringify(mapping.derived[name])}`
        : undefined;
  return (
    <details className="file-mapping">
      <summary>
        <span className="mono">{mapping.file}</span> → <strong>{mapping.table}</strong>
        {mapping.sheet ? <span className="muted small"> sheet {mapping.sheet}</span> : null}
      </summary>
      <div className="form-row">
        <label>
          File pattern
          <input
            aria-label={`File pattern for ${mapping.table}`}
            value={mapping.file}
            onChange={(e) => onChange({ file: e.target.value })}
          />
        </label>
        {mapping.file.toLowerCase().endsWith('.xlsx') && (
          <label>
            Sheet
            <input value={mapping.sheet ?? ''} onChange={(e) => onChange({ sheet: e.target.value || undefined })} />
          </label>
        )}
        <label>
          When several match
          <select
            value={mapping.pick ?? 'newest'}
            onChange={(e) => onChange({ pick: e.target.value as 'newest' | 'all' })}
          >
            <option value="newest">the newest</option>
            <option value="all">all of them</option>
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={mapping.optional ?? false}
            onChange={(e) => onChange({ optional: e.target.checked || undefined })}
          />
          Optional file
        </label>
      </div>
      <table className="grid compact">
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th>Header in the export</th>
            <th>Values (export → canonical)</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c) => (
            <tr key={c.name}>
              <td className="mono">
                {c.name}
                {!c.optional && <span title="required"> *</span>}
              </td>
              <td className="muted small">{c.type}</td>
              <td>
                {other(c.name) ?? (
                  <input
                    aria-label={`Header for ${mapping.table}.${c.name}`}
                    value={mapping.columns[c.name] ?? ''}
                    onChange={(e) => {
                      const columns = { ...mapping.columns };
                      if (e.target.value === '') delete columns[c.name];
                      else columns[c.name] = e.target.value;
                      onChange({ columns });
                    }}
                  />
                )}
              </td>
              <td>
                {mapping.columns[c.name] !== undefined && (
                  <ValueMapEditor
                    table={mapping.table}
                    column={c}
                    values={mapping.values?.[c.name]}
                    onChange={(map) => onChange(withValueMap(mapping, c.name, map))}
                  />
                )}
                {c.oneOf && <div className="muted small">one of {c.oneOf.join(', ')}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
