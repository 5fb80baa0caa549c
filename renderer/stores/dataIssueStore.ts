// The current cycle's data issues, loaded once per change; the Data page's filters and their
// menus are derived from that one list by selectors.
import { create } from 'zustand';
import type { ApiInput, ApiName, ApiOutput, ApiResult, DataIssueT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';

export interface IssueFilters {
  status: 'open' | 'closed' | '';
  owner: string;
  source: string;
}

type Action<K extends ApiName> = (input: ApiInput<K>) => Promise<ApiResult<ApiOutput<K>>>;

export interface DataIssueState {
  /** Every data issue of the current cycle. */
  all: DataIssueT[];
  /** False until the first list arrived: until then the page says "Loading", not "none". */
  loaded: boolean;
  filters: IssueFilters;
  error: AppErrorShape | null;
  load(): Promise<void>;
  setFilters(f: Partial<IssueFilters>): void;
  assign: Action<'dataIssue.assign'>;
  comment: Action<'dataIssue.comment'>;
  close: Action<'dataIssue.close'>;
  reconcile: Action<'dataIssue.reconcile'>;
}

export const useDataIssueStore = create<DataIssueState>((set, get) => {
  /** Runs a write, then reloads the list so every view shows the stored state. */
  const thenReload =
    <K extends ApiName>(name: K) =>
    async (input: ApiInput<K>) => {
      const r = await call(name, input);
      if (r.ok) await get().load();
      return r;
    };
  return {
    all: [],
    loaded: false,
    filters: { status: 'open', owner: '', source: '' },
    error: null,
    async load() {
      const r = await call('dataIssue.list', {});
      if (r.ok) set({ all: r.data, loaded: true, error: null });
      else set({ error: r.error });
    },
    setFilters(f) {
      set({ filters: { ...get().filters, ...f } });
    },
    assign: thenReload('dataIssue.assign'),
    comment: thenReload('dataIssue.comment'),
    close: thenReload('dataIssue.close'),
    reconcile: thenReload('dataIssue.reconcile'),
  };
});

/** The issues the filters let through, in the API's order (open first, by deadline). */
export const selectFilteredIssues = (s: DataIssueState): DataIssueT[] =>
  s.all.filter(
    (i) =>
      (!s.filters.status || i.status === s.filters.status) &&
      (!s.filters.owner || i.ownerRole === s.filters.owner) &&
      (!s.filters.source || i.source === s.filters.source),
  );
export const selectOwners = (s: DataIssueState): string[] => [...new Set(s.all.map((i) => i.ownerRole))].sort();
export const selectSources = (s: DataIssueState): string[] =>
  [...new Set(s.all.flatMap((i) => (i.source === null ? [] : [i.source])))].sort();
