import { useEffect, useRef, useState } from 'react';
import type { FolderPreviewT, ImportCheckT } from '../../../shared/api';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../../shared/domain/canonical';
import { shownName } from '../../../shared/domain/displayName';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { DATE_FORMATS, type DateFormat } from '../../../shared/domain/formats';
import type { FileMapping, SourceProfile } from '../../../shared/domain/profile';
import { call } from '../../api/client';
import { fmtInt } from '../../format';
import { useCycleStore } from '../../stores/cycleStore';
import { useProgress } from '../../useProgress';
import { FolderInput } from '../FolderInput';
import { FormResult } from '../FormResult';
import { ImportProgress } from '../ImportProgress';
import { ValueFormatChoices } from '../ProfileChoices';
import { CheckReport } from './CheckReport';
import { MappingPreview } from './MappingPreview';

/**
 * A company's own export folder, step by step: choose the source and folder, see what each file
 * mapping reads (its first rows), pick the export header for every canonical column (suggested
 * by similarity), set the files' number and date format, validate with a dry run that reports
 * every problem and stores nothing, then save the profile and import.
 */
export function OnboardingFlow({ userName }: { userName: string }) {
  const importSnapshot = useCycleStore((s) => s.importSnapshot);
  const [source, setSource] = useState<SourceSystem>('ERP');
  const [dir, setDir] = useState('');
  const [draft, setDraft] = useState<SourceProfile | null>(null);
  const [looked, setLooked] = useState<string | null>(null);
  const [preview, setPreview] = useState<FolderPreviewT | null>(null);
  const [check, setCheck] = useState<ImportCheckT | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [progressId, setProgressId] = useState<string | null>(null);
  const progress = useProgress(progressId);
  const latest = useRef(0);

  // The stored profile of the source is where the draft starts.
  useEffect(() => {
    let live = true;
    setDraft(null);
    setPreview(null);
    setCheck(null);
    void call('profile.get', { source }).then((r) => {
      if (!live) return;
      if (r.ok) setDraft(r.data.profile);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [source]);

  // What the folder holds under the draft: read again when the patterns or the CSV reading change
  // (not for a header choice, which reads nothing new). Only the latest answer is shown.
  const readKey = draft && JSON.stringify([draft.csv, draft.files.map((f) => [f.file, f.sheet, f.pick])]);
  useEffect(() => {
    if (!looked || !draft) return;
    const ask = ++latest.current;
    void call('import.preview', { source, dir: looked, profile: draft }).then((r) => {
      if (ask !== latest.current) return;
      if (r.ok) {
        setPreview(r.data);
        setError(null);
      } else setError(r.error);
    });
    // The draft is read through readKey on purpose: see above.
  }, [looked, readKey, source]);

  const edit = (next: SourceProfile) => {
    setDraft(next);
    setCheck(null);
    setDone(null);
  };
  const setFile = (i: number, patch: Partial<FileMapping>) =>
    draft && edit({ ...draft, files: draft.files.map((f, k) => (k === i ? { ...f, ...patch } : f)) });
  const setFormat = (patch: Partial<SourceProfile['format']>) =>
    draft && edit({ ...draft, format: { ...draft.format, ...patch } });
  const setCsv = (patch: Partial<SourceProfile['csv']>) => draft && edit({ ...draft, csv: { ...draft.csv, ...patch } });

  const validate = async () => {
    if (!draft || !looked) return;
    setBusy('check');
    setError(null);
    const id = crypto.randomUUID();
    setProgressId(id);
    const r = await call('snapshot.check', { source, dir: looked, profile: draft, progressId: id });
    setProgressId(null);
    setBusy(null);
    if (r.ok) setCheck(r.data);
    else setError(r.error);
  };
  const saveAndImport = async () => {
    if (!draft || !looked) return;
    setBusy('import');
    setError(null);
    const saved = await call('profile.save', { source, profile: draft, by: userName });
    if (!saved.ok) {
      setError(saved.error);
      setBusy(null);
      return;
    }
    const id = crypto.randomUUID();
    setProgressId(id);
    const r = await importSnapshot({ source, dir: looked, progressId: id });
    setProgressId(null);
    setBusy(null);
    if (!r.ok) setError(r.error);
    else if (r.data.unchanged) setDone(`${source}: identical to snapshot #${r.data.snapshotId}, nothing imported.`);
    else setDone(`${source} profile saved; snapshot #${r.data.snapshotId} with ${fmtInt(r.data.rowCount)} rows.`);
  };

  return (
    <section className="onboarding" aria-label="Onboard an export folder">
      <form
        className="form-row"
        aria-label="Export folder to look at"
        onSubmit={(e) => {
          e.preventDefault();
          setCheck(null);
          setDone(null);
          setLooked(dir.trim());
        }}
      >
        <label>
          Source
          <select aria-label="Source" value={source} onChange={(e) => setSource(e.target.value as SourceSystem)}>
            {SOURCE_SYSTEMS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <FolderInput
          labelClassName="grow"
          label="Folder of this source's exports"
          what={`Folder of the ${source} exports`}
          value={dir}
          onChange={setDir}
          placeholder="/path/to/exports/erp"
          required
        />
        <button type="submit" disabled={dir.trim() === '' || !draft}>
          {looked && looked === dir.trim() ? 'Look again' : 'Look at folder'}
        </button>
      </form>
      {draft && preview && (
        <>
          <p className="muted small">
            {preview.files.length} files in the folder; read:{' '}
            {preview.files
              .filter((f) => f.read)
              .map((f) => shownName(f.name))
              .join(', ') || 'none yet'}
            {preview.files.some((f) => !f.read) &&
              `; not read: ${preview.files
                .filter((f) => !f.read)
                .map((f) => shownName(f.name))
                .join(', ')}`}
          </p>
          <fieldset className="onboard-format">
            <legend>How the files write values</legend>
            <div className="form-row">
              <ValueFormatChoices profile={draft} onCsv={setCsv} onFormat={setFormat} />
              <label>
                Dates
                <select
                  aria-label="Date format"
                  value={draft.format.dateFormats[0]}
                  onChange={(e) => setFormat({ dateFormats: [e.target.value as DateFormat] })}
                >
                  {DATE_FORMATS.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
            </div>
          </fieldset>
          {draft.files.map((f, i) => (
            <MappingPreview key={i} mapping={f} preview={preview.mappings[i]} onChange={(p) => setFile(i, p)} />
          ))}
          <div className="form-row">
            <button type="button" disabled={busy !== null} onClick={() => void validate()}>
              {busy === 'check' ? 'Validating…' : 'Validate (dry run)'}
            </button>
            <button
              type="button"
              disabled={busy !== null || userName === '' || !check?.passed}
              onClick={() => void saveAndImport()}
            >
              {busy === 'import' ? 'Importing…' : 'Save profile and import'}
            </button>
            {userName === '' && <span className="muted small">Enter your name above to save the profile.</span>}
            {userName !== '' && !check?.passed && (
              <span className="muted small">Validate first: the import runs once the dry run passes.</span>
            )}
            {busy && <ImportProgress progress={progress} />}
          </div>
          {check && <CheckReport check={check} />}
        </>
      )}
      <FormResult error={error} done={done} />
    </section>
  );
}
