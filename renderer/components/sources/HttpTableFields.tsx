// One canonical table's feed in the HTTP form (a row of its feeds table): its URL, where the rows are in each page, how the
// pages follow each other, and the field that says when a row last changed (incremental pulls).
import type { AppErrorShape } from '../../../shared/domain/errors';
import { fmtTable } from '../../format';
import { FieldError } from '../FieldError';
import type { HttpTableDraft, PagingKind } from './connectionDraft';
import { formFieldOf } from './fieldErrors';
import type { MappedTable } from './mappedTables';
import { ChoiceOptions } from '../ChoiceOptions';

const PAGING: Record<PagingKind, string> = {
  none: 'None (one response)',
  'next-link': 'Next link',
  odata: 'OData nextLink, $skip/$top',
  offset: 'Offset and limit',
  cursor: 'Cursor',
};

/** One row of the feeds table (HttpFields): the table, its URL, rows path, paging and modified-since field. */
export function HttpTableFields({
  source,
  idPrefix,
  mapped,
  value,
  odata,
  error,
  onChange,
}: {
  source: string;
  idPrefix: string;
  mapped: MappedTable;
  value: HttpTableDraft;
  odata: boolean;
  error: AppErrorShape | null;
  onChange(t: HttpTableDraft): void;
}) {
  const t = mapped.table;
  const at = (f: string) => `tables.${t}.${f}`;
  const id = (f: string) => `${idPrefix}-${t}-${f}`;
  const bad = (f: string) => (error && formFieldOf(error) === at(f) ? true : undefined);
  const set = (patch: Partial<HttpTableDraft>) => onChange({ ...value, ...patch });
  const err = (f: string) => <FieldError id={id(`${f}-err`)} field={at(f)} error={error} fieldOf={formFieldOf} />;
  return (
    <tr>
      <th scope="row">
        {fmtTable(t)}
        {mapped.optional && <div className="muted small">optional</div>}
      </th>
      <td>
        <input
          aria-label={`URL of ${fmtTable(t)}`}
          value={value.url}
          onChange={(e) => set({ url: e.target.value })}
          placeholder={`https://${source.toLowerCase()}.example.com/${odata ? 'odata/' : 'api/'}${t}`}
          maxLength={2000}
          spellCheck={false}
          aria-invalid={bad('url')}
          aria-describedby={id('url-err')}
        />
        {err('url')}
      </td>
      <td>
        <input
          aria-label={`Rows path of ${fmtTable(t)}`}
          value={value.rowsPath}
          onChange={(e) => set({ rowsPath: e.target.value })}
          placeholder={odata ? 'value' : 'data.items'}
          maxLength={200}
          spellCheck={false}
          aria-invalid={bad('rowsPath')}
          aria-describedby={id('rowsPath-err')}
        />
        {err('rowsPath')}
      </td>
      <td className="source-paging">
        <select
          aria-label={`Paging of ${fmtTable(t)}`}
          value={value.paging}
          onChange={(e) => set({ paging: e.target.value as PagingKind })}
          aria-invalid={bad('paging')}
          aria-describedby={id('paging-err')}
        >
          <ChoiceOptions choices={PAGING} />
        </select>
        {(value.paging === 'next-link' || value.paging === 'cursor') && (
          <label>
            {value.paging === 'next-link' ? 'Next link path' : 'Cursor path'}
            <input
              value={value.path}
              onChange={(e) => set({ path: e.target.value })}
              placeholder={value.paging === 'next-link' ? 'links.next' : 'meta.nextCursor'}
              maxLength={200}
              spellCheck={false}
              aria-describedby={id('paging-err')}
            />
          </label>
        )}
        {value.paging === 'cursor' && (
          <label>
            Cursor parameter
            <input
              value={value.cursorParam}
              onChange={(e) => set({ cursorParam: e.target.value })}
              maxLength={50}
              spellCheck={false}
              aria-describedby={id('paging-err')}
            />
          </label>
        )}
        {value.paging === 'offset' && (
          <>
            <label>
              Offset parameter
              <input
                value={value.offsetParam}
                onChange={(e) => set({ offsetParam: e.target.value })}
                maxLength={50}
                spellCheck={false}
                aria-describedby={id('paging-err')}
              />
            </label>
            <label>
              Limit parameter
              <input
                value={value.limitParam}
                onChange={(e) => set({ limitParam: e.target.value })}
                maxLength={50}
                spellCheck={false}
                aria-describedby={id('paging-err')}
              />
            </label>
          </>
        )}
        {(value.paging === 'offset' || value.paging === 'odata') && (
          <label>
            {value.paging === 'odata' ? 'Page size ($top, optional)' : 'Page size'}
            <input
              type="number"
              min={1}
              max={100000}
              value={value.pageSize}
              onChange={(e) => set({ pageSize: e.target.value })}
              aria-describedby={id('paging-err')}
            />
          </label>
        )}
        {err('paging')}
      </td>
      <td>
        <input
          aria-label={`Modified-since field of ${fmtTable(t)}`}
          value={value.modifiedSince}
          onChange={(e) => set({ modifiedSince: e.target.value })}
          placeholder="none: full pulls"
          maxLength={100}
          spellCheck={false}
          aria-invalid={bad('modifiedSince')}
          aria-describedby={id('modifiedSince-err')}
        />
        {err('modifiedSince')}
      </td>
    </tr>
  );
}
