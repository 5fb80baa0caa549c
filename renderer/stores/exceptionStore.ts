// The Exceptions page's state: filters, the ranked list, the roll-up beside it and the KPI
// totals. A cycle can hold tens of thousands of exceptions, so the list is one long virtual list
// whose rows are fetched from the API in windows (offset/limit) as they scroll into view.
import { create } from 'zustand';
import type { ApiOutput, ExceptionInfoT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';
import { NO_FILTERS, type ExceptionFilters, type SearchField } from '../exceptionFilterText';

export type RollupBy = 'item' | 'family' | 'resource' | 'lane';
/** Rows per fetch: a few screens, well under the API's limit of 1000. */
export const WINDOW = 200;

// The filter's shape lives beside its phrases (no browser needed there, so unit tests read it).
export type { ExceptionFilters, SearchField } from '../exceptionFilterText';

export { NO_FILTERS };

/** Which filter field a roll-up dimension sets. */
export const GROUP_FIELD: Record<RollupBy, SearchField> = {
  item: 'sku',
  family: 'family',
  resource: 'resource',
  lane: 'lane',
};

type ListPage = ApiOutput<'exception.list'>;

export interface ExceptionState {
  filters: ExceptionFilters;
  rollupBy: RollupBy;
  /** The first window's answer: total, value at risk, computation (its rows are in `rows`). */
  page: Omit<ListPage, 'rows'> | null;
  /** Fetched rows by their rank (0-based); a rank not fetched yet is absent. */
  rows: Record<number, ExceptionInfoT>;
  rollup: ApiOutput<'exception.rollup'> | null;
  kpis: ApiOutput<'kpi.list'> | null;
  loading: boolean;
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Fetches the windows covering ranks first..last that are not fetched or on their way. */
  ensureRange(first: number, last: number): void;
  /** Puts a row the API answered (after a review) in place of the one with its key. */
  patchRow(row: ExceptionInfoT): void;
  setFilters(f: Partial<ExceptionFilters>): void;
  setRollupBy(by: RollupBy): void;
}

/** The list's API filter, without offset/limit. */
function listFilter(f: ExceptionFilters) {
  return {
    type: f.type || undefined,
    includeResolved: f.includeResolved,
    sku: f.sku || undefined,
    family: f.family || undefined,
    resource: f.resource || undefined,
    lane: f.lane || undefined,
    ownerRole: f.ownerRole || undefined,
  };
}

function byRank(offset: number, rows: ExceptionInfoT[]): Record<number, ExceptionInfoT> {
  const out: Record<number, ExceptionInfoT> = {};
  rows.forEach((r, i) => (out[offset + i] = r));
  return out;
}

export const useExceptionStore = create<ExceptionState>((set, get) => {
  /** Each load gets a number; an answer to an older load than the latest is dropped. */
  let latestLoad = 0;
  /** Windows fetched or being fetched under the latest load. */
  let requested = new Set<number>();

  return {
    filters: NO_FILTERS,
    rollupBy: 'family',
    page: null,
    rows: {},
    rollup: null,
    kpis: null,
    loading: false,
    error: null,
    async load() {
      const { filters, rollupBy } = get();
      const mine = ++latestLoad;
      requested = new Set([0]);
      set({ loading: true });
      const common = listFilter(filters);
      // The list first: it computes the cycle if needed, so the other two read stored results.
      const first = await call('exception.list', {
        ...common,
        reviewStatus: filters.reviewStatus || undefined,
        offset: 0,
        limit: WINDOW,
      });
      const [rollup, kpis] = await Promise.all([
        call('exception.rollup', { ...common, by: rollupBy, limit: 12 }),
        call('kpi.list', { dimension: 'total' }),
      ]);
      // Filters changed while this one ran (two quick clicks): a newer load will set the state.
      if (mine !== latestLoad) return;
      const error = [first, rollup, kpis].find((r) => !r.ok);
      let page: ExceptionState['page'] = null;
      let rows: ExceptionState['rows'] = {};
      if (first.ok) {
        const { rows: got, ...head } = first.data;
        page = head;
        rows = byRank(0, got);
      }
      set({
        loading: false,
        error: error && !error.ok ? error.error : null,
        page,
        rows,
        rollup: rollup.ok ? rollup.data : null,
        kpis: kpis.ok ? kpis.data : null,
      });
    },
    ensureRange(first, last) {
      const { page, filters } = get();
      if (!page || page.total === 0) return;
      const mine = latestLoad;
      const lastRank = Math.min(last, page.total - 1);
      for (let w = Math.floor(Math.max(0, first) / WINDOW); w * WINDOW <= lastRank; w++) {
        if (requested.has(w)) continue;
        requested.add(w);
        void call('exception.list', {
          ...listFilter(filters),
          reviewStatus: filters.reviewStatus || undefined,
          offset: w * WINDOW,
          limit: WINDOW,
        }).then((r) => {
          if (mine !== latestLoad) return;
          if (!r.ok) {
            requested.delete(w); // asked again when it scrolls into view
            set({ error: r.error });
            return;
          }
          set({ rows: { ...get().rows, ...byRank(w * WINDOW, r.data.rows) } });
        });
      }
    },
    patchRow(row) {
      const rows = get().rows;
      const rank = Object.keys(rows).find((k) => rows[Number(k)]!.key === row.key);
      if (rank !== undefined) set({ rows: { ...rows, [rank]: row } });
    },
    setFilters(f) {
      set({ filters: { ...get().filters, ...f } });
      void get().load();
    },
    setRollupBy(rollupBy) {
      set({ rollupBy });
      void get().load();
    },
  };
});
