import type { FolderPreviewT } from '../../../shared/api';
import { canonicalTable } from '../../../shared/domain/canonical';
import { shownName } from '../../../shared/domain/displayName';
import type { FileMapping } from '../../../shared/domain/profile';
import { ErrorBanner } from '../ErrorBanner';
import { ValueMapEditor, withValueMap } from '../ValueMapEditor';

type Preview = FolderPreviewT['mappings'][number];
type Column = Preview['columns'][number];

/** One file mapping of the draft: its pattern, the file it reads with its first rows, and a header per column. */
export function MappingPreview({
  mapping,
  preview,
  onChange,
}: {
  mapping: FileMapping;
  preview: Preview | undefined;
  onChange: (patch: Partial<FileMapping>) => void;
}) {
  const header = preview?.header ?? [];
  const columns = preview?.columns ?? [];
  const firstRow = preview?.rows[0] ?? [];
  const given = (c: Column) =>
    mapping.columns[c.name] !== undefined || mapping.constants?.[c.name] !== undefined || mapping.derived?.[c.name];
  const missing = columns.filter((c) => c.required && !given(c));
  const notInFile = columns.filter(
    (c) => mapping.columns[c.name] !== undefined && !header.includes(mapping.columns[c.name]!),
  );

  const canonical = (name: string) => canonicalTable(mapping.table).columns.find((c) => c.name === name)!;
  /** Values of a closed-set column in the first rows that are neither allowed nor mapped yet. */
  const unknownValues = (c: Column, at: number): string[] => {
    if (!c.oneOf || at < 0) return [];
    const mapped = mapping.values?.[c.name] ?? {};
    const seen = new Set((preview?.rows ?? []).map((r) => (r[at] ?? '').trim()).filter(Boolean));
    return [...seen].filter((v) => !c.oneOf!.includes(mapped[v] ?? v)).map((v) => shownName(v, 40));
  };
  const setHeader = (name: string, value: string) => {
    const next = { ...mapping.columns };
    if (value === '') delete next[name];
    else next[name] = value;
    onChange({ columns: next });
  };
  const setConstant = (name: string, value: string) => {
    const constants = { ...mapping.constants };
    const columns = { ...mapping.columns };
    if (value === '') delete constants[name];
    else {
      constants[name] = value;
      delete columns[name];
    }
    onChange({ constants: Object.keys(constants).length > 0 ? constants : undefined, columns });
  };
  const useSuggestions = () => {
    const next = { ...mapping.columns };
    for (const c of columns) {
      const current = next[c.name];
      const ok = current !== undefined && header.includes(current);
      if (!ok && mapping.constants?.[c.name] === undefined && !mapping.derived?.[c.name] && c.suggestions[0]) {
        next[c.name] = c.suggestions[0];
      }
    }
    onChange({ columns: next });
  };

  return (
    <section className="onboard-mapping" aria-label={`Mapping for ${mapping.table}`}>
      <h3>
        <span className="mono">{mapping.table}</span>{' '}
        {preview && preview.files.length === 0 ? (
          <span className={`badge ${mapping.optional ? '' : 'warn'}`}>
            {mapping.optional ? 'optional, no file' : 'no file matches'}
          </span>
        ) : missing.length + notInFile.length === 0 ? (
          <span className="badge ok">ready</span>
        ) : (
          <span className="badge warn">
            {missing.length + notInFile.length} column{missing.length + notInFile.length === 1 ? '' : 's'} to map
          </span>
        )}
      </h3>
      <div className="form-row">
        <label>
          File pattern
          <input
            aria-label={`File pattern for ${mapping.table}`}
            value={mapping.file}
            onChange={(e) => onChange({ file: e.target.value })}
          />
        </label>
        <p className="muted small">
          {preview?.files.length
            ? `reads ${preview.files.map((f) => shownName(f)).join(', ')}`
            : 'no file in the folder matches this pattern'}
        </p>
        <button type="button" onClick={useSuggestions} disabled={header.length === 0}>
          Use suggested headers
        </button>
      </div>
      {preview?.problem && <ErrorBanner error={preview.problem} />}
      {header.length > 0 && (
        <div className="onboard-sample">
          <table className="grid compact" aria-label={`First rows of ${preview?.files[0] ?? mapping.table}`}>
            <thead>
              <tr>
                {header.map((h, i) => (
                  <th key={i} className="mono small">
                    {shownName(h, 60)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview!.rows.map((r, i) => (
                <tr key={i}>
                  {header.map((_, k) => (
                    <td key={k} className="small">
                      {r[k] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <table className="grid compact" aria-label={`Columns of ${mapping.table}`}>
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th>Header in the export</th>
            <th>Or one value for all rows</th>
            <th>Values to map</th>
            <th>First row reads</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const mapped = mapping.columns[c.name];
            const constant = mapping.constants?.[c.name];
            const derived = mapping.derived?.[c.name];
            const lost = mapped !== undefined && !header.includes(mapped);
            const sample = mapped !== undefined ? firstRow[header.indexOf(mapped)] : undefined;
            return (
              <tr key={c.name}>
                <td className="mono">
                  {c.name}
                  {c.required && <abbr title="required"> *</abbr>}
                </td>
                <td className="muted small">
                  {c.type}
                  {c.oneOf ? `: ${c.oneOf.join(', ')}` : ''}
                </td>
                <td>
                  {derived ? (
                    <span className="muted small">derived: {JSON.stringify(derived)} (edit as JSON)</span>
                  ) : (
                    <select
                      aria-label={`Header for ${mapping.table}.${c.name}`}
                      value={mapped ?? ''}
                      disabled={constant !== undefined}
                      onChange={(e) => setHeader(c.name, e.target.value)}
                    >
                      <option value="">{c.required ? '— choose —' : '— not in this export —'}</option>
                      {lost && <option value={mapped}>{mapped} (not in the file)</option>}
                      {header.map((h) => (
                        <option key={h} value={h}>
                          {shownName(h, 60)}
                          {c.suggestions.includes(h) ? '  (suggested)' : ''}
                        </option>
                      ))}
                    </select>
                  )}
                  {lost && <span className="warn-text small"> not in the file</span>}
                </td>
                <td>
                  {!derived && (
                    <input
                      aria-label={`Constant for ${mapping.table}.${c.name}`}
                      className="narrow"
                      value={constant === undefined ? '' : String(constant)}
                      placeholder={c.oneOf ? c.oneOf[0] : ''}
                      onChange={(e) => setConstant(c.name, e.target.value)}
                    />
                  )}
                </td>
                <td>
                  {mapped !== undefined && !lost && c.oneOf && (
                    <>
                      {unknownValues(c, header.indexOf(mapped)).length > 0 && (
                        <span className="warn-text small">
                          not allowed: {unknownValues(c, header.indexOf(mapped)).join(', ')}
                        </span>
                      )}
                      <ValueMapEditor
                        table={mapping.table}
                        column={canonical(c.name)}
                        values={mapping.values?.[c.name]}
                        onChange={(map) => onChange(withValueMap(mapping, c.name, map))}
                      />
                    </>
                  )}
                </td>
                <td className="mono small">{constant !== undefined ? String(constant) : (sample ?? '')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
