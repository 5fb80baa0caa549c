import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { useSubmit } from '../../useSubmit';
import { FolderInput } from '../FolderInput';
import { FormResult } from '../FormResult';

type Format = 'csv' | 'xlsx';
const FORMATS: { id: Format; label: string }[] = [
  { id: 'csv', label: 'CSV (UTF-8, opens in Excel)' },
  { id: 'xlsx', label: 'XLSX workbook' },
];
/** The fields a refusal can name; any other refusal is shown under the form. */
const FIELDS = ['id', 'folder', 'formats'] as const;
type Field = (typeof FIELDS)[number];

const fieldOf = (e: AppErrorShape | null): Field | null =>
  (FIELDS as readonly string[]).includes(e?.where?.field ?? '') ? (e!.where!.field as Field) : null;

/** A refusal under its field: what is wrong and what to do, read out when it appears. */
function FieldNote({ id, error, help }: { id: string; error: AppErrorShape | null; help: string }) {
  return error ? (
    <span id={id} className="field-note field-error" role="alert">
      {error.message}
      {error.hint ? ` ${error.hint}` : ''}
    </span>
  ) : (
    <span id={id} className="field-note">
      {help}
    </span>
  );
}

/**
 * A file drop for a system without an API: a name, the folder that system reads, and the
 * formats. Each sync run that finds something new rewrites planroom-decisions and
 * planroom-data-issues there (whole files, never half of one).
 */
export function FileDropForm({ onSaved }: { onSaved(s: ApiOutput<'sync.status'>): void }) {
  const [id, setId] = useState('');
  const [folder, setFolder] = useState('');
  const [formats, setFormats] = useState<Format[]>(['csv', 'xlsx']);
  const { busy, error, done, submit } = useSubmit();
  const field = fieldOf(error);
  const errorOf = (f: Field) => (field === f ? error : null);
  const toggle = (f: Format, on: boolean) =>
    setFormats((now) => FORMATS.map((x) => x.id).filter((x) => (x === f ? on : now.includes(x))));

  return (
    <div className="card">
      <h2 id="file-drop-heading">Drop files in a folder</h2>
      <p className="muted">For a system without an API: it picks the files up from a folder it reads.</p>
      <form
        aria-labelledby="file-drop-heading"
        noValidate
        onSubmit={(e) =>
          void submit(
            e,
            () => call('sync.setTarget', { kind: 'file', id: id.trim(), folder, formats }),
            (s) => {
              onSaved(s);
              return `File drop "${id.trim()}" saved. "Sync now" writes the files at once; after that, each sync with something new rewrites them.`;
            },
          )
        }
      >
        <div className="form-row file-drop-row">
          <label>
            Name
            <input
              value={id}
              onChange={(e) => setId(e.target.value)}
              placeholder="erp-inbox"
              maxLength={40}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errorOf('id') ? true : undefined}
              aria-describedby="drop-id-note"
            />
            <FieldNote id="drop-id-note" error={errorOf('id')} help="lower-case letters, digits, dashes" />
          </label>
          <FolderInput
            labelClassName="grow"
            label="Folder"
            what="Folder the other system reads"
            value={folder}
            onChange={setFolder}
            placeholder="/srv/erp/inbox or C:\ERP\inbox"
            maxLength={1000}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={errorOf('folder') ? true : undefined}
            aria-describedby="drop-folder-note"
          >
            <FieldNote
              id="drop-folder-note"
              error={errorOf('folder')}
              help="the full path of a folder that exists and that the other system reads"
            />
          </FolderInput>
          <fieldset className="plain file-drop-formats" aria-describedby="drop-formats-note">
            <legend>Formats</legend>
            {FORMATS.map((f) => (
              <label key={f.id} className="inline">
                <input
                  type="checkbox"
                  checked={formats.includes(f.id)}
                  onChange={(e) => toggle(f.id, e.target.checked)}
                />
                {f.label}
              </label>
            ))}
            <FieldNote
              id="drop-formats-note"
              error={errorOf('formats') ?? (formats.length === 0 ? NO_FORMAT : null)}
              help="one file of each per table"
            />
          </fieldset>
        </div>
        <div className="form-row">
          <button type="submit" className="primary" disabled={busy || formats.length === 0}>
            Save file drop
          </button>
        </div>
        <p className="muted small">
          Written there: <code>planroom-decisions</code> (every cycle’s decisions in rank order) and{' '}
          <code>planroom-data-issues</code>, each as <code>.csv</code> and/or <code>.xlsx</code>. Text that a
          spreadsheet would run as a formula is written as text.
        </p>
        <FormResult error={field ? null : error} done={done} />
      </form>
    </div>
  );
}

const NO_FORMAT: AppErrorShape = {
  code: 'invalid_input',
  message: 'Tick at least one format.',
  where: { field: 'formats' },
};
