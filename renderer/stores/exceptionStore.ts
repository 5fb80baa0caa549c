// The Exceptions page's state: filters, the ranked page, the roll-up beside it and the KPI
// totals. The list is paged by the API (a cycle can hold tens of thousands of exceptions).
import { create } from 'zustand';
import type { ApiOutput, ExceptionInfoT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { call } from '../api/client';

export type RollupBy = 'item' | 'family' | 'resource' | 'lane';
export const PAGE_SIZE = 50;

export interface ExceptionFilters {
  type: ExceptionType | '';
  reviewStatus: ExceptionInfoT['reviewStatus'] | '';
  includeResolved: boolean;
  /** A roll-up group chosen as a filter: its dimension and value. */
  group: { by: RollupBy; value: string } | null;
}

export interface ExceptionState {
  filters: ExceptionFilters;
  offset: number;
  rollupBy: RollupBy;
  page: ApiOutput<'exception.list'> | null;
  rollup: ApiOutput<'exception.rollup'> | null;
  kpis: ApiOutput<'kpi.list'> | null;
  loading: boolean;
  error: AppErrorShape | null;
  load(): Promise<void>;
  setFilters(f: Partial<ExceptionFilters>): void;
  setOffset(offset: number): void;
  setRollupBy(by: RollupBy): void;
}

const GROUP_FIELD = { item: 'sku', family: 'family', resource: 'resource', lane: 'lane' } as const;

/** Each load gets a number; an answer to an older load than the latest is dropped. */
let latestLoad = 0;

export const useExceptionStore = create<ExceptionState>((set, get) => ({
  filters: { type: '', reviewStatus: '', includeResolved: false, group: null },
  offset: 0,
  rollupBy: 'family',
  page: null,
  rollup: null,
  kpis: null,
  loading: false,
  error: null,
  async load() {
    const { filters, offset, rollupBy } = get();
    const mine = ++latestLoad;
    set({ loading: true });
    const common = {
      type: filters.type || undefined,
      includeResolved: filters.includeResolved,
      ...(filters.group ? { [GROUP_FIELD[filters.group.by]]: filters.group.value } : {}),
    };
    // The list first: it computes the cycle if needed, so the other two read stored results.
    const page = await call('exception.list', {
      ...common,
      reviewStatus: filters.reviewStatus || undefined,
      offset,
      limit: PAGE_SIZE,
    });
    const [rollup, kpis] = await Promise.all([
      call('exception.rollup', { ...common, by: rollupBy, limit: 12 }),
      call('kpi.list', { dimension: 'total' }),
    ]);
    // Filters changed while this one ran (two quick clicks): a newer load will set the state.
    if (mine !== latestLoad) return;
    const error = [page, rollup, kpis].find((r) => !r.ok);
    set({
      loading: false,
      error: error && !error.ok ? error.error : null,
      page: page.ok ? page.data : null,
      rollup: rollup.ok ? rollup.data : null,
      kpis: kpis.ok ? kpis.data : null,
    });
  },
  setFilters(f) {
    set({ filters: { ...get().filters, ...f }, offset: 0 });
    void get().load();
  },
  setOffset(offset) {
    set({ offset });
    void get().load();
  },
  setRollupBy(rollupBy) {
    set({ rollupBy });
    void get().load();
  },
}));
