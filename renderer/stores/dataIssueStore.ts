// The current cycle's data issues, with the filters the Data page applies through the API.
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
  issues: DataIssueT[];
  /** Owner roles and sources present in the cycle, for the filter menus. */
  owners: string[];
  sources: string[];
  filters: IssueFilters;
  error: AppErrorShape | null;
  load(): Promise<void>;
  setFilters(f: Partial<IssueFilters>): Promise<void>;
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
    issues: [],
    owners: [],
    sources: [],
    filters: { status: 'open', owner: '', source: '' },
    error: null,
    async load() {
      const { status, owner, source } = get().filters;
      const [filtered, all] = await Promise.all([
        call('dataIssue.list', { status: status || undefined, owner: owner || undefined, source: source || undefined }),
        call('dataIssue.list', {}),
      ]);
      if (!filtered.ok) return set({ error: filtered.error });
      if (!all.ok) return set({ error: all.error });
      set({
        issues: filtered.data,
        owners: [...new Set(all.data.map((i) => i.ownerRole))].sort(),
        sources: [...new Set(all.data.map((i) => i.source))].sort(),
        error: null,
      });
    },
    async setFilters(f) {
      set({ filters: { ...get().filters, ...f } });
      await get().load();
    },
    assign: thenReload('dataIssue.assign'),
    comment: thenReload('dataIssue.comment'),
    close: thenReload('dataIssue.close'),
    reconcile: thenReload('dataIssue.reconcile'),
  };
});
